#!/bin/sh
# Qt's xcb platform plugin needs these system libraries. Qt's own error when one is missing
# ("could not load the Qt platform plugin xcb") does not say which; this script does, and
# prints the exact apt-get line. Exit 1 when something is missing.
#   check-qt-libs.sh            for `make run` (PySide6 from the virtualenv)
#   check-qt-libs.sh FOLDER     for the bundle: libraries present in FOLDER (its _internal/) are not needed
[ "$(uname -s)" = "Linux" ] || exit 0
[ -n "${QT_QPA_PLATFORM:-}" ] && [ "$QT_QPA_PLATFORM" != "xcb" ] && exit 0
bundled=${1:-}
ldconfig=$(command -v ldconfig || true)
for candidate in /sbin/ldconfig /usr/sbin/ldconfig; do
    [ -z "$ldconfig" ] && [ -x "$candidate" ] && ldconfig=$candidate
done
[ -n "$ldconfig" ] || exit 0  # cannot tell; Qt's own message will have to do
known=$("$ldconfig" -p 2>/dev/null)
missing=""
check() { # $1 = soname, $2 = Debian/Ubuntu package
    [ -n "$bundled" ] && [ -e "$bundled/$1" ] && return 0
    printf '%s\n' "$known" | grep -q "$1" || missing="$missing $2"
}
check libxcb.so.1 libxcb1
check libxcb-cursor.so.0 libxcb-cursor0
check libxkbcommon-x11.so.0 libxkbcommon-x11-0
check libxkbcommon.so.0 libxkbcommon0
check libEGL.so.1 libegl1
check libGL.so.1 libgl1
check libfontconfig.so.1 libfontconfig1
check libxcb-icccm.so.4 libxcb-icccm4
check libxcb-keysyms.so.1 libxcb-keysyms1
check libxcb-shape.so.0 libxcb-shape0
check libxcb-render-util.so.0 libxcb-render-util0
check libxcb-image.so.0 libxcb-image0
check libdbus-1.so.3 libdbus-1-3
if [ -n "$missing" ]; then
    echo "Qt needs system libraries that are missing. Install them with:" >&2
    echo "  sudo apt-get install$missing" >&2
    exit 1
fi
exit 0
