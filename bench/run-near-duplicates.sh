#!/usr/bin/env bash
# Times near-duplicate recording with many documents already recorded (see NearDuplicateBench): bulk-loads
# synthetic signatures and band hashes into a throw-away database, then records new documents through the
# real service code and prints p50/p95 and the plan of the candidate lookup. No service process is started.
#   bench/run-near-duplicates.sh [documents=100000] [records=300]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
db=kglab_bench_neardup
out=target/bench-near-duplicates

if [ ! -f target/kglab-backend.jar ] || [ -n "$(find src pom.xml migrations schema.graphqls -newer target/kglab-backend.jar -print -quit)" ]; then
    ./mvnw -B -q -DskipTests package
fi
rm -rf "$out" && mkdir -p "$out"
"$JAVA_HOME/bin/javac" -proc:none -d "$out" -cp target/kglab-backend.jar \
    bench/near-duplicates/org/kglab/duplicates/NearDuplicateBench.java

psql -h 127.0.0.1 -U postgres -qAtc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
trap 'psql -h 127.0.0.1 -U postgres -qAtc "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
"$JAVA_HOME/bin/java" -Xmx512m --enable-native-access=ALL-UNNAMED -Dlogback.configurationFile=/dev/null \
    -cp "target/kglab-backend.jar:$out" org.kglab.duplicates.NearDuplicateBench \
    "jdbc:postgresql://127.0.0.1:5432/$db" "${1:-100000}" "${2:-300}"
