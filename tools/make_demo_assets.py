"""Regenerate the embedded demo library in resources/demo (metadata, guide, art, sample video)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demo_art import FONT_DIR, encode_jpeg, render_art
from demo_films import FILMS
from demo_guide import build_guide

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "resources" / "demo"
POSTER_SIZE, POSTER_LIMIT = (400, 600), 60_000
BACKDROP_SIZE, BACKDROP_LIMIT = (960, 540), 120_000
VIDEO_SECONDS = 48

FIELDS = [
    "id",
    "kind",
    "title",
    "original_title",
    "year",
    "runtime",
    "rating",
    "votes",
    "genres",
    "countries",
    "original_language",
    "director",
    "cast",
    "overview",
    "tagline",
    "tmdb_id",
    "imdb_id",
    "poster",
    "backdrop",
    "guide_title",
]


def metadata_entry(film: dict[str, Any]) -> dict[str, Any]:
    """What metadata enrichment would have stored for the film, in the demo's JSON shape."""
    slug = film["slug"]
    entry = dict(film)
    entry["id"] = f"tmdb:movie:{film['tmdb_id']}" if film["tmdb_id"] else f"demo:film:{slug}"
    entry["poster"] = f"posters/{slug}.jpg"
    entry["backdrop"] = f"backdrops/{slug}.jpg"
    entry["guide_title"] = film.get("guide_title") or film["title"]
    entry.setdefault("tagline", None)
    return {k: entry[k] for k in FIELDS}


def write_metadata(out: Path) -> None:
    data = {"films": [metadata_entry(f) for f in FILMS]}
    (out / "metadata.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")


def write_art(out: Path) -> None:
    for sub, size, limit, text in (
        ("posters", POSTER_SIZE, POSTER_LIMIT, True),
        ("backdrops", BACKDROP_SIZE, BACKDROP_LIMIT, False),
    ):
        (out / sub).mkdir(parents=True, exist_ok=True)
        for film in FILMS:
            img = render_art(film, size, text)
            (out / sub / f"{film['slug']}.jpg").write_bytes(encode_jpeg(img, limit))


def _chord_expr() -> str:
    """A slow Am-F-C-G pad: three soft sines per chord, each chord swelling in and fading."""
    chords = [
        (220.0, 261.63, 329.63),
        (174.61, 220.0, 261.63),
        (196.0, 261.63, 329.63),
        (196.0, 246.94, 293.66),
    ]
    step = 6
    env = f"(min(1,mod(t,{step})/1.2)*exp(-mod(t,{step})*0.22))"

    def pick(i: int) -> str:
        expr = str(chords[-1][i])
        for k in range(len(chords) - 2, -1, -1):
            expr = f"if(lt(mod(t,{step * len(chords)}),{step * (k + 1)}),{chords[k][i]},{expr})"
        return expr

    voices = "+".join(f"sin(2*PI*{pick(i)}*t)" for i in range(3))
    return f"0.16*{env}*({voices})*(0.85+0.15*sin(2*PI*0.25*t))"


def write_video(out: Path) -> None:
    font = FONT_DIR / "DejaVuSans-Bold.ttf"
    mono = FONT_DIR / "DejaVuSansMono.ttf"
    secs = VIDEO_SECONDS
    video = (
        f"gradients=s=640x360:r=25:d={secs}:speed=0.035:seed=7:x0=0:y0=0:x1=640:y1=360"
        ":c0=0x1b1a14:c1=0x5e1510:c2=0xd9b45a:c3=0x283a78:c4=0x0b1026:nb_colors=5"
    )
    life = (
        "life=s=640x360:r=25:seed=11:ratio=0.12:mold=25"
        ":life_color=0xf3e6c4:death_color=0x000000:mold_color=0x3a3222"
    )
    graph = (
        f"[0:v]format=yuv420p[g];[1:v]trim=duration={secs},format=yuv420p,boxblur=2[l];"
        "[g][l]blend=all_mode=screen:all_opacity=0.35,"
        f"drawtext=fontfile={font}:text='Cinema · демо':fontsize=44:fontcolor=0xf7f3ea:"
        "x=(w-tw)/2:y=h*0.38:shadowcolor=0x000000:shadowx=2:shadowy=2,"
        f"drawtext=fontfile={font}:text='пробный ролик для проверки плеера':fontsize=16:"
        "fontcolor=0xf7f3ea@0.8:x=(w-tw)/2:y=h*0.38+60,"
        f"drawtext=fontfile={mono}:text='%{{pts\\:hms}}':fontsize=18:fontcolor=0xd9b45a:x=w-tw-16:y=h-th-14,"
        f"fade=t=in:d=1,fade=t=out:st={secs - 1.5}:d=1.5[v]"
    )
    audio = f"aevalsrc='{_chord_expr()}':s=44100:d={secs}"
    cmd = [
        "ffmpeg",
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        video,
        "-f",
        "lavfi",
        "-i",
        life,
        "-f",
        "lavfi",
        "-i",
        audio,
        "-filter_complex",
        graph,
        "-map",
        "[v]",
        "-map",
        "2:a",
        "-af",
        f"afade=t=in:d=1,afade=t=out:st={secs - 2}:d=2",
        "-c:v",
        "libx264",
        "-preset",
        "slow",
        "-crf",
        "28",
        "-maxrate",
        "210k",
        "-bufsize",
        "420k",
        "-g",
        "50",
        "-keyint_min",
        "50",
        "-sc_threshold",
        "0",
        "-pix_fmt",
        "yuv420p",
        "-threads",
        "1",
        "-c:a",
        "aac",
        "-b:a",
        "48k",
        "-ac",
        "2",
        "-movflags",
        "+faststart",
        "-map_metadata",
        "-1",
        "-fflags",
        "+bitexact",
        "-flags:v",
        "+bitexact",
        "-flags:a",
        "+bitexact",
        "-t",
        str(secs),
        str(out / "sample.mp4"),
    ]
    subprocess.run(cmd, check=True)


def write_guide(out: Path) -> None:
    (out / "guide.xml").write_bytes(build_guide(FILMS))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--skip-video", action="store_true", help="leave sample.mp4 as it is")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    write_metadata(args.out)
    write_guide(args.out)
    write_art(args.out)
    if not args.skip_video:
        write_video(args.out)
    print(f"demo library written to {args.out} ({len(FILMS)} films)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
