#!/usr/bin/env bash
# Creates (or brings up to date) every topic of infra/kafka/topics.txt. Idempotent: an existing
# topic keeps its partitions (they are only ever increased, never decreased) and gets the
# retention and cleanup policy of the file.
#
#   BOOTSTRAP_SERVERS   default kafka:9092
#   REPLICATION_FACTOR  default 1 (a single broker); 3 on a real cluster
#   MIN_INSYNC_REPLICAS default 1; 2 on a real cluster (with the producers' acks=all)
#   EVENT_PARTITIONS    default: the file's; e.g. 6 on a cluster with more than 3 replicas per service
#                       (dead-letter topics keep their 1 partition)
#   TOPICS_FILE         default the topics.txt next to this script
#   KAFKA_BIN           default /opt/kafka/bin (the apache/kafka image)
set -euo pipefail

BOOTSTRAP_SERVERS="${BOOTSTRAP_SERVERS:-kafka:9092}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
MIN_INSYNC_REPLICAS="${MIN_INSYNC_REPLICAS:-1}"
EVENT_PARTITIONS="${EVENT_PARTITIONS:-}"
TOPICS_FILE="${TOPICS_FILE:-$(dirname "$0")/topics.txt}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"

echo "waiting for ${BOOTSTRAP_SERVERS}"
for attempt in $(seq 1 60); do
  if "${KAFKA_BIN}/kafka-broker-api-versions.sh" --bootstrap-server "${BOOTSTRAP_SERVERS}" >/dev/null 2>&1; then
    break
  fi
  if [ "${attempt}" -eq 60 ]; then
    echo "broker ${BOOTSTRAP_SERVERS} not reachable" >&2
    exit 1
  fi
  sleep 2
done

existing="$("${KAFKA_BIN}/kafka-topics.sh" --bootstrap-server "${BOOTSTRAP_SERVERS}" --list)"
count=0
while read -r name partitions retention cleanup rest; do
  case "${name}" in ''|'#'*) continue ;; esac
  case "${name}" in *.dlq) ;; *) partitions="${EVENT_PARTITIONS:-${partitions}}" ;; esac
  config="retention.ms=${retention},cleanup.policy=${cleanup},min.insync.replicas=${MIN_INSYNC_REPLICAS}"
  if printf '%s\n' "${existing}" | grep -qx "${name}"; then
    current="$("${KAFKA_BIN}/kafka-topics.sh" --bootstrap-server "${BOOTSTRAP_SERVERS}" --describe --topic "${name}" \
      | sed -n -E 's/.*PartitionCount: *([0-9]+).*/\1/p' | head -n 1)"
    if [ -n "${current}" ] && [ "${current}" -lt "${partitions}" ]; then
      "${KAFKA_BIN}/kafka-topics.sh" --bootstrap-server "${BOOTSTRAP_SERVERS}" --alter --topic "${name}" \
        --partitions "${partitions}"
    fi
    "${KAFKA_BIN}/kafka-configs.sh" --bootstrap-server "${BOOTSTRAP_SERVERS}" --alter --entity-type topics \
      --entity-name "${name}" --add-config "${config}" >/dev/null
    echo "topic ${name}: exists (partitions ${current:-?}, wanted ${partitions}), config ${config}"
  else
    "${KAFKA_BIN}/kafka-topics.sh" --bootstrap-server "${BOOTSTRAP_SERVERS}" --create --if-not-exists \
      --topic "${name}" --partitions "${partitions}" --replication-factor "${REPLICATION_FACTOR}" \
      --config "retention.ms=${retention}" --config "cleanup.policy=${cleanup}" \
      --config "min.insync.replicas=${MIN_INSYNC_REPLICAS}"
    echo "topic ${name}: created (partitions ${partitions}, replication ${REPLICATION_FACTOR}), config ${config}"
  fi
  count=$((count + 1))
done < "${TOPICS_FILE}"

echo "${count} topics ready"
"${KAFKA_BIN}/kafka-topics.sh" --bootstrap-server "${BOOTSTRAP_SERVERS}" --describe | grep -E '^Topic:' || true
