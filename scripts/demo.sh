#!/usr/bin/env bash
# The EdgeCloud demo: fetches the real models, builds the hub and the agent, starts both as processes
# and runs a short workload showing the local path, the cloud path, the cache and a link drop.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/fetch-models.sh
for project in src/CloudHub src/EdgeAgent tools/Demo; do
  dotnet build -c Release --nologo -v quiet "$project"
done
dotnet artifacts/bin/EdgeCloud.Demo/release/EdgeCloud.Demo.dll \
  --hub artifacts/bin/EdgeCloud.CloudHub/release/EdgeCloud.CloudHub.dll \
  --agent artifacts/bin/EdgeCloud.EdgeAgent/release/EdgeCloud.EdgeAgent.dll \
  --models models/repo --work .data/demo
