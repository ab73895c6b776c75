#!/usr/bin/env bash
# Starts the packaged service on a fresh database and data directory (embedded Neo4j), prints its
# start-up time, runs the upload -> Neo4j node latency benchmark, then stops the service.
#   bench/run-upload-latency.sh [markdownRuns] [pdfRuns]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
db=kglab_bench
work=$(mktemp -d)
port=18080
bolt=17687

psql -h 127.0.0.1 -U postgres -qAtc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
[ -f target/kglab-backend.jar ] || ./mvnw -B -q -DskipTests package
ls -l target/kglab-backend.jar | awk '{printf "fat jar: %.1f MB\n", $5 / 1048576}'

started=$(date +%s%N)
KGLAB_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db KGLAB_DATA_DIR="$work" MICRONAUT_SERVER_PORT=$port \
KGLAB_NEO4J_EMBEDDED_BOLT_PORT=$bolt \
    "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Duser.home="$work" -Djava.io.tmpdir="$work" \
    -jar target/kglab-backend.jar > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; psql -h 127.0.0.1 -U postgres -qAtc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$work/service.log"; exit 1; }
    sleep 0.1
done
echo "service healthy after $(( ($(date +%s%N) - started) / 1000000 )) ms (process start to /health UP, fresh Neo4j store)"
grep -hoE "Embedded Neo4j started in [0-9]+ ms|Startup completed in [0-9]+ms" "$work/service.log"

./mvnw -B -q -f bench/pom.xml compile exec:java \
    -Dexec.args="http://127.0.0.1:$port bolt://127.0.0.1:$bolt ${1:-50} ${2:-20}"
