# Sourced by the benchmark scripts: starts the packaged service on a throw-away database
# (kglab_bench) and data directory, waits until /health is UP, and cleans everything up on exit.
# Expects $port and $bolt; sets $pid, $work and $started (process start, nanoseconds).
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
db=kglab_bench
work=$(mktemp -d)

psql -h 127.0.0.1 -U postgres -qAtc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
[ -f target/kglab-backend.jar ] || ./mvnw -B -q -DskipTests package

started=$(date +%s%N)
KGLAB_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db KGLAB_DATA_DIR="$work" MICRONAUT_SERVER_PORT=$port \
KGLAB_NEO4J_EMBEDDED_BOLT_PORT=$bolt \
    "$JAVA_HOME/bin/java" -Xmx512m --enable-native-access=ALL-UNNAMED -Duser.home="$work" -Djava.io.tmpdir="$work" \
    -jar target/kglab-backend.jar > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; psql -h 127.0.0.1 -U postgres -qAtc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$work/service.log"; exit 1; }
    sleep 0.1
done
