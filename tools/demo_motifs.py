"""Poster motifs for the demo library: one small geometric scene per film, drawn with Pillow."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from PIL import ImageDraw

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
    d.rounded_rectangle([w * 0.22, h * 0.08, w * 0.78, h * 0.9], radius=w * 0.28, fill=rgba(c[2], 60))
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
            fill=rgba(c[2], 30 + 14 * (i % 3)),
        )
    # the battleship's bow and gun turret, in silhouette against the red sky
    d.polygon(
        [(w * 0.05, h * 0.44), (w * 0.95, h * 0.4), (w * 0.86, h * 0.5), (w * 0.1, h * 0.5)],
        fill=rgba(c[0], 240),
    )
    d.rectangle([w * 0.38, h * 0.3, w * 0.62, h * 0.41], fill=rgba(c[0], 240))
    for k, y in enumerate((0.32, 0.36)):
        d.line(
            [w * 0.6, h * y, w * (0.95 - 0.04 * k), h * (y - 0.08)],
            fill=rgba(c[0], 240),
            width=w // 45,
        )
    d.rectangle([w * 0.47, h * 0.14, w * 0.5, h * 0.3], fill=rgba(c[0], 240))
    d.polygon(
        [(w * 0.5, h * 0.14), (w * 0.64, h * 0.17), (w * 0.5, h * 0.2)], fill=rgba(c[2], 255)
    )  # the flag
    for i in range(14):  # the Odessa steps
        y = h * 0.52 + i * h * 0.032
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
        d.line([(vx - half, y), (vx + half, y)], fill=rgba(c[2], 90), width=max(2, int(w * 0.02 * t)))
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
    d.ellipse([w * 0.32, h * 0.3, w * 0.68, h * 0.62], fill=rgba(c[3], 40))  # a face in close-up, as light


def m_sun(d: ImageDraw.ImageDraw, w: int, h: int, c: list[RGB], r: random.Random) -> None:
    cx, cy = w * 0.5, h * 0.5
    for i in range(6):
        rr = w * (0.5 - i * 0.07)
        d.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=rgba(mix(c[2], c[3], i / 6), 40 + i * 25))
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
    d.ellipse([cx - w * 0.12, cy - w * 0.2, cx + w * 0.12, cy + w * 0.04], fill=rgba(c[2], 240))  # the bloom
    d.chord([cx - w * 0.09, cy - w * 0.12, cx + w * 0.09, cy + w * 0.02], 0, 180, fill=rgba(c[0], 255))


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
        pts = [(x * w / 60, base + math.sin(x / 60 * 8 * math.pi + row) * h * 0.015) for x in range(61)]
        d.polygon([*pts, (w, h), (0, h)], fill=rgba(mix(c[1], c[3], row / 14), 60))
    d.ellipse(
        [w * 0.2, h * 0.1, w * 0.48, h * 0.1 + w * 0.28], fill=rgba(c[2], 230)
    )  # the sun over Sindbad's isle
    d.polygon([(w * 0.55, h * 0.42), (w * 0.72, h * 0.2), (w * 0.9, h * 0.42)], fill=rgba(c[0], 200))


MOTIFS: dict[str, Motif] = {
    name[2:]: fn for name, fn in list(globals().items()) if name.startswith("m_") and callable(fn)
}
