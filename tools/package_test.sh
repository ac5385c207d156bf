#!/usr/bin/env bash
# Check the built bundle (dist/cinema) on a view of this machine where the system VLC is hidden:
# self-test passes, the GUI starts under Xvfb and shows the demo library (screenshot), and
# /proc/<pid>/maps proves libvlc and its plugins are loaded from inside the bundle.
# Usage: tools/package_test.sh [--no-timing]   (run `make package` first; `make package-test` does both)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIST="$ROOT/dist/cinema"
OUT="$ROOT/build/package-test"
SHOT="$ROOT/docs/screenshots/bundle-grid.png"
TIMING=1
[ "${1:-}" = "--no-timing" ] && TIMING=0
[ -x "$DIST/cinema" ] || { echo "no bundle at $DIST: run make package" >&2; exit 2; }
rm -rf "$OUT" && mkdir -p "$OUT" "$(dirname "$SHOT")"

# --- hiding the system VLC -------------------------------------------------------------------
# Every file of every installed VLC package (libvlc5, libvlccore9, vlc-plugin-*, vlc-data ...)
# is covered by a bind mount of an empty file, and their folders by an empty folder, inside a
# private mount namespace: the libraries still "exist" for ldconfig but cannot be loaded.
vlc_packages() { dpkg-query -W -f '${Package} ${Status}\n' 2>/dev/null |
  awk '$NF == "installed" && $1 ~ /^(lib)?vlc/ {print $1}'; }
