#!/bin/sh
# Install (or remove) the unpacked Zusammenleben bundle for the current user; no root needed.
#
#   tar xzf zusammenleben-<version>-linux-x86_64.tar.gz
#   zusammenleben/linux/install.sh               install or update
#   zusammenleben/linux/install.sh --kiosk-unit  also install the kiosk's systemd user unit (not enabled)
#   ~/.local/opt/zusammenleben/linux/install.sh --uninstall
#
# What goes where (XDG_DATA_HOME defaults to ~/.local/share):
#   ~/.local/opt/zusammenleben/                        the program folder (a copy of the bundle)
#   ~/.local/bin/zusammenleben                         a link, so `zusammenleben` works in a terminal
#   $XDG_DATA_HOME/applications/io.github.zusammenleben.Zusammenleben.desktop   the menu entry
#   $XDG_DATA_HOME/icons/hicolor/<size>/apps/io.github.zusammenleben.Zusammenleben.{png,svg}
#   $XDG_DATA_HOME/metainfo/io.github.zusammenleben.Zusammenleben.metainfo.xml
#   ~/.config/systemd/user/zusammenleben-kiosk.service (only with --kiosk-unit)
set -eu

APP_ID=io.github.zusammenleben.Zusammenleben
UNIT=zusammenleben-kiosk.service
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
CONFIG=${XDG_CONFIG_HOME:-$HOME/.config}
TARGET=$HOME/.local/opt/zusammenleben
BIN=$HOME/.local/bin/zusammenleben
ICON_SIZES="16 32 48 64 128 256 512"

usage() {
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
}

refresh_caches() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
}

is_our_program_folder() { # $1: a folder; true when it is an installed Zusammenleben bundle
    [ -x "$1/zusammenleben" ] && [ -d "$1/_internal/zusammenleben" ]
}

uninstall() {
    if [ -e "$TARGET" ] && ! is_our_program_folder "$TARGET"; then
        echo "install.sh: $TARGET does not look like a Zusammenleben installation; not removing it" >&2
        exit 1
    fi
    if [ -f "$CONFIG/systemd/user/$UNIT" ]; then
        command -v systemctl >/dev/null 2>&1 && systemctl --user disable --now "$UNIT" >/dev/null 2>&1 || true
        rm -f "$CONFIG/systemd/user/$UNIT"
    fi
    [ -L "$BIN" ] && rm -f "$BIN"
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
    for size in $ICON_SIZES; do
        rm -f "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    rm -f "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
    rm -rf "$TARGET"
    # the checked pack kept to start faster (content/pack_cache.py): rebuilt on demand, not the user's
    rm -rf "${XDG_CACHE_HOME:-$HOME/.cache}/zusammenleben/zusammenleben"
    refresh_caches
    echo "Zusammenleben removed. Your settings stay in $CONFIG/zusammenleben (delete that folder to remove them too)."
}

install_unit() { # the kiosk's systemd user unit, pointed at the installed program
    source_unit=$TARGET/linux/$UNIT
    if [ ! -f "$source_unit" ]; then
        echo "install.sh: this bundle has no $UNIT" >&2
        exit 1
    fi
    mkdir -p "$CONFIG/systemd/user"
    sed -E "s|^ExecStart=[^ ]*zusammenleben( \|\$)|ExecStart=$TARGET/zusammenleben\\1|" \
        "$source_unit" >"$CONFIG/systemd/user/$UNIT"
    echo "Kiosk unit: $CONFIG/systemd/user/$UNIT"
    echo "  enable it with:  systemctl --user daemon-reload && systemctl --user enable --now $UNIT"
}

install() {
    here=$(cd "$(dirname "$0")/.." && pwd)
    if ! is_our_program_folder "$here"; then
        echo "install.sh: run this script from the unpacked bundle (zusammenleben/linux/install.sh)" >&2
        exit 1
    fi
    mkdir -p "$(dirname "$TARGET")"
    if [ "$here" != "$TARGET" ]; then
        if [ -e "$TARGET" ] && ! is_our_program_folder "$TARGET"; then
            echo "install.sh: $TARGET exists and is not a Zusammenleben installation; not replacing it" >&2
            exit 1
        fi
        rm -rf "$TARGET.new"
        cp -R "$here" "$TARGET.new"
        rm -rf "$TARGET"
        mv "$TARGET.new" "$TARGET"
    fi

    mkdir -p "$(dirname "$BIN")"
    ln -sfn "$TARGET/zusammenleben" "$BIN"

    icons=$TARGET/_internal/zusammenleben/resources/icons
    for size in $ICON_SIZES; do
        if [ -f "$icons/zusammenleben-$size.png" ]; then
            mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
            cp "$icons/zusammenleben-$size.png" "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
        fi
    done
    if [ -f "$icons/zusammenleben.svg" ]; then
        mkdir -p "$DATA/icons/hicolor/scalable/apps"
        cp "$icons/zusammenleben.svg" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
    fi

    # Menus do not expand ~ and may not have ~/.local/bin on PATH: point the entry at the program itself.
    mkdir -p "$DATA/applications" "$DATA/metainfo"
    sed -e "s|^Exec=zusammenleben|Exec=\"$TARGET/zusammenleben\"|" \
        -e "s|^TryExec=zusammenleben|TryExec=$TARGET/zusammenleben|" \
        "$TARGET/linux/$APP_ID.desktop" >"$DATA/applications/$APP_ID.desktop"
    cp "$TARGET/linux/$APP_ID.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"
    refresh_caches

    [ "$WITH_UNIT" = 1 ] && install_unit
    echo "Zusammenleben installed in $TARGET"
    echo "  start it from the applications menu, or run: $BIN"
    case ":$PATH:" in
    *":$HOME/.local/bin:"*) ;;
    *) echo "  ($HOME/.local/bin is not on your PATH; the menu entry works anyway)" ;;
    esac
    if [ "$(uname -s)" = "Linux" ] && [ -x "$TARGET/linux/check-qt-libs.sh" ]; then
        "$TARGET/linux/check-qt-libs.sh" "$TARGET/_internal" || true
    fi
}

ACTION=install
WITH_UNIT=0
for arg in "$@"; do
    case "$arg" in
    --uninstall) ACTION=uninstall ;;
    --kiosk-unit) WITH_UNIT=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $arg" >&2; usage >&2; exit 2 ;;
    esac
done
$ACTION
