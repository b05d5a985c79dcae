#!/usr/bin/env bash
# The contract test (`npm run contract`): Schemathesis, an independent contract tester, sends generated requests to a
# stack started here (`npm start` on a fresh data folder and free ports) and holds every answer to the published
# OpenAPI document, with every check. It passes only when it finds nothing. Three runs: the customer's operations
# with a demo customer's token, support's with the demo support account's, the provider's (/api/v1/admin) with the
# admin key.
set -euo pipefail
cd "$(dirname "$0")/.."
# Options for the tester itself, given to each run: `npm run contract -- --max-examples 200`.
extra=("$@")

ST_VERSION=4.32.5
venv=.tools/schemathesis
if ! "$venv/bin/st" --version 2>/dev/null | grep -q "$ST_VERSION"; then
  echo "Installing Schemathesis $ST_VERSION into $venv (PyPI)…"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$ST_VERSION"
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
work=$(mktemp -d /tmp/countersign-contract-XXXXXX)
chmod 755 "$work"
port=$(free_port)
admin_key="contract-$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')"
log="$work/start.log"
: >"$log"

# Development seeds the demo accounts (whose tokens the banner prints); the per-address limit is lifted so that the
# tester reaches the operations instead of a 429.
NODE_ENV=development DATA_DIR="$work/data" PORT=$port ADMIN_API_KEY="$admin_key" RATE_LIMIT_PER_MINUTE=100000 \
  DEV_POSTGRES_PORT=$(free_port) DEV_TEMPORAL_PORT=$(free_port) DEV_TEMPORAL_UI_PORT=$(free_port) \
  METRICS_PORT=$(free_port) WORKER_METRICS_PORT=$(free_port) LOG_LEVEL=warn \
  setsid npx tsx scripts/start.ts >"$log" 2>&1 &
stack=$!
stop() {
  # Everything the stack started is in its process group: PostgreSQL and Temporal stop with it, then the folder goes.
  kill -TERM -- "-$stack" 2>/dev/null || true
  for _ in $(seq 1 60); do pgrep -g "$stack" >/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$stack" 2>/dev/null || true
  rm -rf "$work" || true
}
trap stop EXIT

for _ in $(seq 1 180); do
  grep -q 'Ctrl-C stops everything' "$log" && break
  kill -0 "$stack" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done
token=$(awk '$1 == "am1234-cs" { print $NF }' "$log")
support=$(awk '$1 == "su0001-cs" { print $NF }' "$log")
[ -n "$token" ] && [ -n "$support" ] || { echo 'The stack did not start, or printed no demo token:' >&2; cat "$log" >&2; exit 1; }

base="http://127.0.0.1:$port"
run() {
  "$venv/bin/st" --config-file test/contract/schemathesis.toml run "$base/docs/json" --url "$base" \
    --checks all --max-examples 20 --workers 1 --seed 1 --no-color "$@" "${extra[@]}"
}
status=0
run -H "Authorization: Bearer $token" --exclude-path-regex '^/api/v1/(admin|support)/' || status=1
run -H "Authorization: Bearer $support" --include-path-regex '^/api/v1/support/' || status=1
run -H "Authorization: Bearer $admin_key" --include-path-regex '^/api/v1/admin' || status=1
exit $status
