#!/usr/bin/env bash
# `make windows-test`: run the Windows program under Wine + Xvfb, bounded, and check what ships.
#  1. the bundle's file list (check_bundle.py): licences present; no test tools, Wine files or bridges
#  2. zusammenleben.exe --self-test --lang de / nl (the app's self-test: every screen, both languages)
#  3. the real window, drawn by Qt's `windows` platform plugin on Xvfb, per language -> dist/windows/screens/
#  4. the installer: silent per-user install (/S), the installed program's self-test, silent uninstall,
#     and nothing left but the settings
# A crash fails fast (no Wine debugger dialog); every run is bounded. Times go to dist/windows/test-times.txt.
set -euo pipefail
source "$(dirname "$0")/wine-env.sh"
cd "$ROOT"
PY=${PY:-.venv/bin/python}
BUNDLE=dist/windows/zusammenleben
EXE=$BUNDLE/zusammenleben.exe
BAD_SIGNS='Traceback|ImportError|ModuleNotFoundError|Fatal Python error|Unhandled exception|unimplemented function'
[ -f "$EXE" ] || { echo "windows-test: no $EXE: run \`make windows\` first" >&2; exit 1; }
for tool in wine wineserver Xvfb; do
    command -v "$tool" >/dev/null || { echo "windows-test: $tool is missing (apt-get install wine wine64 xvfb)" >&2; exit 2; }
done
start=$(date +%s)
times=dist/windows/test-times.txt
: > "$times"
note() { echo "windows-test: $*"; echo "$*" >> "$times"; }

