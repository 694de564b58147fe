#!/bin/bash
# The compose installation's nightly backup: a gzip'd mongodump archive of each service's own database
# into the mongo-backups volume, kept 14 days. Runs once at start, then every night at 02:00 Vietnam
# time. Copy the volume off the host as well (README, "Backup and restore", which also has the restore
# drill). reporting's read models need no backup to be recovered: they are rebuilt from Kafka.
set -uo pipefail
DATABASES=(registry donation distribution reporting issuer)
KEEP_DAYS=${ANSINH_BACKUP_KEEP_DAYS:-14}

dump_all() {
  local stamp failed=0
  stamp=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%dT%H%M)
  for db in "${DATABASES[@]}"; do
    local archive=/backup/$db-$stamp.archive.gz
    # The URI of each database comes from the environment (MONGODB_URI_<DB>), with its credentials.
    local uri_var="MONGODB_URI_${db^^}"
    if mongodump --quiet --uri="${!uri_var}" --nsInclude="$db.*" --gzip --archive="$archive.partial"; then
      mv "$archive.partial" "$archive"
      echo "$(date -Is) backed up $db to $archive ($(du -h "$archive" | cut -f1))"
    else
      rm -f "$archive.partial"
      echo "$(date -Is) backup of $db FAILED" >&2
      failed=1
    fi
  done
  find /backup -name '*.archive.gz' -mtime +"$KEEP_DAYS" -delete
  # The health check reads this: the last night on which every database was backed up.
  [ "$failed" = 0 ] && date +%s > /backup/.last-complete
}

dump_all
while true; do
  now=$(TZ=Asia/Ho_Chi_Minh date +%s)
  next=$(TZ=Asia/Ho_Chi_Minh date -d 'tomorrow 02:00' +%s)
  sleep $((next - now))
  dump_all
done
