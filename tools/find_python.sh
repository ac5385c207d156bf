#!/usr/bin/env bash
# Print the path of the best Python for Cinema: 3.12+ first (PySide6 6.12 is unsafe on 3.11).
set -u
try() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1 && { command -v "$1" 2>/dev/null || echo "$1"; exit 0; }; }
[ -n "${PYTHON:-}" ] && try "$PYTHON"
for c in python3.12 python3.13; do try "$c"; done
for c in /usr/bin/python3.12 /usr/local/bin/python3.12 "$HOME"/.pyenv/versions/3.12*/bin/python3.12 /root/.pyenv/versions/3.12*/bin/python3.12 \
         /usr/bin/python3.13 "$HOME"/.pyenv/versions/3.13*/bin/python3.13; do
  [ -x "$c" ] && try "$c"
done
try python3
echo "no Python >= 3.11 found; install python3.12" >&2
exit 1
