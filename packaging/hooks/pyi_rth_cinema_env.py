"""Runtime hook: programs Cinema starts (xdg-open, a browser) get the user's LD_LIBRARY_PATH back.

The bootloader puts the bundle's folder on LD_LIBRARY_PATH and re-executes itself, so our own
libraries win. The dynamic loader read that value when the process started; changing it now
affects only children, which must not load a system browser against our copies of glib or ssl.
"""

import os
import sys


def _restore_library_path() -> None:
    if not getattr(sys, "frozen", False) or not sys.platform.startswith("linux"):
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original:
        os.environ["LD_LIBRARY_PATH"] = original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)


_restore_library_path()
