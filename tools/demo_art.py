"""Generated poster and backdrop art for the demo library: gradients, a motif, type, grain."""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {
    "sans": "DejaVuSansCondensed-Bold.ttf",
    "serif": "DejaVuSerifCondensed-Bold.ttf",
    "light": "DejaVuSans-ExtraLight.ttf",
    "small": "DejaVuSansCondensed.ttf",
}
SS = 2  # supersampling factor: shapes are drawn large, then downscaled for smooth edges

RGB = tuple[int, int, int]
Motif = Callable[[ImageDraw.ImageDraw, int, int, list[RGB], random.Random], None]


def hex_rgb(value: str) -> RGB:
    v = value.lstrip("#")
    return (int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16))


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def rgba(c: RGB, alpha: int) -> tuple[int, int, int, int]:
    return (c[0], c[1], c[2], alpha)


def font(kind: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / FONTS[kind]), size)


# --- motifs: each draws on a transparent RGBA layer of size (w, h) -----------------------------


def m_rays(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    cx, cy = w / 2, h * 0.62
    for i in range(24):
        a0 = math.pi + i * math.pi / 24
        a1 = a0 + math.pi / 48
        pts = [(cx, cy), (cx + 2 * h * math.cos(a0), cy + 2 * h * math.sin(a0))]
        pts.append((cx + 2 * h * math.cos(a1), cy + 2 * h * math.sin(a1)))
        d.polygon(pts, fill=rgba(c[2], 38 if i % 2 else 70))
    for i in range(9):  # art-deco towers
        tw = w * 0.07
        x = w * 0.08 + i * w * 0.1
        th = h * (0.18 + 0.3 * abs(math.sin(i * 1.7)))
        d.rectangle([x, cy - th, x + tw, h], fill=rgba(c[0], 235))
        d.line(
            [x + tw / 2, cy - th - h * 0.04, x + tw / 2, cy - th],
            fill=rgba(c[2], 200),
            width=w // 160,
        )


def m_arch(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    d.rounded_rectangle(
        [w * 0.22, h * 0.08, w * 0.78, h * 0.9], radius=w * 0.28, fill=rgba(c[2], 60)
    )
    # the long shadow on the stairs: a thin figure with clawed fingers
    x = w * 0.56
    d.ellipse([x - w * 0.05, h * 0.2, x + w * 0.05, h * 0.32], fill=rgba(c[0], 245))
    d.polygon(
        [
            (x - w * 0.08, h * 0.3),
            (x + w * 0.07, h * 0.3),
            (x + w * 0.02, h * 0.86),
            (x - w * 0.05, h * 0.86),
        ],
        fill=rgba(c[0], 245),
    )
    for k in range(4):
        fx = x + w * 0.06 + k * w * 0.025
        d.line(
            [x + w * 0.05, h * 0.42, fx, h * 0.36 - k * h * 0.01],
            fill=rgba(c[0], 245),
            width=w // 90,
        )


def m_diagonal(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    for i in range(7):
        off = i * w * 0.22
        d.polygon(
            [(-w + off, h), (-w * 0.6 + off, h), (w * 0.4 + off, 0), (off, 0)],
            fill=rgba(c[2], 40 + 18 * (i % 3)),
        )
    for i in range(14):  # the Odessa steps
        y = h * 0.5 + i * h * 0.035
        d.rectangle([w * (0.1 + i * 0.02), y, w * 1.0, y + h * 0.012], fill=rgba(c[3], 50))


def m_shards(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    for _ in range(16):
        x, y = r.uniform(-0.1, 1.1) * w, r.uniform(-0.1, 0.9) * h
        pts = [(x + r.uniform(-0.4, 0.4) * w, y + r.uniform(-0.3, 0.3) * h) for _ in range(3)]
        d.polygon(pts, fill=rgba(c[2] if r.random() < 0.5 else c[0], r.randint(40, 110)))
    d.line([(0, h * 0.75), (w * 0.5, h * 0.55), (w, h * 0.8)], fill=rgba(c[3], 120), width=w // 120)


def m_rails(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    vx, vy = w * 0.5, h * 0.42
    for s in (-1, 1):
        d.line([(vx, vy), (vx + s * w * 0.9, h)], fill=rgba(c[3], 120), width=w // 100)
    for i in range(1, 14):
        t = (i / 14) ** 1.8
        y = vy + (h - vy) * t
        half = w * 0.9 * t
        d.line(
            [(vx - half, y), (vx + half, y)], fill=rgba(c[2], 90), width=max(2, int(w * 0.02 * t))
        )
    d.ellipse([w * 0.62, h * 0.08, w * 0.92, h * 0.28], fill=rgba(c[2], 170))


def m_peaks(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    for layer, (base, col) in enumerate(((0.55, c[3]), (0.68, mix(c[1], c[3], 0.4)), (0.8, c[1]))):
        pts: list[tuple[float, float]] = [(0.0, float(h))]
        x = 0.0
        while x < w:
            pts.append((x, h * (base - r.uniform(0.05, 0.22))))
            x += w * r.uniform(0.12, 0.25)
        pts += [(float(w), h * base), (float(w), float(h))]
        d.polygon(pts, fill=rgba(col, 120 + layer * 50))
    for _ in range(120):  # snow
        x, y, s = r.uniform(0, w), r.uniform(0, h), r.uniform(1, 3) * w / 400
        d.ellipse([x, y, x + s, y + s], fill=rgba(c[3], 160))


def m_moon(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    for _ in range(90):
        x, y, s = r.uniform(0, w), r.uniform(0, h * 0.7), r.uniform(1, 3.5) * w / 400
        d.ellipse([x, y, x + s, y + s], fill=rgba(c[3], r.randint(90, 230)))
    R = w * 0.3
    cx, cy = w * 0.52, h * 0.33
    d.ellipse([cx - R, cy - R, cx + R, cy + R], fill=rgba(c[2], 235))
    for _ in range(8):
        a, rr = r.uniform(0, 6.28), r.uniform(0, R * 0.7)
        s = r.uniform(0.05, 0.14) * R
        x, y = cx + rr * math.cos(a), cy + rr * math.sin(a)
        d.ellipse([x - s, y - s, x + s, y + s], fill=rgba(mix(c[2], c[1], 0.35), 200))
    # the capsule, lodged in the moon's eye
    d.polygon(
        [
            (cx + R * 0.2, cy - R * 0.15),
            (cx + R * 1.05, cy - R * 0.45),
            (cx + R * 1.05, cy - R * 0.1),
        ],
        fill=rgba(c[1], 255),
    )


def m_hands(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    d.rectangle([w * 0.3, h * 0.18, w * 0.7, h * 0.5], fill=rgba(c[3], 30))  # the farmhouse window
    d.line([w * 0.5, h * 0.18, w * 0.5, h * 0.5], fill=rgba(c[0], 255), width=w // 60)
    d.line([w * 0.3, h * 0.34, w * 0.7, h * 0.34], fill=rgba(c[0], 255), width=w // 60)
    for i in range(7):
        x = w * (0.05 + i * 0.15) + r.uniform(-10, 10) * w / 400
        top = h * r.uniform(0.5, 0.68)
        d.rectangle([x, top, x + w * 0.05, h], fill=rgba(c[1], 230))
        for k in range(4):
            fx = x + k * w * 0.014
            d.rectangle([fx, top - h * 0.05, fx + w * 0.009, top], fill=rgba(c[1], 230))
    d.rectangle([0, h * 0.9, w, h], fill=rgba(c[2], 160))


def m_frames(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    for i in range(5):
        m = w * (0.06 + i * 0.07)
        d.rectangle(
            [m, m * 1.2, w - m, h * 0.72 - m * 0.4],
            outline=rgba(c[2], 200 - i * 35),
            width=w // 110,
        )
    d.polygon(
        [(w * 0.5, h * 0.02), (w * 0.1, h * 0.72), (w * 0.9, h * 0.72)], fill=rgba(c[3], 28)
    )  # projector beam


def m_circles(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    for i, (x, y, rr) in enumerate(((0.35, 0.34, 0.28), (0.66, 0.44, 0.17), (0.5, 0.16, 0.07))):
        col = c[2] if i != 1 else c[3]
        d.ellipse(
            [w * (x - rr), h * y - w * rr, w * (x + rr), h * y + w * rr],
            fill=rgba(col, 150 - i * 30),
        )
    d.rectangle([w * 0.2, h * 0.6, w * 0.8, h * 0.61], fill=rgba(c[3], 160))  # a curb to walk along


def m_curtain(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    folds = 9
    for i in range(folds):
        x0 = i * w / folds
        d.rectangle([x0, 0, x0 + w / folds * 0.55, h], fill=rgba(mix(c[1], c[0], 0.5), 90))
    d.ellipse([w * 0.3, h * 0.15, w * 0.7, h * 0.47], fill=rgba(c[3], 220))  # the mask
    for sx in (0.41, 0.59):
        d.ellipse([w * (sx - 0.05), h * 0.26, w * (sx + 0.05), h * 0.31], fill=rgba(c[0], 255))
    for k in range(12):  # chandelier crystals
        x = w * (0.2 + k * 0.055)
        d.line([x, 0, x, h * (0.05 + 0.04 * math.sin(k))], fill=rgba(c[2], 200), width=w // 200)


def m_lens(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    cx, cy = w * 0.5, h * 0.36
    for i in range(8):
        rr = w * (0.42 - i * 0.05)
        d.ellipse(
            [cx - rr, cy - rr, cx + rr, cy + rr],
            outline=rgba(c[2], 70 + i * 20),
            width=w // (60 + i * 10),
        )
    d.ellipse([cx - w * 0.05, cy - w * 0.05, cx + w * 0.05, cy + w * 0.05], fill=rgba(c[3], 240))
    for i in range(6):  # film perforation
        y = h * (0.05 + i * 0.12)
        d.rectangle([w * 0.03, y, w * 0.08, y + h * 0.06], fill=rgba(c[3], 60))
        d.rectangle([w * 0.92, y, w * 0.97, y + h * 0.06], fill=rgba(c[3], 60))


def m_columns(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    for i in range(6):  # newspaper columns
        x = w * (0.08 + i * 0.15)
        for j in range(18):
            y = h * (0.08 + j * 0.03)
            d.rectangle([x, y, x + w * r.uniform(0.07, 0.12), y + h * 0.008], fill=rgba(c[3], 55))
    d.rectangle([w * 0.08, h * 0.2, w * 0.92, h * 0.36], fill=rgba(c[2], 200))  # the headline bar


def m_spiral(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    cx, cy = w * 0.5, h * 0.36
    pts = []
    for k in range(900):
        a = k * 0.05
        rr = w * 0.004 * a * 2.2
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.line(pts, fill=rgba(c[2], 200), width=w // 70)
    d.rectangle([0, h * 0.62, w, h * 0.64], fill=rgba(c[3], 90))


def m_cross(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    d.rectangle([w * 0.47, h * 0.05, w * 0.53, h * 0.7], fill=rgba(c[2], 120))
    d.rectangle([w * 0.3, h * 0.18, w * 0.7, h * 0.23], fill=rgba(c[2], 120))
    d.ellipse(
        [w * 0.32, h * 0.3, w * 0.68, h * 0.62], fill=rgba(c[3], 40)
    )  # a face in close-up, as light


def m_sun(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    cx, cy = w * 0.5, h * 0.5
    for i in range(6):
        rr = w * (0.5 - i * 0.07)
        d.ellipse(
            [cx - rr, cy - rr, cx + rr, cy + rr], fill=rgba(mix(c[2], c[3], i / 6), 40 + i * 25)
        )
    d.rectangle([0, cy, w, h], fill=rgba(c[1], 200))  # the lake
    for i in range(10):
        y = cy + h * 0.02 * (i + 1) ** 1.2
        d.line(
            [cx - w * 0.2 / (1 + i * 0.3), y, cx + w * 0.2 / (1 + i * 0.3), y],
            fill=rgba(c[2], 150),
            width=w // 150,
        )


def m_road(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    d.polygon(
        [(w * 0.47, h * 0.35), (w * 0.53, h * 0.35), (w * 1.1, h), (-w * 0.1, h)],
        fill=rgba(c[0], 220),
    )
    for i in range(9):
        t0, t1 = (i / 9) ** 2, ((i + 0.5) / 9) ** 2
        y0, y1 = h * 0.35 + h * 0.65 * t0, h * 0.35 + h * 0.65 * t1
        d.polygon(
            [
                (w * 0.5 - 2 * t0 * w / 50, y0),
                (w * 0.5 + 2 * t0 * w / 50, y0),
                (w * 0.5 + 2 * t1 * w / 50, y1),
                (w * 0.5 - 2 * t1 * w / 50, y1),
            ],
            fill=rgba(c[2], 220),
        )
    d.polygon([(w * 0.5, h * 0.35), (0, h * 0.1), (w, h * 0.1)], fill=rgba(c[3], 25))  # headlights


def m_leaves(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    cx, cy = w * 0.5, h * 0.62
    for k in range(14):
        a = math.pi * (1.05 + k / 14 * 0.9)
        L = w * r.uniform(0.3, 0.5)
        tip = (cx + L * math.cos(a), cy + L * math.sin(a))
        side = (cx + L * 0.5 * math.cos(a + 0.35), cy + L * 0.5 * math.sin(a + 0.35))
        side2 = (cx + L * 0.5 * math.cos(a - 0.35), cy + L * 0.5 * math.sin(a - 0.35))
        d.polygon([(cx, cy), side, tip, side2], fill=rgba(mix(c[1], c[3], r.uniform(0, 0.4)), 200))
    d.ellipse(
        [cx - w * 0.12, cy - w * 0.2, cx + w * 0.12, cy + w * 0.04], fill=rgba(c[2], 240)
    )  # the bloom
    d.chord(
        [cx - w * 0.09, cy - w * 0.12, cx + w * 0.09, cy + w * 0.02], 0, 180, fill=rgba(c[0], 255)
    )


def m_planet(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    cx, cy, R = w * 0.55, h * 0.32, w * 0.26
    d.ellipse([cx - R, cy - R, cx + R, cy + R], fill=rgba(c[2], 230))
    d.ellipse(
        [cx - R * 1.8, cy - R * 0.3, cx + R * 1.8, cy + R * 0.3],
        outline=rgba(c[3], 180),
        width=w // 90,
    )
    for i in range(5):  # constructivist scaffolding
        x = w * (0.1 + i * 0.08)
        d.line([x, h, x + w * 0.3, h * 0.45], fill=rgba(c[3], 90), width=w // 160)


def m_rose(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    cx, cy = w * 0.5, h * 0.33
    for k in range(16):  # the cathedral's rose window
        a = k * math.pi / 8
        x, y = cx + w * 0.2 * math.cos(a), cy + w * 0.2 * math.sin(a)
        d.ellipse(
            [x - w * 0.09, y - w * 0.09, x + w * 0.09, y + w * 0.09],
            outline=rgba(c[2], 170),
            width=w // 120,
        )
    d.ellipse([cx - w * 0.08, cy - w * 0.08, cx + w * 0.08, cy + w * 0.08], fill=rgba(c[2], 200))
    for s in (-1, 1):
        d.rectangle(
            [cx + s * w * 0.38 - w * 0.06, h * 0.05, cx + s * w * 0.38 + w * 0.06, h],
            fill=rgba(c[0], 200),
        )


def m_bolt(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    for i in range(12):
        y = h * i / 12
        d.rectangle([0, y, w, y + h / 24], fill=rgba(c[1], 40))
    d.polygon(
        [
            (w * 0.62, h * 0.02),
            (w * 0.3, h * 0.4),
            (w * 0.5, h * 0.4),
            (w * 0.36, h * 0.72),
            (w * 0.74, h * 0.3),
            (w * 0.54, h * 0.3),
        ],
        fill=rgba(c[2], 245),
    )


def m_waves(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    for row in range(9):
        base = h * (0.42 + row * 0.06)
        pts = [
            (x * w / 60, base + math.sin(x / 60 * 8 * math.pi + row) * h * 0.015) for x in range(61)
        ]
        d.polygon([*pts, (w, h), (0, h)], fill=rgba(mix(c[1], c[3], row / 14), 60))
    d.ellipse(
        [w * 0.2, h * 0.1, w * 0.48, h * 0.1 + w * 0.28], fill=rgba(c[2], 230)
    )  # the sun over Sindbad's isle
    d.polygon(
        [(w * 0.55, h * 0.42), (w * 0.72, h * 0.2), (w * 0.9, h * 0.42)], fill=rgba(c[0], 200)
    )


MOTIFS: dict[str, Motif] = {
    name[2:]: fn for name, fn in list(globals().items()) if name.startswith("m_") and callable(fn)
}


# --- composition ------------------------------------------------------------------------------


def _background(
    w: int, h: int, top: RGB, bottom: RGB, glow: RGB, gx: float, gy: float
) -> Image.Image:
    grad = Image.linear_gradient("L").resize((w, h))
    img = Image.composite(Image.new("RGB", (w, h), bottom), Image.new("RGB", (w, h), top), grad)
    radial = Image.radial_gradient("L").resize((int(w * 1.6), int(w * 1.6)))
    mask = Image.new("L", (w, h), 0)
    mask.paste(
        radial.point(lambda v: max(0, 150 - v)), (int(gx * w - w * 0.8), int(gy * h - w * 0.8))
    )
    return Image.composite(Image.new("RGB", (w, h), glow), img, mask)


def _vignette(img: Image.Image, strength: int) -> Image.Image:
    w, h = img.size
    radial = (
        Image.radial_gradient("L")
        .resize((w, h))
        .point(lambda v: min(255, max(0, (v - 70) * strength // 60)))
    )
    return Image.composite(Image.new("RGB", (w, h), (0, 0, 0)), img, radial)


def _grain(img: Image.Image, rng: random.Random, amount: int) -> Image.Image:
    w, h = img.size
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h)).point(lambda v: v * amount // 255)
    noise = noise.filter(ImageFilter.GaussianBlur(0.6)).convert("RGB")
    return ImageChops.subtract(
        ImageChops.add(img, noise), Image.new("RGB", (w, h), (amount // 2,) * 3)
    )


def _wrap(
    text: str, fnt: ImageFont.FreeTypeFont, width: float, tracking: float, hyphen: bool = False
) -> list[str] | None:
    words = text.replace("-", "- ").split() if hyphen else text.split()
    lines: list[str] = []
    for word in words:
        cand = word if not lines else (lines[-1] + ("" if lines[-1].endswith("-") else " ") + word)
        if lines and _text_width(cand, fnt, tracking) <= width:
            lines[-1] = cand
        elif _text_width(word, fnt, tracking) <= width:
            lines.append(word)
        else:
            return None
    return lines


def _text_width(text: str, fnt: ImageFont.FreeTypeFont, tracking: float) -> float:
    return fnt.getlength(text) + tracking * max(0, len(text) - 1)


def _draw_tracked(
    d: ImageDraw.ImageDraw,
    xy: tuple[float, float],
    text: str,
    fnt: ImageFont.FreeTypeFont,
    fill: Any,
    tracking: float,
) -> None:
    x, y = xy
    for ch in text:
        d.text((x, y), ch, font=fnt, fill=fill)
        x += fnt.getlength(ch) + tracking


def fit_title(
    text: str, kind: str, width: float, max_lines: int, start: int
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """Largest font size at which the title wraps into max_lines lines of the given width."""
    # breaking after a hyphen is the fallback: whole words first, down to a still-bold size
    for hyphen, floor in ((False, 34), (True, 8)):
        for size in range(start, floor, -2):
            fnt = font(kind, size)
            lines = _wrap(text, fnt, width, size * 0.02, hyphen)
            if lines is not None and len(lines) <= max_lines:
                return fnt, lines
    raise ValueError(f"title does not fit: {text}")


def render_art(film: dict[str, Any], size: tuple[int, int], with_text: bool) -> Image.Image:
    art = film["art"]
    top, bottom, accent, ink = (hex_rgb(x) for x in art["palette"])
    rng = random.Random(f"{film['slug']}:{size[0]}")
    w, h = size[0] * SS, size[1] * SS
    landscape = size[0] > size[1]
    img = _background(w, h, bottom, top, accent, rng.uniform(0.3, 0.7), 0.3)
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    motif_w = w if not landscape else int(h * 0.9)
    sub = Image.new("RGBA", (motif_w, h), (0, 0, 0, 0))
    MOTIFS[art["motif"]](ImageDraw.Draw(sub), motif_w, h, [top, bottom, accent, ink], rng)
    if landscape:  # the motif sits off-centre right; the left side stays calm for UI text
        ramp = (
            Image.linear_gradient("L")
            .rotate(90)
            .resize((motif_w, h))
            .point(lambda v: min(255, v * 3))
        )
        sub.putalpha(ImageChops.multiply(sub.getchannel("A"), ramp))
        layer.alpha_composite(sub, (int(w * 0.45), 0))
    else:
        layer.alpha_composite(sub)
    img = Image.alpha_composite(img.convert("RGBA"), layer).convert("RGB")
    img = img.resize(size, Image.Resampling.LANCZOS)
    if landscape:
        shade = (
            Image.linear_gradient("L")
            .rotate(90, expand=True)
            .resize(size)
            .point(lambda v: int(v * 0.85))
        )
        img = Image.composite(img, Image.new("RGB", size, top), shade)
    img = _vignette(img, 70 if landscape else 90)
    if with_text:
        img = _typeset(img, film, top, accent, ink, rng)
    return _grain(img, rng, 14)


def _typeset(
    img: Image.Image, film: dict[str, Any], dark: RGB, accent: RGB, ink: RGB, rng: random.Random
) -> Image.Image:
    w, h = img.size
    margin = 26
    kind = film["art"]["font"]
    # a dark band under the type keeps it legible over any motif
    band = (
        Image.linear_gradient("L").resize((w, h)).point(lambda v: max(0, min(235, (v - 120) * 2)))
    )
    img = Image.composite(Image.new("RGB", (w, h), dark), img, band)
    d = ImageDraw.Draw(img)
    title = film["title"].upper()
    fnt, lines = fit_title(title, kind, w - 2 * margin, 4, 62)
    size = fnt.size
    tracking = size * 0.02
    line_h = size * 1.04
    small = font("small", 13)
    y = h - margin - 18 - len(lines) * line_h
    _draw_tracked(d, (margin, y - 30), film["director"].upper(), small, rgba(accent, 255), 2.2)
    for line in lines:
        _draw_tracked(d, (margin, y), line, fnt, ink, tracking)
        y += line_h
    d.line([margin, h - margin - 8, margin + 40, h - margin - 8], fill=accent, width=2)
    meta = f"{film['year']}  ·  {', '.join(film['genres'][:2])}"
    d.text((margin + 52, h - margin - 16), meta, font=small, fill=mix(ink, dark, 0.25))
    if film.get("tagline"):
        tag_font = font("small", 12)
        tag_lines = _wrap(film["tagline"], tag_font, w - 2 * margin, 0) or [film["tagline"]]
        ty = margin
        for tl in tag_lines[:3]:
            d.text((margin, ty), tl, font=tag_font, fill=mix(ink, dark, 0.15))
            ty += 16
    return img


def encode_jpeg(img: Image.Image, limit: int) -> bytes:
    """JPEG bytes at the best quality (from 85 down) that fits under ``limit`` bytes."""
    for quality in range(85, 40, -5):
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=quality, optimize=True, progressive=True)
        if buf.tell() < limit:
            return buf.getvalue()
    raise ValueError("image does not fit the size limit")
