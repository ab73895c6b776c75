#!/usr/bin/env bash
# Makes the pgvector extension available on a local PostgreSQL server.
#
# No-op when the server already offers the "vector" extension. Otherwise (Debian
# bookworm has no pgvector package) it builds pgvector from Debian trixie's
# source package against the running server's major version and installs it.
#
# Connection: PGHOST (default 127.0.0.1), PGPORT (5432), PGUSER (postgres);
# PGPASSWORD / ~/.pgpass work as usual for psql.
set -euo pipefail

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER

SRC_LIST=/etc/apt/sources.list.d/pgvector-trixie-src.sources
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

die() { echo "pgvector: ERROR: $*" >&2; exit 1; }

psql_q() { psql -X -q -At -v ON_ERROR_STOP=1 -d postgres -c "$1"; }

vector_available() {
    [ "$(psql_q "SELECT 1 FROM pg_available_extensions WHERE name='vector'")" = "1" ]
}

command -v psql >/dev/null || die "psql not found (install postgresql-client)"
psql_q "SELECT 1" >/dev/null || die "cannot connect to PostgreSQL at ${PGHOST}:${PGPORT} as ${PGUSER}"

if vector_available; then
    echo "pgvector: already available on ${PGHOST}:${PGPORT}"
    exit 0
fi

# The extension files must land in the server's own installation, so only a
# server on this machine can be fixed here.
case "${PGHOST}" in
    127.0.0.1 | localhost | ::1 | /*) ;;
    *) die "extension 'vector' missing on remote server ${PGHOST}; install pgvector there" ;;
esac

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
    # apt warns when root downloads into a directory its sandbox user can't write.
    APT_SRC_OPTS=(-o APT::Sandbox::User=root)
else
    command -v sudo >/dev/null || die "not root and sudo is not installed"
    SUDO=(sudo)
    APT_SRC_OPTS=()
fi

PG_MAJOR="$(( $(psql_q "SHOW server_version_num") / 10000 ))"
PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config"
echo "pgvector: building from source for PostgreSQL ${PG_MAJOR} ..."

# Reuse the Debian mirror this machine already uses, so no host is hard-coded.
# Prefer the entry that serves this release's main suite (not -security/-updates).
codename="$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release 2>/dev/null | tr -d '"' || true)"
find_mirror() {
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        if [ ! -e "$f" ] || [ "$f" = "$SRC_LIST" ]; then continue; fi
        # deb822: blank-line separated stanzas; print "URI<TAB>suites" per stanza with Types deb.
        awk -v RS= -F '\n' '{
            types = ""; uri = ""; suites = ""
            for (i = 1; i <= NF; i++) {
                if ($i ~ /^[ \t]*#/) continue
                if ($i ~ /^Types:/)  { types = $i;  sub(/^Types:[ \t]*/, "", types) }
                if ($i ~ /^URIs:/)   { uri = $i;    sub(/^URIs:[ \t]*/, "", uri); sub(/[ \t].*/, "", uri) }
                if ($i ~ /^Suites:/) { suites = $i; sub(/^Suites:[ \t]*/, "", suites) }
            }
            if (uri != "" && (" " types " ") ~ / deb /) print uri "\t" suites
        }' "$f"
    done
    if [ -f /etc/apt/sources.list ]; then
        # "deb [options] URI suite components..."
        sed -E -n 's/^[[:space:]]*deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+)[[:space:]]+([^[:space:]]+).*/\2\t\3/p' \
            /etc/apt/sources.list
    fi
}
entries="$(find_mirror)"
MIRROR=""
if [ -n "$codename" ]; then
    MIRROR="$(printf '%s\n' "$entries" | awk -F '\t' -v c="$codename" \
        '{ n = split($2, s, /[ \t]+/); for (i = 1; i <= n; i++) if (s[i] == c) { print $1; exit } }')"
fi
if [ -z "$MIRROR" ]; then
    MIRROR="$(printf '%s\n' "$entries" | awk -F '\t' '$1 != "" && $1 !~ /security/ { print $1; exit }')"
fi
[ -n "$MIRROR" ] || die "no Debian mirror found in /etc/apt/sources.list{,.d/*.sources}"
echo "pgvector: using mirror ${MIRROR} (trixie, deb-src only)"

# deb-src only: apt never takes binary packages from trixie because of this entry.
signed_by=""
[ -f "$KEYRING" ] && signed_by="Signed-By: ${KEYRING}"
printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\n%s\n' "$MIRROR" "$signed_by" \
    | "${SUDO[@]}" tee "$SRC_LIST" >/dev/null

export DEBIAN_FRONTEND=noninteractive
echo "pgvector: apt-get update ..."
"${SUDO[@]}" apt-get update -qq
echo "pgvector: installing build-essential postgresql-server-dev-${PG_MAJOR} ..."
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends \
    build-essential "postgresql-server-dev-${PG_MAJOR}" >/dev/null
[ -x "$PG_CONFIG" ] || die "${PG_CONFIG} not found after installing postgresql-server-dev-${PG_MAJOR}"

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
cd "$workdir"
echo "pgvector: downloading the trixie source package ..."
apt-get "${APT_SRC_OPTS[@]}" source -qq --download-only pgvector/trixie >/dev/null
orig="$(find . -maxdepth 1 -name 'pgvector_*.orig.tar.*' | head -n1)"
[ -n "$orig" ] || die "no pgvector orig tarball downloaded"
tar xf "$orig"
srcdir="$(find . -maxdepth 1 -type d -name 'pgvector-*' | head -n1)"
[ -n "$srcdir" ] || die "unexpected layout of ${orig}"

# OPTFLAGS="" drops -march=native so the library runs on any x86-64 CPU.
echo "pgvector: compiling ${srcdir#./} ..."
make -s -C "$srcdir" OPTFLAGS="" PG_CONFIG="$PG_CONFIG" >/dev/null
"${SUDO[@]}" make -s -C "$srcdir" OPTFLAGS="" PG_CONFIG="$PG_CONFIG" install >/dev/null

if vector_available; then
    echo "pgvector: installed; extension 'vector' is now available on ${PGHOST}:${PGPORT}"
else
    die "built and installed into $("$PG_CONFIG" --sharedir), but the server at ${PGHOST}:${PGPORT} still does not list 'vector' (does it run from /usr/lib/postgresql/${PG_MAJOR}?)"
fi
