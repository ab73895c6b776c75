#!/usr/bin/env bash
# Starts the packaged service on a fresh database and data directory (embedded Neo4j), prints its
# start-up time, runs the upload -> Neo4j node latency benchmark, then stops the service.
#   bench/run-upload-latency.sh [markdownRuns] [pdfRuns]
set -euo pipefail
cd "$(dirname "$0")/.."
port=18080
bolt=17687
# shellcheck source=bench/start-service.sh
. bench/start-service.sh
ls -l target/kglab-backend.jar | awk '{printf "fat jar: %.1f MB\n", $5 / 1048576}'
echo "service healthy after $(( ($(date +%s%N) - started) / 1000000 )) ms (process start to /health UP, fresh Neo4j store)"
grep -hoE "Embedded Neo4j started in [0-9]+ ms|Startup completed in [0-9]+ms" "$work/service.log"

./mvnw -B -q -f bench/pom.xml compile exec:java \
    -Dexec.args="http://127.0.0.1:$port bolt://127.0.0.1:$bolt ${1:-50} ${2:-20}"
