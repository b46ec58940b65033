# shellcheck shell=bash
# A folder as numbered, checksummed parts small enough for any transfer limit: pack_bundle on the build machine,
# verify_bundle and unpack_bundle on the GPU server. Works on any folder; the unpacking side needs only bash,
# coreutils, tar, sha256sum and zstd (or xz, for a bundle packed with it).

BUNDLE_NAME=${BUNDLE_NAME:-efficiency-dashboard}
BUNDLE_PART_SIZE=${BUNDLE_PART_SIZE:-60M}

# A failed stage of a pipeline must reach the message below it, not end a `set -e` caller silently.
_bundle_errexit_off() {
  _bundle_errexit=${-//[^e]/}
  set +e
}

_bundle_errexit_restore() {
  [ -n "${_bundle_errexit:-}" ] && set -e
  return 0
}

# pack_bundle SOURCE OUTPUT
#   Writes OUTPUT/$BUNDLE_NAME.tar.zst.part-000, -001, ... (each $BUNDLE_PART_SIZE at most), SHA256SUMS and README.
#   Compresses with zstd -19, or xz -9 when zstd is not installed (and says so); BUNDLE_COMPRESSOR=zstd|xz forces one.
pack_bundle() {
  local source=$1 out=$2 compressor=${BUNDLE_COMPRESSOR:-} extension part size total=0 count=0
  local -a compress
  if [ ! -d "$source" ]; then
    echo "pack_bundle: '$source' is not a folder." >&2
    return 2
  fi
  if [ -z "$compressor" ]; then
    if command -v zstd >/dev/null 2>&1; then
      compressor=zstd
    else
      compressor=xz
      echo "zstd is not installed: compressing with xz -9 instead (larger, slower to unpack; the GPU server then needs xz, not zstd)." >&2
    fi
  fi
  case $compressor in
    zstd) extension=zst; compress=(zstd -19 -T0 -q -c) ;;
    xz) extension=xz; compress=(xz -9 -T0 -c) ;;
    *) echo "pack_bundle: unknown compressor '$compressor' (zstd or xz)." >&2; return 2 ;;
  esac

  mkdir -p "$out"
  rm -f "$out/$BUNDLE_NAME".tar.*.part-* "$out/SHA256SUMS"
  # Streamed, so no full-size archive is ever written; -a 3 keeps the parts in order for any glob.
  local -a status
  _bundle_errexit_off
  tar -C "$source" -cf - . | "${compress[@]}" | split -b "$BUNDLE_PART_SIZE" -d -a 3 - "$out/$BUNDLE_NAME.tar.$extension.part-"
  status=("${PIPESTATUS[@]}")
  _bundle_errexit_restore
  if [ "${status[*]}" != "0 0 0" ]; then
    echo "pack_bundle: packing failed (tar, ${compressor} and split exited ${status[*]})." >&2
    return 1
  fi
  (cd "$out" && sha256sum "$BUNDLE_NAME.tar.$extension.part-"* > SHA256SUMS) || return 1

  cat > "$out/README" <<EOF
${BUNDLE_DESCRIPTION:-A folder packed by tools/make-gpu-bundle.sh.}

Parts: $BUNDLE_NAME.tar.$extension.part-* (a $compressor-compressed tar split into $BUNDLE_PART_SIZE pieces).
Reassemble by hand (bash, coreutils, tar, sha256sum and $compressor):
  sha256sum -c SHA256SUMS
  mkdir -p app && cat $BUNDLE_NAME.tar.$extension.part-* | $compressor -d | tar -x -C app
EOF

  echo "Parts in $out ($compressor):"
  for part in "$out/$BUNDLE_NAME.tar.$extension.part-"*; do
    size=$(stat -c %s "$part")
    total=$((total + size))
    count=$((count + 1))
    printf '  %-40s %10s bytes (%s)\n' "${part##*/}" "$size" "$(numfmt --to=iec-i --suffix=B "$size")"
  done
  printf '  %d parts, %s bytes in all (%s)\n' "$count" "$total" "$(numfmt --to=iec-i --suffix=B "$total")"
}

# The part files SHA256SUMS lists, one per line, in order.
bundle_parts() {
  local hash name
  while read -r hash name; do
    [ -n "$hash" ] && printf '%s\n' "${name#\*}"
  done < "$1/SHA256SUMS" | sort
}

# verify_bundle FOLDER
#   Checks every part against SHA256SUMS, and that no stray part (from another build) lies beside them.
verify_bundle() {
  local dir=$1 report line part listed
  if [ ! -f "$dir/SHA256SUMS" ]; then
    echo "No SHA256SUMS in '$dir': give the folder that holds the bundle's parts (copy SHA256SUMS with them)." >&2
    return 1
  fi
  listed=$(bundle_parts "$dir")
  if [ -z "$listed" ]; then
    echo "SHA256SUMS in '$dir' lists no parts." >&2
    return 1
  fi
  if ! report=$(cd "$dir" && sha256sum --check --strict SHA256SUMS 2>&1); then
    while IFS= read -r line; do
      [[ $line == *": OK" ]] || echo "  $line" >&2
    done <<< "$report"
    echo "The bundle in '$dir' is damaged: the parts above do not match SHA256SUMS. Copy them again, completely, and rerun." >&2
    return 1
  fi
  shopt -s nullglob
  for part in "$dir/$BUNDLE_NAME".tar.*.part-*; do
    if [[ $'\n'"$listed"$'\n' != *$'\n'"${part##*/}"$'\n'* ]]; then
      shopt -u nullglob
      echo "'${part##*/}' is not listed in SHA256SUMS: it belongs to another bundle. Remove it and rerun." >&2
      return 1
    fi
  done
  shopt -u nullglob
  echo "All $(wc -l <<< "$listed") parts match SHA256SUMS." >&2
}

# unpack_bundle FOLDER TARGET
#   Concatenates the parts SHA256SUMS lists, decompresses and untars them into TARGET (emptied first).
#   Run verify_bundle first: a damaged part would otherwise surface as a cryptic decompression error.
unpack_bundle() {
  local dir=$1 target=$2 first tool
  local -a parts
  mapfile -t parts < <(bundle_parts "$dir")
  first=${parts[0]:-}
  case $first in
    *.tar.zst.part-*) tool=zstd ;;
    *.tar.xz.part-*) tool=xz ;;
    *) echo "unpack_bundle: '$first' is not a bundle part (*.tar.zst.part-* or *.tar.xz.part-*)." >&2; return 1 ;;
  esac
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "This bundle is $tool-compressed but $tool is not installed here: install it (apt-get install $tool), or rebuild the bundle with BUNDLE_COMPRESSOR=$([ "$tool" = zstd ] && echo xz || echo zstd)." >&2
    return 1
  fi
  rm -rf "$target"
  mkdir -p "$target"
  local -a status
  _bundle_errexit_off
  (cd "$dir" && cat "${parts[@]}") | "$tool" -d -c | tar -x -C "$target" -f -
  status=("${PIPESTATUS[@]}")
  _bundle_errexit_restore
  if [ "${status[*]}" != "0 0 0" ]; then
    echo "unpack_bundle: unpacking into '$target' failed (cat, $tool and tar exited ${status[*]}); is the disk full?" >&2
    return 1
  fi
}
