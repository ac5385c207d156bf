"""Bounded memory: parsing and classifying a guide does not grow with the guide's size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, resource, sys
from pathlib import Path
from app.providers.guide.feed import open_feed
from app.providers.guide.xmltv.parser import iter_xmltv
from app.services.guide.pipeline import RowBuilder, produce_rows

def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

builder = RowBuilder(1, {}, 0)
n, early = 0, None
with open_feed(Path(sys.argv[1]), "g") as stream:
    for kind, rows in produce_rows(1, iter_xmltv(stream, "g"), builder, None):
        if kind == "programmes":
            n += len(rows)
            if early is None and n >= 20000:
                early = rss()
print(json.dumps({"rows": n, "early": early, "end": rss()}))
"""


def write_guide(path: Path, programmes: int) -> None:
    # Every title distinct (worst case for the classification caches), 1 in 10 a film.
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tv>\n')
        for i in range(programmes):
            t = time.strftime("%Y%m%d%H%M%S +0300", time.gmtime(1704067200 + i * 60))
            title = f'Х/ф "Фильм номер {i}"' if i % 10 == 0 else f"Передача номер {i}"
            f.write(
                f'<programme start="{t}" channel="c{i % 50}"><title>{title}</title>'
                f"<desc>{'Описание передачи о жизни и судьбе. ' * 8}США, {1950 + i % 70}.</desc>"
                "<category>Кино</category></programme>\n"
            )
        f.write("</tv>\n")


@pytest.mark.slow
def test_parser_memory_does_not_grow_with_the_guide(tmp_path: Path) -> None:
    guide = tmp_path / "big.xml"
    write_guide(guide, 150_000)
    assert guide.stat().st_size > 50 * 1024**2
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(guide)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
        check=True,
        timeout=170,
    )
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["rows"] == 150_000
    # From 20,000 rows to 150,000 rows (and 50+ MB of XML) the peak grows by little.
    assert result["end"] - result["early"] < 30, result
