"""Which VLC plugins the bundle carries, and where libvlc lives on each build platform."""

from __future__ import annotations

import ctypes.util
import os
import re
import sys
from pathlib import Path

# Plugins by VLC's own module file name (lib<NAME>_plugin.so/.dll/.dylib), grouped as on Linux.
# Enough for local files, HTTP(S) progressive and HLS/DASH, IPTV over UDP/HTTP, common codecs,
# text and bitmap subtitles, playback speed, embedded X11 video and Pulse/ALSA audio.
KEEP: dict[str, str] = {
    "access": "filesystem http https tcp udp attachment idummy imem",
    "stream_filter": "cache_block cache_read prefetch inflate skiptags",
    # No avformat: VLC's own demuxers cover mp4/mkv/avi/ts/ps/ogg/asf, and libavformat drags in
    # ~17 MB of protocol libraries (srt, ssh, zmq, bluray, openmpt, ...).
    "demux": "adaptive mp4 mkv avi ts ps es h26x mpgv ogg wav asf flacsys playlist subtitle vobsub rawvid",
    "codec": "avcodec mpg123 opus vorbis flac araw lpcm faad dav1d subsdec subsusf substx3g"
    " webvtt ttml libass spudec dvbsub cc scte27 rawvideo ddummy edummy",
    "packetizer": "packetizer_copy packetizer_h264 packetizer_hevc packetizer_mpeg4audio"
    " packetizer_mpeg4video packetizer_mpegaudio packetizer_mpegvideo packetizer_a52"
    " packetizer_dts packetizer_flac packetizer_av1 packetizer_vc1 packetizer_mlp"
    " packetizer_avparser",
    # Linux, then Windows (directsound mmdevice wasapi waveout), then macOS (auhal).
    "audio_output": "pulse alsa adummy amem directsound mmdevice wasapi waveout auhal",
    "audio_filter": "audio_format samplerate speex_resampler ugly_resampler soxr"
    " trivial_channel_mixer simple_channel_mixer remap scaletempo scaletempo_pitch normvol"
    " gain equalizer",
    "audio_mixer": "float_mixer integer_mixer",
    # xcb_window is the window provider libvlc embeds into (set_xwindow); gl/glx/egl_x11 the
    # default OpenGL output; xcb_xv/xcb_x11 the fallbacks. Then Windows and macOS outputs.
    "video_output": "xcb_x11 xcb_xv xcb_window glx gl egl_x11 vdummy vmem"
    " direct3d9 direct3d11 glwin32 wgl win32_window drawable caopengllayer macosx vout_macosx",
    "video_chroma": "swscale chain i420_rgb i420_rgb_mmx i420_rgb_sse2 i420_yuy2 i420_yuy2_mmx"
    " i420_yuy2_sse2 i422_i420 i422_yuy2 i422_yuy2_mmx i422_yuy2_sse2 yuy2_i420 yuy2_i422"
    " grey_yuv rv32 i420_nv12 i420_10_p010 yuvp cvpx d3d11_surface dxva2_surface",
    "video_filter": "deinterlace transform blend scale adjust croppadd",
    "text_renderer": "freetype tdummy",
    "misc": "gnutls xml dbus_screensaver xdg_screensaver securetransport",
    "keystore": "memory_keystore",
    "logger": "console_logger",
}
KEEP_NAMES = frozenset(name for names in KEEP.values() for name in names.split())

_PLUGIN_RE = re.compile(r"^lib(?P<name>.+)_plugin\.(so|dll|dylib)$")


class VlcNotFound(RuntimeError):
    """The build machine has no libvlc where we looked."""


def _linux_lib_dir() -> Path:
    override = os.environ.get("CINEMA_VLC_LIB_DIR")
    if override:
        return Path(override)
    found = ctypes.util.find_library("vlc")
    candidates = [Path(f"/usr/lib/{d}") for d in ("x86_64-linux-gnu", "aarch64-linux-gnu")]
    candidates += [Path("/usr/lib64"), Path("/usr/lib"), Path("/usr/local/lib")]
    for d in candidates:
        if found and (d / found).exists():
            return d
    for d in candidates:
        if (d / "libvlc.so.5").exists():
            return d
    raise VlcNotFound("libvlc.so.5 not found: install libvlc5 or set CINEMA_VLC_LIB_DIR")


def locate() -> tuple[list[Path], Path]:
    """The libvlc and libvlccore files, and the plugin folder, on the build machine."""
    if sys.platform.startswith("win"):
        root = Path(
            os.environ.get("CINEMA_VLC_DIR")
            or Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "VideoLAN" / "VLC"
        )
        libs, plugins = [root / "libvlc.dll", root / "libvlccore.dll"], root / "plugins"
    elif sys.platform == "darwin":
        root = Path(os.environ.get("CINEMA_VLC_DIR") or "/Applications/VLC.app/Contents/MacOS")
        libs = [root / "lib" / "libvlc.dylib", root / "lib" / "libvlccore.dylib"]
        plugins = root / "plugins"
    else:
        lib_dir = _linux_lib_dir()
        libs = [lib_dir / "libvlc.so.5", lib_dir / "libvlccore.so.9"]
        plugins = Path(os.environ.get("CINEMA_VLC_PLUGIN_DIR") or lib_dir / "vlc" / "plugins")
    missing = [str(p) for p in [*libs, plugins] if not p.exists()]
    if missing:
        raise VlcNotFound(f"VLC files missing on the build machine: {', '.join(missing)}")
    return libs, plugins


def selected_plugins(plugin_dir: Path) -> list[Path]:
    """The plugin files we keep, found anywhere under ``plugin_dir`` (macOS keeps them flat)."""
    keep = []
    for path in sorted(plugin_dir.rglob("*")):
        match = _PLUGIN_RE.match(path.name)
        if match and match.group("name") in KEEP_NAMES and path.is_file():
            keep.append(path)
    return keep


def bundle_layout() -> tuple[str, str]:
    """(folder for libvlc/libvlccore, folder for plugins) inside the bundle, per platform.

    Chosen so that libvlccore's own search (its folder + ``vlc/plugins`` on Linux, + ``plugins``
    on Windows, ``../plugins`` on macOS) finds the plugins even without VLC_PLUGIN_PATH.
    """
    if sys.platform.startswith("win"):
        return ".", "plugins"
    if sys.platform == "darwin":
        return "vlc/lib", "vlc/plugins"
    return ".", "vlc/plugins"


def cache_generator() -> Path | None:
    """vlc-cache-gen of the build machine's VLC (it writes plugins.dat for a plugin folder)."""
    import shutil

    found = shutil.which("vlc-cache-gen")
    if found:
        return Path(found)
    if sys.platform.startswith("win"):
        libs, _ = locate()
        exe = libs[0].parent / "vlc-cache-gen.exe"
        return exe if exe.exists() else None
    for pattern in ("/usr/lib/*/vlc/vlc-cache-gen", "/usr/lib*/vlc/vlc-cache-gen"):
        hits = sorted(Path("/").glob(pattern.lstrip("/")))
        if hits:
            return hits[0]
    return None
