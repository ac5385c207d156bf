"""Start-up of two checkouts side by side: start -> first painted poster view, interleaved.

bench/startup.py measures one checkout against the floor; run once per checkout, minutes apart,
its ratios move by ±10 % here with the machine's other work. This one takes a second checkout
(``git worktree add /tmp/before <commit>``) and starts floor, before and after in turn, round
after round, so that a slow minute slows all three alike. Each checkout gets its own demo and
20,000-title libraries, made by its own code (their schemas differ).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python bench/startup_ab.py \
        --before /tmp/before [--rounds 15]

Prints per case the medians, each checkout's ratio to the floor, and after's change against
before (the issue's "no ratio worse by more than 5 %"); then the same from the per-round ratios
(median of after/before in the same round), which cancels most of the drift.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.startup import FLOOR_SCRIPT, PY, _child_lines, child_env  # noqa: E402

GENERATE = (
    "import sys; sys.path.insert(0, '.'); from pathlib import Path; "
    "from bench.library_gen import generate; generate(Path(sys.argv[1]), int(sys.argv[2]))"
)


def homes(tree: Path, tmp: Path, titles: int) -> tuple[Path, Path]:
    """A demo home and an N-title home made by ``tree``'s own code."""
    demo, big = tmp / "demo", tmp / "big"
    for cmd in (
        [PY, "-m", "app", "--data-dir", str(demo), "library"],
        [PY, "-c", GENERATE, str(big), str(titles)],
    ):
        subprocess.run(cmd, cwd=tree, check=True, stdout=subprocess.DEVNULL)
    return demo, big


def start(tree: Path, home: Path) -> float:
    cmd = [PY, "-m", "app", "--data-dir", str(home)]
    env = child_env()
    env["PYTHONPATH"] = str(tree)  # `-m app` finds the tree's package, not an installed one
    return _child_lines(cmd, env, cwd=tree)[0]


def floor(rows: int) -> float:
    return _child_lines([PY, "-c", FLOOR_SCRIPT, str(rows)], child_env())[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, required=True, help="the other checkout (a git worktree)")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--titles", type=int, default=20000)
    args = parser.parse_args()
    before_tree, after_tree = args.before.resolve(), ROOT
    with tempfile.TemporaryDirectory(prefix="cinema-bench-ab-") as tmp:
        b_demo, b_big = homes(before_tree, Path(tmp) / "before", args.titles)
        a_demo, a_big = homes(after_tree, Path(tmp) / "after", args.titles)
        print(f"before: {before_tree}   after: {after_tree}   rounds: {args.rounds}")
        heads = ("floor", "before", "after", "b/floor", "a/floor", "change", "paired")
        print(f"{'case':16} " + " ".join(f"{h:>7}" for h in heads))
        for name, rows, b_home, a_home in (
            ("demo library", 22, b_demo, a_demo),
            (f"{args.titles} titles", args.titles, b_big, a_big),
        ):
            floor(rows), start(before_tree, b_home), start(after_tree, a_home)  # bytecode, page cache
            f, b, a = [], [], []
            for _ in range(args.rounds):
                f.append(floor(rows))
                b.append(start(before_tree, b_home))
                a.append(start(after_tree, a_home))
            mf, mb, ma = (statistics.median(x) for x in (f, b, a))
            paired = statistics.median(x / y for x, y in zip(a, b, strict=True))
            print(
                f"{name:16} {mf * 1000:5.0f}ms {mb * 1000:5.0f}ms {ma * 1000:5.0f}ms"
                f" {mb / mf:8.2f} {ma / mf:8.2f} {(ma / mf) / (mb / mf) - 1:+7.1%} {paired - 1:+7.1%}"
            )


if __name__ == "__main__":
    main()
