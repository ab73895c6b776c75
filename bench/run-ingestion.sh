#!/usr/bin/env bash
# Ingestion through the REST API (README here: "Ingestion throughput"). Two runs of the packaged service, each on a
# fresh database and data directory, at its default -Xmx512m:
#   1. embeddings on (the default ONNX model): a generated corpus of mixed formats uploaded at the given concurrency,
#      each worker uploading and then polling its job until it ends; then a PDF just under the 50 MB upload limit;
#   2. KGLAB_EMBEDDING_PROVIDER=none: 10-page PDFs one at a time (10 runs).
# The service's heap is sampled with jstat every 250 ms. All figures are printed again together at the end.
#   bench/run-ingestion.sh [documents=1000] [concurrency=4]
set -euo pipefail
cd "$(dirname "$0")/.."
documents=${1:-1000}
concurrency=${2:-4}
port=18080
bolt=17687
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
results=$(mktemp)
trap 'rm -f "$results"' EXIT
./mvnw -B -q -f bench/pom.xml compile

bench() {  # mode, documents, concurrency: runs IngestionThroughput against the service started by start-service.sh
    echo "service pid $pid healthy after $(( ($(date +%s%N) - started) / 1000000 )) ms"
    ./mvnw -B -q -f bench/pom.xml exec:java -Dbench.main=org.kglab.bench.IngestionThroughput \
        -Dexec.args="http://127.0.0.1:$port $pid $work/service.log $results $1 $2 $3"
    # The extraction processes the service forks, at their largest (Tika's ForkParser children).
    ps -o rss=,args= --ppid "$pid" | awk '/java/ {printf "extraction process RSS at the end: %.0f MB\n", $1 / 1024}' \
        | tee -a "$results"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
( . bench/start-service.sh; bench embeddings "$documents" "$concurrency" ) \
    || true  # the service was stopped by the cleanup trap; a failure has printed its own error above
( export KGLAB_EMBEDDING_PROVIDER=none; . bench/start-service.sh; bench no-embeddings 10 1 ) \
    || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"

echo
echo "================ ingestion benchmark: $documents documents, concurrency $concurrency ================"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), service -Xmx512m"
cat "$results"
