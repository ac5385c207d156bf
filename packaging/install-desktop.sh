#!/bin/sh
# Register this Cinema folder with the desktop, for the current user (no root): the menu entry,
# the icons, and Cinema as the handler of magnet: links and .torrent files.
# Usage: ./install-desktop.sh            (run from the unpacked cinema/ folder)
#        ./install-desktop.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor"
sizes="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$apps/cinema.desktop" "$icons/scalable/apps/cinema.svg"
  for s in $sizes; do rm -f "$icons/${s}x${s}/apps/cinema.png"; done
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" || true
  echo "Cinema removed from the desktop menu"
  exit 0
fi

mkdir -p "$apps" "$icons/scalable/apps"
# Exec points at this folder; "play %u" hands a clicked magnet link or .torrent file to Cinema.
sed -e "s|^Exec=.*|Exec=\"$here/cinema\" play %u|" -e "s|^TryExec=.*|TryExec=$here/cinema|" \
  "$here/share/cinema.desktop" >"$apps/cinema.desktop"
for s in $sizes; do
  mkdir -p "$icons/${s}x${s}/apps"
  cp "$here/share/icons/cinema-$s.png" "$icons/${s}x${s}/apps/cinema.png"
done
cp "$here/share/icons/cinema.svg" "$icons/scalable/apps/cinema.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
if command -v xdg-mime >/dev/null; then
  xdg-mime default cinema.desktop x-scheme-handler/magnet
  xdg-mime default cinema.desktop application/x-bittorrent
fi
echo "Cinema added to the desktop menu ($apps/cinema.desktop); magnet: links and .torrent files open in it"
