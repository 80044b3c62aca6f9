#!/usr/bin/env bash
# Build the ONEDIR bundle with PyInstaller (called by `make bundle`; `make hello-bundle` passes "hello").
#   packaging/build.sh           -> dist/zusammenleben/ (+ dist/zusammenleben-<version>-linux-<arch>.tar.gz on Linux)
#   packaging/build.sh hello     -> dist/zusammenleben-hello/ (PySide6 + pyqtgraph hello world, same slimming)
# Expects PyInstaller in $PY's environment (`make bundle` installs the `packaging` extra first).
# Fails when PyInstaller could not resolve a shared library ("Library not found"): such a bundle
# starts on the build machine and dies elsewhere with a misleading Qt message.
# Works on Linux, macOS and Windows (Git Bash; PY=python there). See packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
KIND=${1:-app}

if [ "$KIND" = "hello" ]; then
    export ZL_BUNDLE_NAME=zusammenleben-hello
    export ZL_BUNDLE_ENTRY="$(pwd)/packaging/hello/hello.py"
else
    export ZL_BUNDLE_NAME=zusammenleben
    unset ZL_BUNDLE_ENTRY
fi
NAME=$ZL_BUNDLE_NAME
LOG=build/$NAME-pyinstaller.log
WARNFILE=build/$NAME/zusammenleben/warn-zusammenleben.txt
mkdir -p build dist

"$PY" -c 'import PyInstaller' 2>/dev/null || {
    echo "build.sh: PyInstaller is not installed for $PY; run \`make bundle\` (or pip install -e \".[packaging]\")" >&2
    exit 2
}
if [ "$KIND" != "hello" ]; then
    # .po -> .mo; fails on placeholder or plural errors (the same step as `make catalogs`)
    PYTHONPATH=src "$PY" -m zusammenleben.i18n.compile translations
fi

start=$(date +%s)
set +e
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath "build/$NAME" packaging/zusammenleben.spec 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] || { echo "build.sh: PyInstaller failed ($status); log: $LOG" >&2; exit "$status"; }
checked=("$LOG")
[ -f "$WARNFILE" ] && checked+=("$WARNFILE")
if grep -n "Library not found" "${checked[@]}" >&2; then
    echo "build.sh: PyInstaller could not resolve the libraries above; install them on the build host" >&2
    echo "          (packaging/linux/check-qt-libs.sh names the Debian packages) and build again." >&2
    rm -rf "dist/$NAME"  # never leave a bundle behind that only works on this machine
    exit 1
fi

BUNDLE=dist/$NAME
[ "$(uname -s)" = "Darwin" ] && [ "$KIND" != "hello" ] && APP=dist/Zusammenleben.app || APP=""
INTERNAL=$BUNDLE/_internal
case "$(uname -s)" in
Linux)
    # strip=True in the spec would strip every .so, and breaks numpy's OpenBLAS (pyinstaller#9463);
    # libpython and the stdlib extension modules are safe and worth it. Nothing else is stripped.
    find "$INTERNAL" -maxdepth 1 -name 'libpython3*.so*' -type f -exec strip --strip-unneeded {} +
    find "$INTERNAL" -path '*/lib-dynload/*.so' -type f -exec strip --strip-unneeded {} +
    ;;
esac
seconds=$(( $(date +%s) - start ))

if [ "$KIND" != "hello" ]; then
    # The licence of the app, the third-party notices and every bundled component's licence text,
    # at the top of the bundle where a user looks (LGPL-3.0 section 4 for Qt/PySide6).
    "$PY" packaging/collect_licenses.py "$BUNDLE"
    if [ -n "$APP" ]; then
        "$PY" packaging/collect_licenses.py "$APP/Contents/Resources"
        # PyInstaller signed the .app (ad hoc) before the licences were added: seal them in again
        codesign --force --deep --sign - "$APP"
    fi
fi
if [ "$KIND" != "hello" ] && [ "$(uname -s)" = "Linux" ]; then
    rm -rf "$BUNDLE/linux"
    mkdir -p "$BUNDLE/linux"
    cp packaging/linux/install.sh packaging/linux/check-qt-libs.sh packaging/linux/*.desktop packaging/linux/*.metainfo.xml "$BUNDLE/linux/"
    # the kiosk's systemd user unit and example settings, when the kiosk work has provided them
    for extra in packaging/linux/*.service packaging/kiosk.example.toml; do
        [ -f "$extra" ] && cp "$extra" "$BUNDLE/linux/"
    done
    chmod +x "$BUNDLE/linux/install.sh" "$BUNDLE/linux/check-qt-libs.sh"
    version=$("$PY" -c 'from importlib.metadata import version; print(version("zusammenleben"))')
    tarball=dist/zusammenleben-$version-linux-$(uname -m).tar.gz
    tar -C dist -czf "$tarball" zusammenleben
    echo "build.sh: $tarball $(du -h "$tarball" | cut -f1) ($(stat -c %s "$tarball") bytes)"
fi
echo "build.sh: $BUNDLE $(du -sh "$BUNDLE" | cut -f1) on disk, built in ${seconds}s"
