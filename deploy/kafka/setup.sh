#!/bin/bash
# Runs once after the three brokers are healthy (compose's kafka-setup): a SCRAM-SHA-512 user per service
# with the password from the env file, and the same ACLs as deploy/kubernetes/base/kafka/users.yaml (a
# service writes only its own topics and dead-letter topics, reads what it consumes in its own groups).
# ComposeFileTest checks that the ACLs here and there are the same. Safe to run again.
set -euo pipefail
BROKERS=kafka-1:9094,kafka-2:9094,kafka-3:9094
for variable in ANSINH_KAFKA_ADMIN_PASSWORD KAFKA_REGISTRY_PASSWORD KAFKA_DONATION_PASSWORD KAFKA_DISTRIBUTION_PASSWORD \
    KAFKA_REPORTING_PASSWORD KAFKA_ISSUER_PASSWORD; do
  if [ -z "${!variable:-}" ] || [[ "${!variable}" == *CHANGE-ME* ]]; then
    echo "$variable is not set, or still the example's CHANGE-ME: set it in secrets/ansinh.env" >&2
    exit 1
  fi
done
ADMIN=/tmp/admin.properties
printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="%s";\n' \
  "$ANSINH_KAFKA_ADMIN_PASSWORD" > "$ADMIN"

user() { # name password
  /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$BROKERS" --command-config "$ADMIN" --alter \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" --entity-type users --entity-name "$1" > /dev/null
  echo "user $1"
}

acl() { # user resource-type pattern-type name operation...
  local user=$1 type=$2 pattern=$3 name=$4
  shift 4
  [ "$pattern" = prefix ] && pattern=prefixed # Strimzi says prefix, kafka-acls says prefixed
  local operations=()
  for operation in "$@"; do operations+=(--operation "$operation"); done
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$BROKERS" --command-config "$ADMIN" --add --allow-principal "User:$user" \
    "--$type" "$name" --resource-pattern-type "$pattern" "${operations[@]}" > /dev/null
}

user registry-service "$KAFKA_REGISTRY_PASSWORD"
user donation-service "$KAFKA_DONATION_PASSWORD"
user distribution-service "$KAFKA_DISTRIBUTION_PASSWORD"
user reporting-service "$KAFKA_REPORTING_PASSWORD"
user token-issuer "$KAFKA_ISSUER_PASSWORD"

# The ACLs (generated from deploy/kubernetes/base/kafka/users.yaml: keep the two the same).
acl registry-service topic literal '*' Describe DescribeConfigs
acl registry-service topic prefix 'registry.' Write Describe Read
acl registry-service group literal 'registry-service-admin-units' Read Describe
acl registry-service topic literal 'registry.admin-units.registry-service-admin-units.dlq' Create Write Read Describe
acl donation-service topic literal '*' Describe DescribeConfigs
acl donation-service topic prefix 'donation.' Write Describe Read
acl donation-service topic literal 'distribution.campaigns' Read Write
acl donation-service topic literal 'registry.admin-units' Read Write
acl donation-service group literal 'donation-service-admin-units' Read Describe
acl donation-service group literal 'donation-campaigns' Read Describe
acl donation-service group literal 'donation-intake' Read Describe
acl donation-service topic literal 'registry.admin-units.donation-service-admin-units.dlq' Create Write Read Describe
acl donation-service topic literal 'distribution.campaigns.donation-campaigns.dlq' Create Write Read Describe
acl donation-service topic literal 'donation.intake.donation-intake.dlq' Create Write Read Describe
acl distribution-service topic literal '*' Describe DescribeConfigs
acl distribution-service topic prefix 'distribution.' Write Describe Read
acl distribution-service topic literal 'donation.funds' Read Write
acl distribution-service topic literal 'donation.reservations' Read Write
acl distribution-service topic literal 'registry.admin-units' Read Write
acl distribution-service topic literal 'registry.households' Read Write
acl distribution-service topic literal 'registry.needs' Read Write
acl distribution-service group literal 'distribution-service-admin-units' Read Describe
acl distribution-service group literal 'distribution-reservations' Read Describe
acl distribution-service group literal 'distribution-needs' Read Describe
acl distribution-service group literal 'distribution-households' Read Describe
acl distribution-service group literal 'distribution-list-merges' Read Describe
acl distribution-service group literal 'distribution-funds' Read Describe
acl distribution-service topic literal 'registry.admin-units.distribution-service-admin-units.dlq' Create Write Read Describe
acl distribution-service topic literal 'donation.reservations.distribution-reservations.dlq' Create Write Read Describe
acl distribution-service topic literal 'registry.needs.distribution-needs.dlq' Create Write Read Describe
acl distribution-service topic literal 'registry.households.distribution-households.dlq' Create Write Read Describe
acl distribution-service topic literal 'registry.households.distribution-list-merges.dlq' Create Write Read Describe
acl distribution-service topic literal 'donation.funds.distribution-funds.dlq' Create Write Read Describe
acl reporting-service topic literal '*' Describe DescribeConfigs
acl reporting-service topic literal 'distribution.campaigns' Read Write
acl reporting-service topic literal 'donation.donations' Read Write
acl reporting-service topic literal 'donation.funds' Read Write
acl reporting-service topic literal 'donation.reservations' Read Write
acl reporting-service topic literal 'registry.admin-units' Read Write
acl reporting-service topic literal 'registry.households' Read Write
acl reporting-service topic literal 'registry.needs' Read Write
acl reporting-service group literal 'reporting-service-admin-units' Read Describe
acl reporting-service group literal 'reporting-households' Read Describe
acl reporting-service group literal 'reporting-needs' Read Describe
acl reporting-service group literal 'reporting-funds' Read Describe
acl reporting-service group literal 'reporting-donations' Read Describe
acl reporting-service group literal 'reporting-campaigns' Read Describe
acl reporting-service group literal 'reporting-reservations' Read Describe
acl reporting-service group literal 'reporting-unit-statistics' Read Describe
acl reporting-service topic literal 'registry.admin-units.reporting-service-admin-units.dlq' Create Write Read Describe
acl reporting-service topic literal 'registry.households.reporting-households.dlq' Create Write Read Describe
acl reporting-service topic literal 'registry.needs.reporting-needs.dlq' Create Write Read Describe
acl reporting-service topic literal 'donation.funds.reporting-funds.dlq' Create Write Read Describe
acl reporting-service topic literal 'donation.donations.reporting-donations.dlq' Create Write Read Describe
acl reporting-service topic literal 'distribution.campaigns.reporting-campaigns.dlq' Create Write Read Describe
acl reporting-service topic literal 'donation.reservations.reporting-reservations.dlq' Create Write Read Describe
acl reporting-service topic literal 'registry.admin-units.reporting-unit-statistics.dlq' Create Write Read Describe
acl token-issuer topic literal '*' Describe DescribeConfigs
acl token-issuer topic literal 'registry.admin-units' Read Write
acl token-issuer group literal 'token-issuer-admin-units' Read Describe
acl token-issuer topic literal 'registry.admin-units.token-issuer-admin-units.dlq' Create Write Read Describe
echo "Kafka users and ACLs are in place"
