#!/usr/bin/env bash
# The newest GLIBC_ symbol version each ELF file of a bundle needs (objdump -T), newest first:
#   bash scripts/glibc_floor.sh dist/nanmu-desktop   ->  "2.28 _internal/libQt6Core.so.6" …
# The first line is the bundle's glibc floor. scripts/build_on_floor.sh fails above GLIBC_MAX.
set -euo pipefail
bundle=${1:?usage: glibc_floor.sh BUNDLE_DIR}
command -v objdump >/dev/null || { echo "objdump is missing (binutils)" >&2; exit 1; }
while IFS= read -r -d '' file; do
  magic=""
  IFS= read -r -n 4 magic < "$file" || true
  [ "$magic" = $'\x7fELF' ] || continue
  newest=$(objdump -T "$file" 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' \
    | sort -V | tail -1) || true
  if [ -n "$newest" ]; then printf '%s %s\n' "$newest" "${file#"$bundle"/}"; fi
done < <(find "$bundle" -type f \( -name '*.so*' -o -perm -u+x \) -print0) | sort -k1,1Vr -k2
