#!/usr/bin/env bash
# `make windows-installer`: dist/windows/Zusammenleben-Setup-<version>.exe from dist/windows/zusammenleben/
# with NSIS (makensis runs natively on Linux; Debian package `nsis`). See installer.nsi for what it does.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PY=${PY:-.venv/bin/python}
BUNDLE=dist/windows/zusammenleben
[ -f "$BUNDLE/zusammenleben.exe" ] || { echo "installer: no $BUNDLE/zusammenleben.exe: run \`make windows\` first" >&2; exit 1; }
command -v makensis >/dev/null || { echo "installer: makensis is missing (apt-get install nsis)" >&2; exit 2; }
start=$(date +%s)

version=$("$PY" -c 'from importlib.metadata import version; print(version("zusammenleben"))')
version4=$(PYTHONPATH=packaging/windows "$PY" -c 'import sys; from version_info import version_tuple; print(".".join(map(str, version_tuple(sys.argv[1]))))' "$version")
work=build/windows/nsis
rm -rf "$work"
mkdir -p "$work"

# the uninstaller's file list: every file of the bundle, then every folder, deepest first
(cd "$BUNDLE" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) | sed 's|/|\\|g; s|^|    Delete "$INSTDIR\\|; s|$|"|' > "$work/files.nsh"
(cd "$BUNDLE" && find . -mindepth 1 -type d | sed 's|^\./||' | awk -F/ '{print NF "\t" $0}' | LC_ALL=C sort -rn -k1,1 -s | cut -f2-) \
    | sed 's|/|\\|g; s|^|    RMDir "$INSTDIR\\|; s|$|"|' >> "$work/files.nsh"

# licence page text per installer language: the MIT licence, then the notices (LGPL-3.0 for Qt) in that language
for lang in de nl; do
    { cat LICENSE; printf '\n\n'; cat "resources/legal/THIRD_PARTY_NOTICES.$lang.md"; } > "$work/license-$lang.txt"
done

out=dist/windows/Zusammenleben-Setup-$version.exe
rm -f "$out"
# SOURCE_DATE_EPOCH-like reproducibility is not offered by NSIS; the file list and sizes are stable
compressor=${ZL_NSIS_COMPRESSOR:-lzma}
case "$compressor" in lzma|zlib|bzip2) ;; *) echo "installer: ZL_NSIS_COMPRESSOR must be lzma, zlib or bzip2" >&2; exit 2 ;; esac
nice -n 10 makensis -V2 -INPUTCHARSET UTF8 -DCOMPRESSOR="$compressor" \
    -DVERSION="$version" -DVERSION4="$version4" -DBUNDLE="$ROOT/$BUNDLE" -DOUTFILE="$ROOT/$out" \
    -DFILES_INC="$ROOT/$work/files.nsh" -DLICENSE_DE="$ROOT/$work/license-de.txt" -DLICENSE_NL="$ROOT/$work/license-nl.txt" \
    packaging/windows/installer.nsi
echo "installer: $out $(du -h "$out" | cut -f1) ($(stat -c %s "$out") bytes, $compressor) in $(( $(date +%s) - start ))s"
