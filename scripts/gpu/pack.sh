#!/usr/bin/env bash
# Builds what the GPU machine runs (../shared/GPU.md): the bench and the hub, published self-contained
# with the CUDA ONNX Runtime into one folder, packed as .gpu/bundle.tar.xz and split into 58 MiB parts
# (.gpu/part0, part1, ...) that the device tool carries one per call, beside the ~2 MiB working tree, under its
# 64 MiB limit. .gpu/ is git-ignored.
set -euo pipefail
cd "$(dirname "$0")/../.."

out=.gpu
app=$out/app
rm -rf "$out" && mkdir -p "$app"
# The bench references the hub and the agent (both ship an appsettings.json): it is published first with
# duplicates allowed, then the hub over it, so the hub's own files (appsettings.json, deps, apphost) win.
publish() {
  dotnet publish "$1" -c Release -r linux-x64 --self-contained -p:Accelerator=cuda \
    --artifacts-path "$out/artifacts" -o "$app" --nologo -v quiet "${@:2}"
}
publish bench/EdgeCloud.Bench -p:ErrorOnDuplicatePublishOutputFiles=false
publish src/CloudHub
# TensorRT is not used (the hub offers cuda, dml, cpu) and its provider library is large.
rm -f "$app"/libonnxruntime_providers_tensorrt.so
test -x "$app/EdgeCloud.Bench" && test -x "$app/EdgeCloud.CloudHub" && test -f "$app/libonnxruntime_providers_cuda.so"

tar -C "$app" -cf - . | xz -T2 -6 > "$out/bundle.tar.xz"
split -b 58m -d -a 1 "$out/bundle.tar.xz" "$out/part"
(cd "$out" && sha256sum bundle.tar.xz | cut -d' ' -f1 > bundle.sha256)
rm -rf "$app" "$out/artifacts"
ls -l "$out"
