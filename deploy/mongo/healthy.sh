#!/bin/bash
# Healthy once the replica set answers as primary. The first time, this also initiates the replica set
# (one member, under its compose name): nothing else has to be run by hand.
set -euo pipefail
mongosh --quiet -u root -p "$MONGO_INITDB_ROOT_PASSWORD" --authenticationDatabase admin --eval "
  let status;
  try { status = rs.status(); } catch (notInitiated) {
    rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: '$ANSINH_MONGO_HOST:27017' }] });
    quit(1);
  }
  quit(db.hello().isWritablePrimary ? 0 : 1);"