xvfb_pid=""
cleanup() {
    wine_stop
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT

# 1. the file list
"$PY" packaging/windows/check_bundle.py "$BUNDLE"

wine_prefix
wine_prepare_registry  # again: a crash must never wait for a click, whatever ran in the prefix before

# a display of our own: the first free :N from 90
display=90
while [ -e "/tmp/.X$display-lock" ] || [ -e "/tmp/.X11-unix/X$display" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1366x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done

user_dir=$(wine_run 60 cmd /c echo %USERPROFILE% | tr -d '\r' | tail -1)
local_appdata=$(winepath -u "$user_dir\\AppData\\Local" 2>/dev/null | tr -d '\r')
settings=$local_appdata/zusammenleben
rm -rf "$settings"

# run_self_test LABEL EXE LANG: the app's own self-test, bounded; fails on a crash or a bad sign
run_self_test() {
    local label=$1 exe=$2 lang=$3 output status t0
    t0=$(date +%s%N)
    set +e
    output=$(wine_run 240 "$exe" --self-test --lang "$lang")
    status=$?
    set -e
    local seconds
    seconds=$(( ($(date +%s%N) - t0) / 100000000 ))
    seconds="$((seconds / 10)).$((seconds % 10))"
    if [ "$status" -ne 0 ] || ! grep -q "self-test ok" <<<"$output" || grep -q -E "$BAD_SIGNS" <<<"$output"; then
        echo "$output" >&2
        echo "windows-test: $label --self-test --lang $lang FAILED (exit $status)" >&2
        exit 1
    fi
    note "$label --self-test --lang $lang: ok in ${seconds} s ($(grep 'self-test ok' <<<"$output" | tr -d '\r'))"
}

# 2. the self-test in both languages
run_self_test bundle "$EXE" de
run_self_test bundle "$EXE" nl

# 3. the real window per language: started normally (Qt's windows plugin on Xvfb), grabbed, then stopped
mkdir -p dist/windows/screens
for lang in de nl; do
    rm -f "dist/windows/screens/$lang.png"
    t0=$(date +%s)
    log=build/windows/window-$lang.log
    (timeout --kill-after=5 200 nice -n 10 wine "$EXE" --lang "$lang" </dev/null 2>&1 | cat > "$log") 2>/dev/null &
    app=$!
    if ! QT_QPA_PLATFORM=xcb timeout 190 "$PY" packaging/windows/grab.py "dist/windows/screens/$lang.png" 180; then
        cat "$log" >&2
        echo "windows-test: the $lang window was not drawn" >&2
        exit 1
    fi
    if ! kill -0 "$app" 2>/dev/null; then
        cat "$log" >&2
        echo "windows-test: the program ended before its $lang window was grabbed" >&2
        exit 1
    fi
    wine_stop
    wait "$app" 2>/dev/null || true
    if grep -q -E "$BAD_SIGNS" "$log"; then cat "$log" >&2; echo "windows-test: errors in the $lang run" >&2; exit 1; fi
    note "window $lang: dist/windows/screens/$lang.png after $(( $(date +%s) - t0 )) s"
done
wine_prepare_registry

# 4. the installer round trip
version=$("$PY" -c 'from importlib.metadata import version; print(version("zusammenleben"))')
setup=dist/windows/Zusammenleben-Setup-$version.exe
if [ ! -f "$setup" ] || [ "$setup" -ot "$EXE" ]; then
    bash packaging/windows/installer.sh
fi
snapshot() {  # every file and registry uninstall entry the installer could leave behind
    (cd "$WINEPREFIX/drive_c" && find . \( -path ./windows -o -path './users/*/Temp' -o -path './users/*/AppData/Local/Temp' \) -prune \
        -o -print | LC_ALL=C sort)
}
installed=$local_appdata/Programs/Zusammenleben
start_menu=$(winepath -u "$user_dir\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs" | tr -d '\r')
# a clean start: no earlier install of an interrupted run
rm -rf "$installed" "$start_menu/Zusammenleben.lnk"
wine_run 60 reg delete 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Zusammenleben' /f >/dev/null 2>&1 || true
snapshot > build/windows/before-install.txt
t0=$(date +%s)
wine_run 600 "$setup" /S || { echo "windows-test: the silent install failed" >&2; exit 1; }
wineserver -w
[ -f "$installed/zusammenleben.exe" ] || { echo "windows-test: nothing installed in $installed" >&2; exit 1; }
[ -f "$installed/uninstall.exe" ] || { echo "windows-test: no uninstaller in $installed" >&2; exit 1; }
[ -f "$start_menu/Zusammenleben.lnk" ] || { echo "windows-test: no Start-menu entry in $start_menu" >&2; exit 1; }
diff <(cd "$installed" && find . -type f ! -name uninstall.exe | sed 's|^\./||' | LC_ALL=C sort) dist/windows/zusammenleben.files >&2 || {
    echo "windows-test: the installed files differ from the bundle" >&2; exit 1; }
wine_run 60 reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Zusammenleben' | grep -q DisplayVersion || {
    echo "windows-test: no uninstall entry in HKCU" >&2; exit 1; }
note "installer /S: $(du -sh "$installed" | cut -f1) in $installed after $(( $(date +%s) - t0 )) s"
run_self_test installed "$installed/zusammenleben.exe" nl
[ -d "$settings" ] || { echo "windows-test: the installed program wrote no settings/log in $settings" >&2; exit 1; }

t0=$(date +%s)
# as a user runs it: the uninstaller copies itself to Temp, starts the copy and returns at once; the copy
# deletes the folder including uninstall.exe. `wineserver -w` waits until every Wine process has ended.
wine_run 300 "$installed/uninstall.exe" /S || { echo "windows-test: the silent uninstall failed" >&2; exit 1; }
timeout 300 wineserver -w || { echo "windows-test: the uninstaller did not finish in 300 s" >&2; exit 1; }
snapshot > build/windows/after-uninstall.txt
left=$(LC_ALL=C comm -13 build/windows/before-install.txt build/windows/after-uninstall.txt | grep -v -E "^\./users/[^/]+/AppData/Local/zusammenleben(/|$)" || true)
if [ -n "$left" ]; then
    echo "$left" >&2
    echo "windows-test: the uninstaller left the files above" >&2
    exit 1
fi
[ -d "$settings" ] || { echo "windows-test: the uninstaller removed the settings ($settings)" >&2; exit 1; }
[ ! -e "$settings/zusammenleben/cache" ] || { echo "windows-test: the uninstaller left the pack cache" >&2; exit 1; }
if wine_run 60 reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Zusammenleben' >/dev/null 2>&1; then
    echo "windows-test: the uninstall entry is still in HKCU" >&2; exit 1
fi
note "uninstall /S: only the settings are left ($(find "$settings" -type f | wc -l) files in $settings) after $(( $(date +%s) - t0 )) s"
note "total: $(( $(date +%s) - start )) s"
