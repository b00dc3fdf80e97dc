#!/usr/bin/env bash
# On the GPU machine: keeps one carried part (.gpu/partN) in $HOME/stage until device-bench.sh reassembles them.
set -euo pipefail
cd "$(dirname "$0")/../.."
part=".gpu/part${1:?usage: stage-part.sh N}"
mkdir -p "$HOME/stage"
cp "$part" "$HOME/stage/"
ls -l "$HOME/stage"
