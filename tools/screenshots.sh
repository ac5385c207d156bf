#!/usr/bin/env bash
# Screenshots of the real app under Xvfb (real libvlc embedding): grid, title page, player.
# Usage: tools/screenshots.sh [ru|en]   (writes docs/screenshots/<page>-<lang>.png)
set -euo pipefail
cd "$(dirname "$0")/.."
lang="${1:-ru}"
home="$(mktemp -d)"
out=docs/screenshots
mkdir -p "$out"
export CINEMA_LANGUAGE="$lang"
xvfb-run -a -s "-screen 0 1400x900x24" bash -c "
  .venv/bin/python -m app --data-dir '$home' >/dev/null 2>&1 &
  app=\$!
  sleep 9
  import -window root '$out/grid-$lang.png'
  xdotool mousemove 570 300 click 1; sleep 2
  import -window root '$out/title-$lang.png'
  xdotool mousemove 480 232 click 1; sleep 5
  import -window root '$out/player-$lang.png'
  kill \$app
"
rm -rf "$home"
for f in "$out"/*-"$lang".png; do convert "$f" -strip -quality 90 "$f"; done
ls -la "$out"
