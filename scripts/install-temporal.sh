#!/usr/bin/env bash
# Installs the Temporal CLI (which embeds the dev server) into <repo>/.tools/bin/temporal.
set -euo pipefail

readonly VERSION=v1.5.1
readonly MODULE=github.com/temporalio/cli/cmd/temporal
# go.mod of github.com/temporalio/cli@v1.5.1 says "go 1.25.0".
readonly MIN_GO=1.25

repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="$repo_dir/.tools/bin"
target="$bin_dir/temporal"

if [[ -n "${TEMPORAL_CLI:-}" ]]; then
  if [[ -x "$TEMPORAL_CLI" && -f "$TEMPORAL_CLI" ]]; then
    echo "TEMPORAL_CLI is set, nothing to install: $TEMPORAL_CLI"
    exit 0
  fi
  echo "error: TEMPORAL_CLI is set to '$TEMPORAL_CLI', which is not an executable file." >&2
  exit 1
fi

if command -v temporal >/dev/null 2>&1; then
  echo "Temporal CLI found on PATH: $(command -v temporal)"
  exit 0
fi

if [[ -x "$target" ]]; then
  echo "Temporal CLI already installed: $target"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "error: 'go' is not on PATH, so the Temporal CLI cannot be built." >&2
  echo "  Either install Go >= $MIN_GO (https://go.dev/doc/install) and run this script again," >&2
  echo "  or set TEMPORAL_CLI to an existing temporal binary." >&2
  exit 1
fi

echo "Building the Temporal CLI $VERSION with $(go version) into $bin_dir"
echo "The first build downloads and compiles many modules: it takes several minutes."
mkdir -p "$bin_dir"
# GOTOOLCHAIN=local: never let go download another toolchain; a too-old Go fails here with its own message.
if ! GOTOOLCHAIN=local GOBIN="$bin_dir" go install "$MODULE@$VERSION"; then
  echo "error: go install $MODULE@$VERSION failed (it needs Go >= $MIN_GO)." >&2
  echo "  Upgrade Go, or set TEMPORAL_CLI to an existing temporal binary." >&2
  exit 1
fi
echo "Temporal CLI installed: $target"
