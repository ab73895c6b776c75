#!/usr/bin/env bash
# Texts per second of the default embedding model at several batch sizes, in-process, no service needed.
#   bench/run-embedding-throughput.sh [secondsPerMeasurement]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench-tmp
# onnxruntime and the tokenizer unpack their native libraries: keep them under target/.
MAVEN_OPTS="${MAVEN_OPTS:-} -Djava.io.tmpdir=$PWD/target/bench-tmp -DDJL_CACHE_DIR=$PWD/target/bench-tmp/djl" \
  ./mvnw -B -q -f bench/pom.xml compile exec:java -Dbench.main=org.kglab.bench.EmbeddingThroughput \
    -Dexec.args="${1:-10}"
