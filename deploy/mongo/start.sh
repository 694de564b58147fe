#!/bin/bash
# Starts this service's MongoDB as a replica set of one member (what the drivers, change streams and
# retryable writes expect in production) with authentication. Members of a replica set with
# authentication prove themselves to each other with a key file, which mongod accepts only when no one
# else may read it: it is written here from the env file, owned by mongod's user, mode 400.
set -euo pipefail
for variable in MONGO_INITDB_ROOT_PASSWORD MONGO_REPLICA_KEY ANSINH_DB_PASSWORD; do
  if [ -z "${!variable:-}" ] || [[ "${!variable}" == *CHANGE-ME* ]]; then
    echo "$variable is not set, or still the example's CHANGE-ME: set it in secrets/ansinh.env" >&2
    exit 1
  fi
done
printf '%s' "$MONGO_REPLICA_KEY" > /tmp/replica.key
chown mongodb:mongodb /tmp/replica.key
chmod 400 /tmp/replica.key
exec docker-entrypoint.sh mongod --replSet rs0 --bind_ip_all --keyFile /tmp/replica.key
