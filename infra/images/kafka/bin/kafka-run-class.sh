#!/bin/bash
# kafka-run-class.sh CLASS [ARGS]: runs a class of the broker's jars, with the distribution's
# variables: KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_GC_LOG_OPTS, KAFKA_JMX_OPTS,
# KAFKA_LOG4J_OPTS, KAFKA_OPTS (the command-line tools log warnings to stderr by default).
set -eu
base_dir="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${KAFKA_LOG4J_OPTS:-}" ]; then
  KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=${base_dir}/config/tools-log4j2.yaml"
  [ -f "${base_dir}/config/tools-log4j2.yaml" ] || KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=/etc/kafka/docker/tools-log4j2.yaml"
fi
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx256M}"
KAFKA_JVM_PERFORMANCE_OPTS="${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true}"
# shellcheck disable=SC2086 # each variable is a list of JVM options
exec java ${KAFKA_HEAP_OPTS} ${KAFKA_JVM_PERFORMANCE_OPTS} ${KAFKA_GC_LOG_OPTS:-} ${KAFKA_JMX_OPTS:-} \
  -Dkafka.logs.dir="${LOG_DIR:-${base_dir}/logs}" ${KAFKA_LOG4J_OPTS} ${KAFKA_OPTS:-} \
  -cp "${base_dir}/libs/*" "$@"
