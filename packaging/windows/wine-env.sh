# Shared by build.sh, test.sh and installer.sh (sourced, not run): the Wine prefix and how to run in it.
# Everything Wine writes stays under build/windows/; downloads are cached in $ZL_WINDOWS_CACHE.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WIN=$ROOT/build/windows
export ZL_WINDOWS_CACHE=${ZL_WINDOWS_CACHE:-$HOME/.cache/zusammenleben-windows}
export WINEPREFIX=$WIN/prefix
export WINEARCH=win64
export WINEDEBUG=${WINEDEBUG:--all}
# no Mono/Gecko installer dialogs (the app uses neither .NET nor an HTML engine)
export WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY WAYLAND_DISPLAY
WINPY=$WIN/python/python.exe

# wine_run SECONDS PROGRAM ARGS...: bounded, niced, output piped (Python under Wine dies with
# "init_sys_streams ... Invalid handle" when stdout/stderr are plain files). Returns the program's status.
wine_run() {
    local seconds=$1
    shift
    # Wine passes the Linux environment on: keep the host's pip settings out of the Windows pip
    timeout --kill-after=10 "$seconds" nice -n 10 env -u PIP_FIND_LINKS -u PIP_CERT -u PIP_INDEX_URL \
        -u PIP_EXTRA_INDEX_URL -u PIP_CONSTRAINT -u PYTHONPATH -u PYTHONHOME wine "$@" </dev/null 2>&1 | cat
    return "${PIPESTATUS[0]}"
}

# stop every Wine process of this prefix (and only of this prefix)
wine_stop() {
    wineserver -k >/dev/null 2>&1 || true
}

# the registry settings every check needs: no crash dialog (a crash must fail fast, not wait for a
# click), and the ucrtbase bridge loaded before Wine's own ucrtbase (wine/README.md)
wine_prepare_registry() {
    wine_run 60 reg add 'HKCU\Software\Wine\WineDbg' /v ShowCrashDialog /t REG_DWORD /d 0 /f >/dev/null
    wine_run 60 reg add 'HKCU\Software\Wine\DllOverrides' /v ucrtbase /t REG_SZ /d native,builtin /f >/dev/null
}

# create the prefix (or reuse it when it was made by this Wine with these bridges)
wine_prefix() {
    local stamp
    stamp="$(wine --version) $(cat "$ROOT"/packaging/windows/wine/*.c "$ROOT"/packaging/windows/wine/bridges.sh | sha256sum | cut -c1-16)"
    if [ -f "$WINEPREFIX/.zusammenleben" ] && [ "$(cat "$WINEPREFIX/.zusammenleben")" = "$stamp" ]; then
        return 0
    fi
    wine_stop
    rm -rf "$WINEPREFIX"
    mkdir -p "$WIN"
    echo "windows: new Wine prefix $WINEPREFIX ($(wine --version))"
    timeout 300 nice -n 10 wineboot -i </dev/null >/dev/null 2>&1 || true
    wineserver -w
    [ -f "$WINEPREFIX/system.reg" ] || { echo "windows: wineboot did not create $WINEPREFIX" >&2; return 1; }
    bash "$ROOT/packaging/windows/wine/bridges.sh" "$WIN/bridges"
    cp "$WIN/bridges/icuuc.dll" "$WIN/bridges/ucrtbase.dll" "$WIN/bridges/ucrtwine.dll" "$WINEPREFIX/drive_c/windows/system32/"
    wine_prepare_registry
    wineserver -w
    echo "$stamp" > "$WINEPREFIX/.zusammenleben"
}
