#!/usr/bin/env bash
# Runs EfficiencyDashboard's gpu-check on a GPU server from the bundle tools/make-gpu-bundle.sh built: verifies the
# parts, unpacks them, finds the CUDA 13 and cuDNN 9 libraries (system-wide, else in Python virtualenvs' pip wheels),
# and prints the measurement table. Needs only bash, coreutils, tar, sha256sum and zstd (or xz); no .NET, no network.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/bundle.sh
source "$here/lib/bundle.sh"
# shellcheck source=lib/cuda-libs.sh
source "$here/lib/cuda-libs.sh"

usage() {
  cat <<EOF
Usage: $0 [BUNDLE_FOLDER] [--work DIR] [--cuda-libs DIR]... [gpu-check options]
  BUNDLE_FOLDER    folder with the parts and SHA256SUMS (default: this script's folder, $here); or --bundle DIR
  --work DIR       where the app is unpacked (default: \${TMPDIR:-/tmp}/efficiency-dashboard-gpu-check); kept for reruns
  --cuda-libs DIR  a CUDA/cuDNN library folder, virtualenv or site-packages to search first (repeatable)
  Other options go to the app's gpu-check:
    --provider cpu|cuda|tensorrt (default cuda)  --seconds N (default 10)  --batches 1,64  --allow-cpu-fallback
EOF
}

bundle=$here
work=${TMPDIR:-/tmp}/efficiency-dashboard-gpu-check
cuda_libs=()
app_args=()
bundle_given=
while [ $# -gt 0 ]; do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --bundle | --work | --cuda-libs)
      if [ $# -lt 2 ]; then
        echo "Option $1 needs a folder." >&2
        usage >&2
        exit 2
      fi
      case $1 in
        --bundle) bundle=$2; bundle_given=1 ;;
        --work) work=$2 ;;
        --cuda-libs) cuda_libs+=("$2") ;;
      esac
      shift 2
      ;;
    --) shift; app_args+=("$@"); break ;;
    *)
      # A folder before any app option is the bundle; app option values (10, 1,64, cuda) are never folders.
      if [ -z "$bundle_given" ] && [ "${#app_args[@]}" -eq 0 ] && [ -d "$1" ]; then
        bundle=$1
        bundle_given=1
      else
        app_args+=("$1")
      fi
      shift
      ;;
  esac
done

echo "== Verifying the bundle in $bundle"
verify_bundle "$bundle"

app=$work/app
marker=$work/SHA256SUMS
if [ -f "$marker" ] && [ -x "$app/EfficiencyDashboard.Web" ] && [ "$(cat "$marker")" = "$(cat "$bundle/SHA256SUMS")" ]; then
  echo "== Already unpacked in $app (same SHA256SUMS)"
else
  echo "== Unpacking into $app"
  mkdir -p "$work"
  rm -f "$marker"
  unpack_bundle "$bundle" "$app"
  # Written last, so an interrupted unpack is redone next time.
  cp "$bundle/SHA256SUMS" "$marker"
fi
if [ ! -x "$app/EfficiencyDashboard.Web" ]; then
  echo "The bundle holds no EfficiencyDashboard.Web executable: it was not built by tools/make-gpu-bundle.sh." >&2
  exit 1
fi

echo "== Finding CUDA 13 and cuDNN 9 libraries"
libs_missing=0
library_dirs=$(find_cuda_libs ${cuda_libs[@]+"${cuda_libs[@]}"}) || libs_missing=1
if [ -n "$library_dirs" ]; then
  mapfile -t found_dirs <<< "$library_dirs"
  joined=$(IFS=:; echo "${found_dirs[*]}")
  export LD_LIBRARY_PATH=$joined${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"
fi
if [ "$libs_missing" -ne 0 ]; then
  echo "Without the missing libraries CUDA cannot load; give their folder with --cuda-libs DIR (a library folder, or a virtualenv holding NVIDIA's pip wheels)." >&2
fi

# .NET needs ICU for culture data; a minimal server image may lack it, and the check does not depend on cultures.
icu=0
while IFS=$'\t' read -r name _; do
  [[ $name == libicuuc.so.* ]] && icu=1
done < <(system_libs)
if [ "$icu" -eq 0 ] && [ -z "${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-}" ]; then
  echo "No ICU library (libicuuc) in the ldconfig cache: running .NET in invariant globalization mode."
  export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
fi

echo "== $app/EfficiencyDashboard.Web gpu-check ${app_args[*]:-}"
app_status=0
"$app/EfficiencyDashboard.Web" gpu-check ${app_args[@]+"${app_args[@]}"} || app_status=$?
if [ "$app_status" -ne 0 ] && [ "$libs_missing" -ne 0 ]; then
  echo "gpu-check exited $app_status; the CUDA libraries listed as MISSING above are the likely cause." >&2
fi
exit "$app_status"
