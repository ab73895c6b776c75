#!/usr/bin/env bash
# Starts the packaged service on a fresh database and data directory, then measures batch upserts of 1,000
# entities + 1,000 relationships through GraphQL against a raw driver UNWIND MERGE (see GraphUpsertThroughput).
#   bench/run-graph-upsert.sh [runs=20] [warmups=5]
set -euo pipefail
cd "$(dirname "$0")/.."
port=18081
bolt=17688
# The raw driver signs in to the embedded Neo4j with this throw-away password.
KGLAB_NEO4J_PASSWORD="bench-$(date +%s%N)"
export KGLAB_NEO4J_PASSWORD
# shellcheck source=bench/start-service.sh
. bench/start-service.sh

./mvnw -B -q -f bench/pom.xml compile exec:java -Dbench.main=org.kglab.bench.GraphUpsertThroughput \
    -Dexec.args="http://127.0.0.1:$port bolt://127.0.0.1:$bolt $KGLAB_NEO4J_PASSWORD ${1:-20} ${2:-5}"
