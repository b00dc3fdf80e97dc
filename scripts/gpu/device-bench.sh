#!/usr/bin/env bash
# On the GPU machine, after stage-part.sh has kept every part (the last call also carries
# .gpu/bundle.sha256): unpacks the CUDA build, exports a ResNet-50, and measures the hub's gRPC
# ModelInfer against in-process ONNX Runtime CUDA at concurrency 1 and 16. Reports land in $OUT.
# Locally, MODEL_FILE=... PROVIDER=cpu STAGE=... APP=... dry-run everything but the GPU.
set -euo pipefail
cd "$(dirname "$0")/../.."
stage=${STAGE:-$HOME/stage}
app=${APP:-/tmp/edgecloud-app}
out=${OUT:-/tmp/edgecloud-out}
provider=${PROVIDER:-cuda}
seconds=${SECONDS_PER_CELL:-10}
# Long enough for cuDNN's exhaustive algorithm search to meet every batch size (1-16) before the window opens.
warmup=${WARMUP_PER_CELL:-15}
# The bench and the hub need no culture data; the GPU image may have no libicu.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
mkdir -p "$out"

cat "$stage"/part* > "$stage/bundle.tar.xz"
echo "$(cat .gpu/bundle.sha256)  $stage/bundle.tar.xz" | sha256sum -c -
rm -rf "$app" && mkdir -p "$app"
python3 -c "import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])" "$stage/bundle.tar.xz" "$app"

nvidia_libs=/opt/torch/.venv/lib/python3.12/site-packages/nvidia
if [ -d "$nvidia_libs" ]; then
  export LD_LIBRARY_PATH="$(find "$nvidia_libs" -maxdepth 3 -name lib -type d | tr '\n' ':')${LD_LIBRARY_PATH:-}"
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv > "$out/gpu.txt" 2>&1 || true
  cat "$out/gpu.txt"
fi

model=${MODEL_FILE:-}
if [ -z "$model" ]; then
  model=/tmp/resnet50/resnet50/1/model.onnx
  mkdir -p "$(dirname "$model")"
  python3 scripts/gpu/export_resnet50.py "$model"
fi

run() {
  local name=$1; shift
  "$app/EdgeCloud.Bench" throughput --model-file "$model" --provider "$provider" --concurrency 1,16 \
    --seconds "$seconds" --warmup "$warmup" --hub "$app/EdgeCloud.CloudHub" --out "$out/$name.md" "$@" 2>&1 | tee "$out/$name.log" \
    || echo "$name failed (see $name.log); going on" | tee -a "$out/failures.txt"
}
run "throughput-$provider"
# A second run with prefer_nhwc doubles the time (~4 more minutes): only when asked, so the first fits the device budget.
if [ "$provider" = cuda ] && [ -n "${WITH_NHWC:-}" ]; then
  run "throughput-$provider-nhwc" --cuda-prefer-nhwc
fi
if [ -s "$out/failures.txt" ]; then
  cat "$out/failures.txt" >&2
  exit 1
fi
