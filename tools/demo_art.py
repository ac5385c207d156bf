"""Generated poster and backdrop art for the demo library: gradients, a motif, type, grain."""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

from demo_motifs import MOTIFS, RGB, hex_rgb, mix, rgba
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {
    "sans": "DejaVuSansCondensed-Bold.ttf",
    "serif": "DejaVuSerifCondensed-Bold.ttf",
    "light": "DejaVuSans-ExtraLight.ttf",
    "small": "DejaVuSansCondensed.ttf",
}
SS = 2  # supersampling factor: shapes are drawn large, then downscaled for smooth edges


def font(kind: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / FONTS[kind]), size)


# --- composition ------------------------------------------------------------------------------


def _background(w: int, h: int, top: RGB, bottom: RGB, glow: RGB, gx: float, gy: float) -> Image.Image:
    grad = Image.linear_gradient("L").resize((w, h))
    img = Image.composite(Image.new("RGB", (w, h), bottom), Image.new("RGB", (w, h), top), grad)
    radial = Image.radial_gradient("L").resize((int(w * 1.6), int(w * 1.6)))
    mask = Image.new("L", (w, h), 0)
    mask.paste(radial.point(lambda v: max(0, 150 - v)), (int(gx * w - w * 0.8), int(gy * h - w * 0.8)))
    return Image.composite(Image.new("RGB", (w, h), glow), img, mask)


def _vignette(img: Image.Image, strength: int) -> Image.Image:
    w, h = img.size
    radial = (
        Image.radial_gradient("L").resize((w, h)).point(lambda v: min(255, max(0, (v - 70) * strength // 60)))
    )
    return Image.composite(Image.new("RGB", (w, h), (0, 0, 0)), img, radial)


def _grain(img: Image.Image, rng: random.Random, amount: int) -> Image.Image:
    w, h = img.size
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h)).point(lambda v: v * amount // 255)
    noise = noise.filter(ImageFilter.GaussianBlur(0.6)).convert("RGB")
    return ImageChops.subtract(ImageChops.add(img, noise), Image.new("RGB", (w, h), (amount // 2,) * 3))


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
        # feather both sides so the portrait-shaped motif has no hard vertical edges
        ramp = Image.linear_gradient("L").rotate(90).resize((motif_w, h))
        fade_in = ramp.point(lambda v: min(255, v * 3))
        fade_out = ramp.point(lambda v: min(255, (255 - v) * 5))
        edges = ImageChops.darker(fade_in, fade_out)
        sub.putalpha(ImageChops.multiply(sub.getchannel("A"), edges))
        layer.alpha_composite(sub, (int(w * 0.45), 0))
    else:
        layer.alpha_composite(sub)
    img = Image.alpha_composite(img.convert("RGBA"), layer).convert("RGB")
    img = img.resize(size, Image.Resampling.LANCZOS)
    if landscape:
        shade = Image.linear_gradient("L").rotate(90, expand=True).resize(size).point(lambda v: int(v * 0.85))
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
    band = Image.linear_gradient("L").resize((w, h)).point(lambda v: max(0, min(235, (v - 120) * 2)))
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
