"""Runtime hook: point python-vlc and libvlc at the copies inside the bundle, never the system's.

Set CINEMA_SYSTEM_VLC=1 to skip this and use an installed VLC instead (for diagnosis).
"""

import ctypes
import os
import sys


def _point_vlc_at_bundle() -> None:
    base = getattr(sys, "_MEIPASS", None)
    if not base or os.environ.get("CINEMA_SYSTEM_VLC") == "1":
        return
    if sys.platform.startswith("win"):
        lib_dir, lib, core = base, "libvlc.dll", "libvlccore.dll"
        plugins = os.path.join(base, "plugins")
    elif sys.platform == "darwin":
        lib_dir, lib, core = os.path.join(base, "vlc", "lib"), "libvlc.dylib", "libvlccore.dylib"
        plugins = os.path.join(base, "vlc", "plugins")
    else:
        lib_dir, lib, core = base, "libvlc.so.5", "libvlccore.so.9"
        plugins = os.path.join(base, "vlc", "plugins")
    if not os.path.exists(os.path.join(lib_dir, lib)):
        return
    # libvlc links libvlccore by name only; load our copy first so that name resolves to it.
    ctypes.CDLL(os.path.join(lib_dir, core), mode=ctypes.RTLD_GLOBAL)
    os.environ["PYTHON_VLC_LIB_PATH"] = os.path.join(lib_dir, lib)
    os.environ["PYTHON_VLC_MODULE_PATH"] = plugins
    os.environ["VLC_PLUGIN_PATH"] = plugins


_point_vlc_at_bundle()
