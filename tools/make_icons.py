"""Render the hand-written app icon (packaging/icons/cinema.svg) to PNG sizes, .ico and .icns.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py
Qt's SVG renderer draws the SVG (gradients included); Pillow packs the .ico and .icns.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "packaging" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_pngs(svg: Path, out_dir: Path) -> list[Path]:
    """cinema-<size>.png for every size in SIZES, drawn from the SVG at that size (not scaled)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"cinema-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"cannot write {path}")
        written.append(path)
    return written


def pack_ico_icns(out_dir: Path) -> None:
    """cinema.ico (Windows, 16..256) and cinema.icns (macOS) from the rendered PNGs."""
    from PIL import Image

    with Image.open(out_dir / "cinema-256.png") as big:
        sizes = [(s, s) for s in SIZES if s <= 256]
        big.save(out_dir / "cinema.ico", sizes=sizes)
    with Image.open(out_dir / "cinema-512.png") as big:
        big.save(out_dir / "cinema.icns")


def main() -> int:
    pngs = render_pngs(ICONS / "cinema.svg", ICONS)
    pack_ico_icns(ICONS)
    for path in [*pngs, ICONS / "cinema.ico", ICONS / "cinema.icns"]:
        print(f"{path.relative_to(ICONS.parents[1])}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
