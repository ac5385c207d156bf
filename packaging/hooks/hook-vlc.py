"""PyInstaller hook for python-vlc: collect libvlc, libvlccore and the plugins we keep."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vlc_plugins import bundle_layout, locate, selected_plugins

_libs, _plugin_dir = locate()
_lib_dest, _plugin_dest = bundle_layout()

# Plugins are collected as binaries so that PyInstaller also collects what they link to
# (libavcodec, libpulse, libvlc_pulse, gnutls, ...); system libraries stay excluded as usual.
binaries = [(str(lib), _lib_dest) for lib in _libs]
binaries += [
    (str(p), str(Path(_plugin_dest) / p.parent.relative_to(_plugin_dir)))
    for p in selected_plugins(_plugin_dir)
]
