#!/usr/bin/env bash
# Starts the packaged service on a fresh database and data directory, then measures what
# authentication adds per GraphQL request (see AuthOverhead). Stops the service afterwards.
#   bench/run-auth-overhead.sh [clients=32] [secondsPerPhase=15]
set -euo pipefail
cd "$(dirname "$0")/.."
port=18080
bolt=0
# shellcheck source=bench/start-service.sh
. bench/start-service.sh

./mvnw -B -q -f bench/pom.xml compile exec:java -Dbench.main=org.kglab.bench.AuthOverhead \
    -Dexec.args="http://127.0.0.1:$port ${1:-32} ${2:-15}"
