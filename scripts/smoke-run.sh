#!/usr/bin/env bash
# Smoke test of the README's run command, for CI: starts `./dev run` from this checkout on free ports
# with a data directory and a database of its own, waits for /health, registers and signs in a user,
# uploads a file, waits for its ingestion job, reads it back through GraphQL, then stops the service and starts it again to read
# the document once more (the jar is not rebuilt, the graph password is reused). Leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in curl jq psql; do
    command -v "$tool" >/dev/null || { echo "smoke: ERROR: $tool is needed" >&2; exit 1; }
done

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
}

work="$(mktemp -d)"
# Relative on purpose, as a fresh clone's default "data" is: it must work all the same.
data_dir="target/smoke-data-$$"
db="kglab_smoke_$$_${RANDOM}"
http_port="$(free_port)"
bolt_port="$(free_port)"
while [ "$bolt_port" = "$http_port" ]; do bolt_port="$(free_port)"; done
base="http://127.0.0.1:${http_port}"
pid=""

stop_service() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        wait "$pid" || true
    fi
    pid=""
}
cleanup() {
    stop_service
    psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$work" "$data_dir"
}
trap cleanup EXIT
fail() {
    echo "smoke: FAILED: $*" >&2
    echo "smoke: last lines of the service log:" >&2
    tail -n 40 "$work/service.log" >&2 || true
    exit 1
}

start_service() {
    # The database is missing on purpose: `./dev run` creates the one KGLAB_DB_URL names.
    KGLAB_DATA_DIR="$data_dir" KGLAB_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
        MICRONAUT_SERVER_PORT="$http_port" KGLAB_NEO4J_EMBEDDED_BOLT_PORT="$bolt_port" \
        ./dev run >>"$work/service.log" 2>&1 &
    pid=$!
    local deadline=$((SECONDS + 300))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health" || true)" = "200" ]; do
        kill -0 "$pid" 2>/dev/null || fail "./dev run exited before /health answered 200"
        [ "$SECONDS" -lt "$deadline" ] || fail "/health did not answer 200 within 300 s"
        sleep 1
    done
    echo "smoke: /health is 200 on port $http_port (pid $pid)"
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "-Xmx512m" || fail "the service does not run with -Xmx512m"
}

graphql() { # query-json [token]
    curl -s "$base/graphql" -H 'Content-Type: application/json' ${2:+-H "Authorization: Bearer $2"} -d "$1"
}

read_back() { # token document-id
    local reply
    reply="$(graphql "$(jq -n --arg id "$2" '{query: "query($id: ID!) { document(id: $id) { id title text } }",
        variables: {id: $id}}')" "$1")"
    [ "$(jq -r '.data.document.id' <<<"$reply")" = "$2" ] || fail "document $2 not read back: $reply"
    jq -r '.data.document.text' <<<"$reply" | grep -q "smoke marker" || fail "document text not read back: $reply"
}

start_service

email="smoke-$RANDOM@example.org"
password="a long smoke passphrase"
credentials="$(jq -n --arg e "$email" --arg p "$password" '{email: $e, password: $p}')"
# register's result type is not what is tested here; only that the account can sign in afterwards.
graphql "$(jq -n --argjson v "$credentials" '{query: "mutation($email: String!, $password: String!) { register(email: $email, password: $password) { __typename } }", variables: $v}')" >/dev/null
login="$(graphql "$(jq -n --argjson v "$credentials" '{query: "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }", variables: $v}')")"
token="$(jq -r '.data.login.accessToken // empty' <<<"$login")"
[ -n "$token" ] || fail "login returned no access token: $login"
echo "smoke: registered and signed in $email"

printf '# Smoke test\n\nThe smoke marker sentence.\n' >"$work/smoke.md"
upload="$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $token" -F "file=@$work/smoke.md" "$base/api/v1/files")"
[ "$(tail -n1 <<<"$upload")" = "202" ] || fail "upload did not answer 202: $upload"
id="$(head -n1 <<<"$upload" | jq -r '.documentId')"
job="$(head -n1 <<<"$upload" | jq -r '.jobId')"
# The upload is accepted at once; its job extracts the text. Wait for the job to end.
deadline=$((SECONDS + 120))
while :; do
    state="$(curl -s -H "Authorization: Bearer $token" "$base/api/v1/jobs/$job" | jq -r '.state')"
    case "$state" in
        SUCCEEDED) break ;;
        DEAD|CANCELLED) fail "job $job ended $state" ;;
    esac
    [ "$SECONDS" -lt "$deadline" ] || fail "job $job did not end within 120 s (state $state)"
    sleep 0.5
done
read_back "$token" "$id"
echo "smoke: uploaded, ingested (job $job) and read back document $id"

stop_service
echo "smoke: stopped; starting again"
start_service
if [ "$(grep -c 'Building target/kglab-backend.jar' "$work/service.log")" -gt 1 ]; then
    fail "the second start rebuilt the jar although no source changed"
fi
read_back "$token" "$id"
echo "smoke: read the document back after a restart"
stop_service
echo "smoke: OK"
