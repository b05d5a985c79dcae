#!/usr/bin/env bash
# Runs a command with Node 24 LTS first on PATH, from the npm package `node@24` (no system install needed):
#   bash scripts/with-node24.sh npx vitest run
set -euo pipefail
bin="$(dirname "$(npx -y -p node@24 which node)")"
version="$(PATH="$bin:$PATH" node --version)"
case "$version" in v24.*) ;; *) echo "Expected Node 24 from the npm package node@24, got $version" >&2; exit 1 ;; esac
echo "Node $version: $*"
PATH="$bin:$PATH" exec "$@"
