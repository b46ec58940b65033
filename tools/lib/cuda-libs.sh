# shellcheck shell=bash
# Finds the CUDA 13, cuDNN 9 and TensorRT 10 libraries that ONNX Runtime's GPU providers load: system-wide first,
# then in the pip wheels of Python virtual environments (site-packages/nvidia/*/lib), where GPU servers set up for
# PyTorch often keep the only copy. Sourced by gpu-check.sh; needs bash and ldconfig only.

# The CUDA provider does not load without these (libcuda.so.1 comes with the NVIDIA driver).
CUDA_REQUIRED_LIBS=(libcuda.so.1 libcudart.so.13 libcublas.so.13 libcublasLt.so.13 libcurand.so.10 libcudnn.so.9)
# Loaded only for some operators or providers: cuFFT (FFT operators), NVRTC, NVML (GPU telemetry), TensorRT.
CUDA_OPTIONAL_LIBS=(libcufft.so.12 libnvrtc.so.13 libnvidia-ml.so.1 libnvinfer.so.10 libnvonnxparser.so.10)

# Where virtual environments are looked for besides $VIRTUAL_ENV and ~/.venv; tests point it at a temporary folder.
CUDA_LIBS_OPT_DIR=${CUDA_LIBS_OPT_DIR:-/opt}
# The ldconfig to ask (tests give a fake one); it lives in /sbin, off a normal user's PATH on some systems.
CUDA_LIBS_LDCONFIG=${CUDA_LIBS_LDCONFIG:-$(command -v ldconfig || echo /sbin/ldconfig)}
# Toolkit folders that are often missing from the ldconfig cache; tests set this to nothing.
CUDA_LIBS_TOOLKIT_DIRS=${CUDA_LIBS_TOOLKIT_DIRS-"/usr/local/cuda/lib64 /usr/local/cuda-13*/lib64 /usr/local/cuda-13*/targets/x86_64-linux/lib"}

# Prints "soname<TAB>path" for every 64-bit library in the ldconfig cache.
system_libs() {
  local line name rest
  "$CUDA_LIBS_LDCONFIG" -p 2>/dev/null | while IFS= read -r line; do
    [[ $line == *"x86-64"*" => "* ]] || continue
    name=${line#"${line%%[![:space:]]*}"}
    name=${name%% *}
    rest=${line##* => }
    printf '%s\t%s\n' "$name" "$rest"
  done
}

# Adds "folder<TAB>origin" lines to the candidates array for every pip NVIDIA wheel under $1: a virtualenv,
# a site-packages folder, or a library folder itself.
_cuda_libs_add_tree() {
  local root=$1 origin=$2 dir
  local -a dirs
  shopt -s nullglob
  dirs=("$root"/lib/python3*/site-packages/nvidia/*/lib "$root"/lib64/python3*/site-packages/nvidia/*/lib "$root"/nvidia/*/lib)
  shopt -u nullglob
  for dir in "${dirs[@]}"; do
    _cuda_candidates+=("$dir"$'\t'"$origin")
  done
}

# find_cuda_libs [PATH...]
#   PATH (gpu-check.sh's --cuda-libs): a library folder, a virtualenv or a site-packages folder, searched first.
#   Then: $LD_LIBRARY_PATH, the ldconfig cache, the CUDA toolkit folders, and the virtualenvs $VIRTUAL_ENV,
#   /opt/*/.venv and ~/.venv. The first folder holding a library wins.
# Prints the folders that provided a library, one per line, best first: put them on LD_LIBRARY_PATH in that order.
# Reports on stderr where each library was found and which are missing. Returns 1 when a required one is missing.
find_cuda_libs() {
  local -a _cuda_candidates=() missing=() parts=() venvs=()
  local -A chosen=()
  local path dir origin lib found entry name target venv
  for path in "$@"; do
    _cuda_candidates+=("$path"$'\t'"--cuda-libs")
    _cuda_libs_add_tree "$path" "--cuda-libs $path"
  done

  IFS=: read -ra parts <<< "${LD_LIBRARY_PATH:-}"
  for dir in "${parts[@]}"; do
    [ -n "$dir" ] && _cuda_candidates+=("$dir"$'\t'"LD_LIBRARY_PATH")
  done

  # Only the ldconfig entries of the libraries wanted here, so the cache's other folders do not crowd the list.
  while IFS=$'\t' read -r name target; do
    for lib in "${CUDA_REQUIRED_LIBS[@]}" "${CUDA_OPTIONAL_LIBS[@]}"; do
      [ "$name" = "$lib" ] && _cuda_candidates+=("${target%/*}"$'\t'"ldconfig")
    done
  done < <(system_libs)

  for dir in $CUDA_LIBS_TOOLKIT_DIRS; do
    _cuda_candidates+=("$dir"$'\t'"CUDA toolkit")
  done

  shopt -s nullglob
  venvs=(${VIRTUAL_ENV:+"$VIRTUAL_ENV"} "$CUDA_LIBS_OPT_DIR"/*/.venv ${HOME:+"$HOME/.venv"})
  shopt -u nullglob
  for venv in "${venvs[@]}"; do
    [ -d "$venv" ] && _cuda_libs_add_tree "$venv" "virtualenv $venv"
  done

  echo "CUDA libraries (first found wins: --cuda-libs, LD_LIBRARY_PATH, ldconfig, CUDA toolkit, virtualenvs):" >&2
  for lib in "${CUDA_REQUIRED_LIBS[@]}" "${CUDA_OPTIONAL_LIBS[@]}"; do
    found=
    for entry in "${_cuda_candidates[@]}"; do
      dir=${entry%%$'\t'*}
      origin=${entry#*$'\t'}
      if [ -e "$dir/$lib" ]; then
        found=$dir
        chosen[$dir]=1
        printf '  found    %-22s %s (%s)\n' "$lib" "$dir" "$origin" >&2
        break
      fi
    done
    if [ -n "$found" ]; then
      continue
    elif [[ " ${CUDA_REQUIRED_LIBS[*]} " == *" $lib "* ]]; then
      missing+=("$lib")
      printf '  MISSING  %-22s required by the CUDA provider\n' "$lib" >&2
    else
      printf '  absent   %-22s optional\n' "$lib" >&2
    fi
  done

  # Folders in the order they were searched, so LD_LIBRARY_PATH resolves each library to the copy reported above.
  for entry in "${_cuda_candidates[@]}"; do
    dir=${entry%%$'\t'*}
    if [ -n "${chosen[$dir]:-}" ]; then
      printf '%s\n' "$dir"
      unset 'chosen[$dir]'
    fi
  done

  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Missing required CUDA libraries: ${missing[*]}" >&2
    return 1
  fi
  return 0
}
