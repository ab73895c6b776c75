#!/usr/bin/env bash
# Makes sure the application database (KGLAB_DB_NAME, default kglab) exists. Idempotent.
# Connection: PGHOST (default 127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD / ~/.pgpass.
# On a server of this machine a missing database is created. On another server it is created only
# with --create (the server's owner may want to create it themselves); otherwise this says what to run.
set -euo pipefail

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DB_NAME="${KGLAB_DB_NAME:-kglab}"
DB_OWNER="${KGLAB_DB_OWNER:-$PGUSER}"

die() { echo "database: ERROR: $*" >&2; exit 1; }
psql_q() { psql -X -q -At -v ON_ERROR_STOP=1 -d postgres "$@"; }

command -v psql >/dev/null || die "psql not found (install postgresql-client)"
psql_q -c "SELECT 1" >/dev/null 2>&1 \
    || die "cannot connect to PostgreSQL at ${PGHOST}:${PGPORT} as ${PGUSER}; is it running, and are KGLAB_DB_URL, KGLAB_DB_USER and KGLAB_DB_PASSWORD right?"

# Names go through psql variables (:'v' literal, :"v" identifier), so any name is quoted safely.
exists="$(psql_q -v db="$DB_NAME" <<'SQL'
SELECT 1 FROM pg_database WHERE datname = :'db';
SQL
)"
if [ "$exists" = "1" ]; then
    echo "database: '${DB_NAME}' already exists on ${PGHOST}:${PGPORT}"
    exit 0
fi

case "${PGHOST}" in
    127.0.0.1 | localhost | ::1 | /*) ;;
    *)
        [ "${1:-}" = "--create" ] || die "database '${DB_NAME}' does not exist on ${PGHOST}:${PGPORT}. Create it there, or run: PGHOST=${PGHOST} PGPORT=${PGPORT} PGUSER=${PGUSER} KGLAB_DB_NAME=${DB_NAME} scripts/ensure-database.sh --create"
        ;;
esac

psql_q -v db="$DB_NAME" -v owner="$DB_OWNER" <<'SQL'
CREATE DATABASE :"db" OWNER :"owner";
SQL
echo "database: created '${DB_NAME}' (owner ${DB_OWNER}) on ${PGHOST}:${PGPORT}"
