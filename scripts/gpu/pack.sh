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
# Each is published into its own folder, then the hub's is copied over the bench's, so the hub's own files
# (appsettings.json, deps, apphost and its self-contained runtimeconfig) win: the bench references the hub and
# ships a framework-dependent copy of its runtimeconfig, which a publish into the same folder may leave in place.
publish() {
  dotnet publish "$1" -c Release -r linux-x64 --self-contained -p:Accelerator=cuda \
    --artifacts-path "$out/artifacts" -o "$2" --nologo -v quiet "${@:3}"
}
publish bench/EdgeCloud.Bench "$app" -p:ErrorOnDuplicatePublishOutputFiles=false
publish src/CloudHub "$out/hub"
cp -a "$out/hub/." "$app/"
rm -rf "$out/hub"
for program in EdgeCloud.Bench EdgeCloud.CloudHub; do
  grep -q includedFrameworks "$app/$program.runtimeconfig.json" \
    || { echo "pack: $program is not self-contained (its runtimeconfig names no included frameworks)" >&2; exit 1; }
done
# TensorRT is not used (the hub offers cuda, dml, cpu) and its provider library is large.
rm -f "$app"/libonnxruntime_providers_tensorrt.so
test -x "$app/EdgeCloud.Bench" && test -x "$app/EdgeCloud.CloudHub" && test -f "$app/libonnxruntime_providers_cuda.so"

tar -C "$app" -cf - . | xz -T2 -6 > "$out/bundle.tar.xz"
split -b 58m -d -a 1 "$out/bundle.tar.xz" "$out/part"
(cd "$out" && sha256sum bundle.tar.xz | cut -d' ' -f1 > bundle.sha256)
rm -rf "$app" "$out/artifacts"
ls -l "$out"
