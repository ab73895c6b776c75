#!/usr/bin/env bash
# Starts the packaged service on a fresh database and data directory, then measures what
# authentication adds per GraphQL request (see AuthOverhead). Stops the service afterwards.
#   bench/run-auth-overhead.sh [clients=32] [secondsPerPhase=15]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
db=kglab_bench
work=$(mktemp -d)
port=18080

psql -h 127.0.0.1 -U postgres -qAtc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
[ -f target/kglab-backend.jar ] || ./mvnw -B -q -DskipTests package
KGLAB_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db KGLAB_DATA_DIR="$work" MICRONAUT_SERVER_PORT=$port \
KGLAB_NEO4J_EMBEDDED_BOLT_PORT=0 \
    "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Duser.home="$work" -Djava.io.tmpdir="$work" \
    -jar target/kglab-backend.jar > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; psql -h 127.0.0.1 -U postgres -qAtc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$work/service.log"; exit 1; }
    sleep 0.2
done
./mvnw -B -q -f bench/pom.xml compile exec:java -Dbench.main=org.kglab.bench.AuthOverhead \
    -Dexec.args="http://127.0.0.1:$port ${1:-32} ${2:-15}"
