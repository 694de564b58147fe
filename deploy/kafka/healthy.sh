#!/bin/bash
# A broker is healthy once it answers an authenticated client on its broker listener (the admin, PLAIN).
set -euo pipefail
printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="%s";\n' \
  "$ANSINH_KAFKA_ADMIN_PASSWORD" > /tmp/health.properties
exec /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9094 --command-config /tmp/health.properties > /dev/null 2>&1