hide_script() {
  cat <<'EOS'
set -eu
empty_dir=$(mktemp -d) ; empty_file=$(mktemp)
for d in /usr/lib/*/vlc /usr/lib/vlc /usr/lib64/vlc /usr/share/vlc; do
  [ -d "$d" ] && mount --bind "$empty_dir" "$d"
done
for f in $(dpkg -L $HIDE_PKGS 2>/dev/null | sort -u); do
  case "$f" in /usr/lib/*|/usr/bin/*|/lib/*) ;; *) continue ;; esac
  [ -f "$f" ] && [ ! -L "$f" ] && [ -s "$f" ] && mount --bind "$empty_file" "$f" 2>/dev/null || true
done
exec "$@"
EOS
}
hidden() {  # run "$@" with the system VLC hidden
  local unshare_args=(-m --propagation private)
  [ "$(id -u)" = 0 ] || unshare_args=(-r -m --propagation private)
  HIDE_PKGS="$(vlc_packages | tr '\n' ' ')" unshare "${unshare_args[@]}" \
    bash -c "$(hide_script)" hide "$@"
}

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok   $*"; }

echo "== system VLC packages hidden: $(vlc_packages | tr '\n' ' ')"
hidden python3 - <<'EOF' || fail "the system libvlc is still loadable in the hidden view"
import ctypes, glob, sys
for name in ("libvlc.so.5", "libvlccore.so.9"):
    try:
        ctypes.CDLL(name)
    except OSError:
        continue
    sys.exit(f"{name} still loads")
left = [p for p in glob.glob("/usr/lib/*/vlc/plugins/*/*.so")]
sys.exit(f"{len(left)} plugins still visible" if left else 0)
EOF
pass "system libvlc, libvlccore and plugins cannot be loaded in the hidden view"

# --- maps sampling -----------------------------------------------------------------------------
# Plugins are loaded only while media plays, so the maps are sampled until the process exits.
sample_maps() {  # sample_maps PID FILE
  while [ -r "/proc/$1/maps" ]; do cat "/proc/$1/maps" >>"$2" 2>/dev/null || true; sleep 0.05; done
}
check_maps() {  # check_maps FILE WHAT REQUIRE_PLUGINS [BUNDLE_DIR]
  python3 - "$1" "${4:-$DIST}" "$2" "$3" <<'EOF'
import os, sys
maps, dist, what, need_plugins = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"
paths = set()
for line in open(maps, encoding="utf-8", errors="replace"):
    parts = line.split(maxsplit=5)
    if len(parts) == 6 and parts[5].startswith("/") and ".so" in parts[5]:
        paths.add(parts[5].strip().removesuffix(" (deleted)"))
inside = {p for p in paths if os.path.realpath(p).startswith(dist + "/")}
outside = paths - inside
vlc = sorted(p for p in paths if os.path.basename(p).startswith(("libvlc.so", "libvlccore.so")))
plugins = sorted(p for p in paths if p.endswith("_plugin.so"))
bundled = {f for _, _, files in os.walk(dist) for f in files}
errors = []
# The GUI loads libvlc itself only when the player opens; the runtime hook maps libvlccore.
if len(vlc) < (2 if need_plugins else 1) or any(p not in inside for p in vlc):
    errors.append(f"libvlc/libvlccore not (all) from the bundle: {vlc}")
if any(p not in inside for p in plugins):
    errors.append(f"plugins from outside: {[p for p in plugins if p not in inside]}")
if need_plugins and len(plugins) < 5:
    errors.append(f"only {len(plugins)} VLC plugins were mapped")
# A library we ship but the process took from the system: the bundle's copy was bypassed.
bypassed = sorted(p for p in outside if os.path.basename(p) in bundled)
if bypassed:
    errors.append(f"bundled libraries loaded from the system instead: {bypassed}")
print(f"     {what}: {len(paths)} shared objects mapped, {len(inside)} from the bundle, "
      f"{len(outside)} from the system ({', '.join(sorted(os.path.basename(p) for p in outside))})")
for p in vlc + plugins[:6]:
    print(f"     {p}")
if len(plugins) > 6:
    print(f"     ... and {len(plugins) - 6} more plugins under {os.path.dirname(os.path.dirname(plugins[0]))}")
if errors:
    sys.exit("\n".join(errors))
EOF
}

# --- 1. the bundle's own self-test, VLC hidden -------------------------------------------------
run_self_test() {  # prints the self-test output; leaves maps in $OUT/selftest.maps
  export CINEMA_HOME="$OUT/selftest-home"
  "$DIST/cinema" self-test >"$OUT/selftest.out" 2>&1 &
  local pid=$!
  sample_maps "$pid" "$OUT/selftest.maps" &
  local sampler=$!
  local rc=0
  wait "$pid" || rc=$?
  wait "$sampler" || true
  cat "$OUT/selftest.out"
  return "$rc"
}
export -f run_self_test sample_maps
export DIST OUT
echo "== bundle self-test (system VLC hidden)"
hidden bash -c run_self_test || fail "bundle self-test failed"
pass "bundle self-test exit 0"
check_maps "$OUT/selftest.maps" "self-test" 1 || fail "self-test maps"
pass "libvlc, libvlccore and plugins mapped from inside the bundle during self-test"

# --- 2. the GUI under Xvfb, VLC hidden: screenshots + maps -------------------------------------
gui_probe() {  # gui_probe NAME SCREENSHOT [ARGS...]: start the GUI, wait for its window, shoot, quit
  local name=$1 shot=$2 t0 pid
  shift 2
  export CINEMA_HOME="$OUT/gui-home" CINEMA_WELCOME_DONE=1  # a returning user: Home, not the welcome
  t0=$(date +%s.%N)
  "$DIST/cinema" "$@" >"$OUT/$name.out" 2>&1 &
  pid=$!
  timeout 90 xdotool search --sync --onlyvisible --pid "$pid" >/dev/null || {
    cat "$OUT/$name.out"; echo "no window within 90 s"; kill "$pid"; return 1; }
  echo "$(date +%s.%N) $t0" | awk '{printf "%.2f\n", $1 - $2}' >"$OUT/$name-first-window.s"
  sleep "${GUI_SETTLE_S:-6}"  # let posters decode and the grid lay out, or the video play
  kill -0 "$pid" || { cat "$OUT/$name.out"; echo "GUI exited early"; return 1; }
  import -window root "$shot"
  cat "/proc/$pid/maps" >"$OUT/$name.maps"
  kill "$pid"; wait "$pid" || true
}
# xvfb-run is a POSIX sh script: dash drops exported bash functions, so pass the body along.
gui() { hidden xvfb-run -a -s "-screen 0 1600x1000x24" bash -c "$(declare -f gui_probe); gui_probe \"\$@\"" gui "$@"; }

echo "== bundle GUI under Xvfb: the demo library (system VLC hidden)"
gui grid "$SHOT" || fail "GUI did not start"
pass "GUI window after $(cat "$OUT/grid-first-window.s") s; screenshot $SHOT"
check_maps "$OUT/grid.maps" "GUI" 0 || fail "GUI maps"
grep -q "$DIST/_internal/PySide6/Qt/plugins/platforms/libqxcb.so" "$OUT/grid.maps" ||
  fail "the xcb platform plugin was not loaded from the bundle"
pass "GUI: libvlccore and the Qt xcb platform plugin mapped from inside the bundle"

echo "== bundle GUI under Xvfb: cinema play sample.mp4 in the embedded player (system VLC hidden)"
PLAYER_SHOT="$(dirname "$SHOT")/bundle-player.png"
gui player "$PLAYER_SHOT" play "$DIST/_internal/resources/demo/sample.mp4" || fail "player did not start"
check_maps "$OUT/player.maps" "GUI player" 1 || fail "player maps"
grep -qE "$DIST/_internal/vlc/plugins/video_output/lib(xcb_x11|xcb_xv|gl|glx)_plugin.so" \
  "$OUT/player.maps" || fail "no X11 video output plugin from the bundle was loaded"
pass "GUI player: libvlc, libvlccore, the X11 video output and codec plugins mapped from the bundle"
pass "screenshot $PLAYER_SHOT"

# --- 2b. libtorrent from the bundle: open a .torrent made here and list its files --------------
echo "== bundle libtorrent: cinema stream clip.torrent --list (system VLC hidden, loopback only)"
"$ROOT/.venv/bin/python" -W ignore::DeprecationWarning - "$OUT/torrent" <<'EOF'
import os, sys
import libtorrent as lt
folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
with open(os.path.join(folder, "clip.mp4"), "wb") as f:
    f.write(os.urandom(256 * 1024))
files = lt.file_storage()
lt.add_files(files, os.path.join(folder, "clip.mp4"))
torrent = lt.create_torrent(files)
lt.set_piece_hashes(torrent, folder)
with open(os.path.join(folder, "clip.torrent"), "wb") as f:
    f.write(lt.bencode(torrent.generate()))
EOF
torrent_list() {
  # No DHT/LSD/UPnP/NAT-PMP and a loopback listen socket: the check never leaves 127.0.0.1.
  export CINEMA_HOME="$OUT/torrent-home" CINEMA_TORRENT_DHT=false CINEMA_TORRENT_LSD=false \
    CINEMA_TORRENT_UPNP=false CINEMA_TORRENT_NATPMP=false \
    CINEMA_TORRENT_LISTEN_INTERFACES=127.0.0.1:0
  "$DIST/cinema" stream "$OUT/torrent/clip.torrent" --list >"$OUT/torrent.out" 2>&1 & local pid=$!
  sample_maps "$pid" "$OUT/torrent.maps" & local sampler=$!
  local rc=0; wait "$pid" || rc=$?; wait "$sampler" || true; cat "$OUT/torrent.out"; return "$rc"
}
export -f torrent_list
hidden bash -c torrent_list >"$OUT/torrent.list" || { cat "$OUT/torrent.list"; fail "cinema stream --list"; }
grep -q "clip.mp4" "$OUT/torrent.list" || fail "the torrent's file was not listed"
grep -q "$DIST/_internal/libtorrent/__init__.cpython-[0-9]*-x86_64-linux-gnu.so" "$OUT/torrent.maps" ||
  fail "libtorrent's extension was not mapped from the bundle"
pass "libtorrent's extension mapped from the bundle; it read the .torrent and listed clip.mp4"

# --- 2c. headless commands give the same answers as python -m app ------------------------------
# Covers what self-test does not: the forked guide-parser process and keyring's backend lookup
# (entry points) inside a frozen app.
echo "== bundle vs python -m app: epg import (forked parser), secrets status (keyring)"
parity() {  # parity NAME ARGS...: run both in fresh homes; same exit code, same output (timings masked)
  local name=$1; shift
  local mask='s/[0-9]+(\.[0-9]+)? s\b/N s/g' rc_b=0 rc_p=0
  CINEMA_HOME="$OUT/parity-b-$name" hidden "$DIST/cinema" "$@" >"$OUT/$name.bundle" 2>&1 || rc_b=$?
  CINEMA_HOME="$OUT/parity-p-$name" "$ROOT/.venv/bin/python" -m app "$@" >"$OUT/$name.source" 2>&1 ||
    rc_p=$?
  sed -E -i "$mask" "$OUT/$name.bundle" "$OUT/$name.source"
  [ "$rc_b" = "$rc_p" ] || fail "exit code: bundle $rc_b, python -m app $rc_p: $*"
  diff -u "$OUT/$name.source" "$OUT/$name.bundle" >&2 || fail "bundle and source differ: $*"
  pass "$* -> exit $rc_b, $(head -1 "$OUT/$name.bundle")"
}
parity epg epg import "$DIST/_internal/resources/demo/guide.xml"
parity secrets secrets status tmdb

# --- 3. the tarball unpacked elsewhere: nothing may point back at dist/ or the build machine -----
tarball=$(ls "$ROOT"/dist/cinema-*-linux-x86_64.tar.gz 2>/dev/null | head -1 || true)
if [ -n "$tarball" ]; then
  echo "== $(basename "$tarball") unpacked in another folder, self-test (system VLC hidden)"
  mkdir -p "$OUT/unpacked" && tar -C "$OUT/unpacked" -xzf "$tarball"
  moved() {
    export CINEMA_HOME="$OUT/moved-home"
    "$OUT/unpacked/cinema/cinema" self-test >"$OUT/moved.out" 2>&1 & local pid=$!
    sample_maps "$pid" "$OUT/moved.maps" & local sampler=$!
    local rc=0; wait "$pid" || rc=$?; wait "$sampler" || true; cat "$OUT/moved.out"; return "$rc"
  }
  export -f moved
  hidden bash -c moved || fail "self-test of the unpacked tarball failed"
  check_maps "$OUT/moved.maps" "unpacked self-test" 1 "$OUT/unpacked/cinema" ||
    fail "unpacked maps"
  ! grep -q "$DIST/" "$OUT/moved.maps" || fail "the unpacked copy mapped files from $DIST"
  pass "the unpacked tarball passes self-test and maps nothing from dist/"
fi

# --- 4. desktop integration: menu entry, icons, magnet:/.torrent handler -----------------------
echo "== install-desktop.sh into a throwaway home"
XDG_HOME="$OUT/xdg"
desk() { HOME="$XDG_HOME" XDG_DATA_HOME="$XDG_HOME/data" XDG_CONFIG_HOME="$XDG_HOME/config" "$@"; }
desk "$DIST/install-desktop.sh" >/dev/null
entry="$XDG_HOME/data/applications/cinema.desktop"
grep -qx "Exec=\"$DIST/cinema\" play %u" "$entry" || fail "Exec line in $entry"
grep -qx "MimeType=x-scheme-handler/magnet;application/x-bittorrent;" "$entry" || fail "MimeType"
for s in 16 24 32 48 64 128 256 512; do
  [ -s "$XDG_HOME/data/icons/hicolor/${s}x${s}/apps/cinema.png" ] || fail "icon ${s}x${s}"
done
if command -v xdg-mime >/dev/null; then
  for mime in x-scheme-handler/magnet application/x-bittorrent; do
    [ "$(desk xdg-mime query default "$mime")" = cinema.desktop ] || fail "xdg-mime $mime"
  done
fi
pass "cinema.desktop installed with Exec in the bundle, 8 icon sizes, default for magnet: and .torrent"

# --- 5. size and start time, bundle vs python -m app --------------------------------------------
# Each figure is the median of RUNS alternating runs, with a floor measured in the same run:
# a bare interpreter start, and a bare PySide6 window for the time to first window.
if [ "$TIMING" = 1 ]; then
  RUNS=${PACKAGE_TIMING_RUNS:-3}
  echo "== size and start time (median of $RUNS runs; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  du -sh "$DIST" | awk '{print "     bundle folder: " $1}'
  [ -n "$tarball" ] && du -h "$tarball" | awk '{print "     tarball: " $1 " " $2}'
  secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || return 1; t1=$(date +%s.%N);
    echo "$t1 $t0" | awk '{printf "%.2f", $1 - $2}'; }
  first_window() {  # first_window CMD... -> seconds until its first visible window
    xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
      t0=$(date +%s.%N); "$@" >/dev/null 2>&1 & pid=$!
      timeout 90 xdotool search --sync --onlyvisible --pid $pid >/dev/null; t1=$(date +%s.%N)
      kill $pid; wait $pid 2>/dev/null; echo "$t1 $t0" | awk "{printf \"%.2f\", \$1 - \$2}"' fw "$@"
  }
  median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
  PY="$ROOT/.venv/bin/python"
  QT_FLOOR='from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([]); label = QLabel("floor"); label.show(); app.exec()'
  declare -A t
  for i in $(seq "$RUNS"); do
    t[ver_b]+=" $(secs "$DIST/cinema" --version)"; t[ver_p]+=" $(secs "$PY" -m app --version)"
    t[ver_f]+=" $(secs "$PY" -c pass)"
    t[st_b]+=" $(CINEMA_HOME="$OUT/t-b$i" secs "$DIST/cinema" self-test)"
    t[st_p]+=" $(CINEMA_HOME="$OUT/t-p$i" secs "$PY" -m app self-test)"
    t[win_b]+=" $(CINEMA_HOME="$OUT/w-b$i" first_window "$DIST/cinema")"
    t[win_p]+=" $(CINEMA_HOME="$OUT/w-p$i" first_window "$PY" -m app)"
    t[win_f]+=" $(first_window "$PY" -c "$QT_FLOOR")"
  done
  row() { printf "     %-28s bundle %5s s   python -m app %5s s   %s\n" "$1" \
    "$(echo "${t[$2]}" | median)" "$(echo "${t[$3]}" | median)" "$4"; }
  row "start to --version exit" ver_b ver_p "(floor: python -c pass $(echo "${t[ver_f]}" | median) s)"
  row "self-test exit" st_b st_p "(includes 1 s of playback)"
  row "first window (demo grid)" win_b win_p \
    "(floor: bare PySide6 window $(echo "${t[win_f]}" | median) s)"
  for k in ver_b ver_p st_b st_p win_b win_p win_f; do echo "     runs $k:${t[$k]}"; done
fi
echo "package-test: all checks passed"
