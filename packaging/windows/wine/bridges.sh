#!/usr/bin/env bash
# Build the test-only Wine bridges from source into OUT (default build/windows/bridges):
#   icuuc.dll     a converter-less stand-in for Windows 10's system ICU (Qt6Core imports ucnv_*)
#   ucrtbase.dll  Wine's ucrtbase plus the C99 complex functions it only stubs (numpy calls them);
#                 every other export is forwarded to ucrtwine.dll, a copy of Wine's own ucrtbase
# packaging/windows/build.sh copies them into the Wine prefix's system32 (never into the bundle).
# Needs gcc-mingw-w64-x86-64-win32 (x86_64-w64-mingw32-gcc, objdump) and wine64. See README.md.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-build/windows/bridges}
CC=${MINGW_CC:-x86_64-w64-mingw32-gcc}
OBJDUMP=${MINGW_OBJDUMP:-x86_64-w64-mingw32-objdump}
mkdir -p "$OUT"

wine_dlls=""
for dir in ${WINE_DLLDIR:-} /usr/lib/x86_64-linux-gnu/wine/x86_64-windows /usr/lib/wine/x86_64-windows \
           /usr/lib64/wine/x86_64-windows /opt/wine-stable/lib/wine/x86_64-windows; do
    if [ -f "$dir/ucrtbase.dll" ]; then wine_dlls=$dir; break; fi
done
[ -n "$wine_dlls" ] || { echo "bridges.sh: Wine's 64-bit ucrtbase.dll not found (set WINE_DLLDIR)" >&2; exit 2; }

# icuuc.dll: exports exactly what Qt6Core imports
"$CC" -shared -O2 -s -Wl,--no-insert-timestamp -o "$OUT/icuuc.dll" "$HERE/icuuc.c"

# ucrtwine.dll: Wine's ucrtbase under another name, loaded as a plain PE file. The "Wine builtin DLL"
# marker after the DOS header would make Wine look for a builtin called ucrtwine: blank it.
python3 - "$wine_dlls/ucrtbase.dll" "$OUT/ucrtwine.dll" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
marker = b"Wine builtin DLL"
at = data.find(marker, 0, 0x100)
if at >= 0:
    data[at:at + len(marker)] = b"\0" * len(marker)
open(sys.argv[2], "wb").write(bytes(data))
PY

# ucrtbase.def: our complex functions (name_b in ucrt_complex.c), the rest forwarded to ucrtwine
ours=$(grep -o 'UNARY(c[a-z]*)' "$HERE/ucrt_complex.c" | sed 's/UNARY(\(.*\))/\1 \1f \1l/' | tr ' ' '\n';
       grep -o '^[a-z]* \(c[a-z]*\)_b(' "$HERE/ucrt_complex.c" | sed 's/^[a-z]* \(c[a-z]*\)_b(/\1/')
"$OBJDUMP" -p "$wine_dlls/ucrtbase.dll" \
    | sed -n '/\[Ordinal\/Name Pointer\] Table/,/^$/p' | awk '/^[[:space:]]+\[/ {print $NF}' | sort -u > "$OUT/wine-exports.txt"
{
    echo "LIBRARY ucrtbase.dll"
    echo "EXPORTS"
    awk 'NR == FNR { ours[$1] = 1; next }
         { print ($1 in ours) ? "    " $1 "=" $1 "_b" : "    " $1 "=ucrtwine." $1 }' \
        <(echo "$ours") "$OUT/wine-exports.txt"
} > "$OUT/ucrtbase.def"
"$CC" -shared -O2 -s -Wl,--no-insert-timestamp -o "$OUT/ucrtbase.dll" "$HERE/ucrt_complex.c" "$OUT/ucrtbase.def" -static-libgcc
echo "bridges.sh: $(ls "$OUT"/*.dll | xargs -n1 basename | tr '\n' ' ')in $OUT ($(grep -c '_b$' "$OUT/ucrtbase.def") complex functions)"
