#!/usr/bin/env bash
# Creates the application database (KGLAB_DB_NAME, default kglab) if it is missing.
# Idempotent. Connection: PGHOST (default 127.0.0.1), PGPORT (5432), PGUSER (postgres).
set -euo pipefail

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DB_NAME="${KGLAB_DB_NAME:-kglab}"
DB_OWNER="${KGLAB_DB_OWNER:-postgres}"

psql_q() { psql -X -q -At -v ON_ERROR_STOP=1 -d postgres "$@"; }

command -v psql >/dev/null || { echo "database: ERROR: psql not found" >&2; exit 1; }

# Names go through psql variables (:'v' literal, :"v" identifier), so any name is quoted safely.
exists="$(psql_q -v db="$DB_NAME" <<'SQL'
SELECT 1 FROM pg_database WHERE datname = :'db';
SQL
)"
if [ "$exists" = "1" ]; then
    echo "database: '${DB_NAME}' already exists on ${PGHOST}:${PGPORT}"
    exit 0
fi

psql_q -v db="$DB_NAME" -v owner="$DB_OWNER" <<'SQL'
CREATE DATABASE :"db" OWNER :"owner";
SQL
echo "database: created '${DB_NAME}' (owner ${DB_OWNER}) on ${PGHOST}:${PGPORT}"
