#!/usr/bin/env bash
# Install the Debian packages Cinema needs. Usage: system_deps.sh run|test|package
# As root it runs apt-get; otherwise it prints the exact command to run.
set -eu
mode="${1:-run}"
pkgs="libvlc5 vlc-plugin-base vlc-plugin-video-output libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1 libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core"
case "$mode" in
  # test includes what the bundle check needs (CI builds and checks the bundle too);
  # trayer is a tray host for Xvfb (tests/ui/test_tray.py docks the real app in it)
  # postgresql: tests start a throwaway cluster from its binaries (tests/fakes/postgres.py)
  test) pkgs="$pkgs xvfb xauth ffmpeg imagemagick transmission-cli aria2 x11-utils xdotool binutils libvlc-bin xdg-utils trayer postgresql" ;;
  # libvlc-bin holds vlc-cache-gen (only a Recommends of libvlc5): the bundle ships a plugin cache
  package) pkgs="$pkgs xvfb xauth ffmpeg binutils libvlc-bin" ;;
esac
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "installing Debian packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "Cinema needs these Debian packages; run:" >&2
  echo "  sudo apt-get install -y$missing" >&2
  [ "$mode" = run ] || exit 1
fi
