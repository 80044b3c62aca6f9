#!/usr/bin/env bash
# Build the ONEDIR bundle with PyInstaller (called by `make bundle`; `make hello-bundle` passes "hello").
#   packaging/build.sh           -> dist/zusammenleben/ (+ dist/zusammenleben-<version>-linux-<arch>.tar.gz on Linux)
#   packaging/build.sh hello     -> dist/zusammenleben-hello/ (PySide6 + pyqtgraph hello world, same slimming)
# Fails when PyInstaller could not resolve a shared library ("Library not found"): such a bundle
# starts on the build machine and dies elsewhere with a misleading Qt message.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PY:-.venv/bin/python}
KIND=${1:-app}

if [ "$KIND" = "hello" ]; then
    export ZL_BUNDLE_NAME=zusammenleben-hello
    export ZL_BUNDLE_ENTRY="$ROOT/packaging/hello/hello.py"
else
    export ZL_BUNDLE_NAME=zusammenleben
    unset ZL_BUNDLE_ENTRY
fi
NAME=$ZL_BUNDLE_NAME
LOG=build/$NAME-pyinstaller.log
mkdir -p build dist

# pyinstaller and pyinstaller-hooks-contrib are pinned together in pyproject's `packaging` extra.
"$PY" -m pip install --quiet -e ".[packaging]"
if [ "$KIND" != "hello" ]; then
    make --no-print-directory catalogs
fi

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath "build/$NAME" packaging/zusammenleben.spec 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || { echo "build.sh: PyInstaller failed ($status); log: $LOG" >&2; exit "$status"; }
if grep -n "Library not found" "$LOG" >&2; then
    echo "build.sh: PyInstaller could not resolve the libraries above; install them on the build host" >&2
    echo "          (packaging/linux/check-qt-libs.sh names the Debian packages) and build again." >&2
    exit 1
fi

BUNDLE=dist/$NAME
INTERNAL=$BUNDLE/_internal
case "$(uname -s)" in
Linux)
    # strip=True in the spec would strip every .so, and breaks numpy's OpenBLAS (pyinstaller#9463);
    # libpython and the stdlib extension modules are safe and worth it.
    find "$INTERNAL" -maxdepth 1 -name 'libpython3*.so*' -type f -exec strip --strip-unneeded {} +
    find "$INTERNAL" -path '*lib-dynload/*.so' -type f -exec strip --strip-unneeded {} +
    ;;
esac
seconds=$(( $(date +%s) - start ))

if [ "$KIND" != "hello" ]; then
    cp LICENSE "$BUNDLE/LICENSE.txt"
    cp resources/legal/THIRD_PARTY_NOTICES.md "$BUNDLE/THIRD_PARTY_NOTICES.md"
fi
if [ "$KIND" != "hello" ] && [ "$(uname -s)" = "Linux" ]; then
    rm -rf "$BUNDLE/linux"
    mkdir -p "$BUNDLE/linux"
    cp packaging/linux/install.sh packaging/linux/*.desktop packaging/linux/*.metainfo.xml \
        packaging/linux/*.service "$BUNDLE/linux/"
    version=$("$PY" -c 'from importlib.metadata import version; print(version("zusammenleben"))')
    tarball=dist/zusammenleben-$version-linux-$(uname -m).tar.gz
    tar -C dist -czf "$tarball" zusammenleben
    echo "build.sh: $tarball $(stat -c %s "$tarball") bytes"
fi
echo "build.sh: $BUNDLE $(du -sb "$BUNDLE" | cut -f1) bytes on disk, built in ${seconds}s"
