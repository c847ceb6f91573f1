"""Hostile input, timed and weighed: bodies of pathological Markdown exported as a history
PDF and HTML, and import files built to cost gigabytes to parse (issue 15).

Each case runs as its own process (``python -m devjournal ...`` behind a wrapper that
prints the process's peak memory), under a cap on its address space so that a regression
fails instead of taking the machine. ``python -m bench.pathological`` prints the figures.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ADDRESS_SPACE = 4 * 1024**3
"""What one case may map; before the bounds some took 8.6 or 13 GB."""
WRAPPER = """
import resource, sys
from devjournal.cli import run
code = run(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""

BODIES: dict[str, str] = {
    "99,000 list items nested on one line": "- " * 99_000 + "end",
    "a table of 49,000 columns": "|" + "c|" * 49_000 + "\n|" + "-|" * 49_000,
    "a table of 8 columns and 9,000 rows": "\n".join(
        ["|a|b|c|d|e|f|g|h|", "|-|-|-|-|-|-|-|-|"] + [f"|{i}|x|x|x|x|x|x|x|" for i in range(9_000)]
    ),
    "one word of 200,000 characters": "QUJD" * 50_000,
}
BEFORE = {
    "99,000 list items nested on one line": "8.6 GB as PDF before the bounds",
    "a table of 49,000 columns": "45 s as HTML before the bounds",
    "a table of 8 columns and 9,000 rows": "about a minute as HTML before the bounds",
    "one word of 200,000 characters": "a minute to lay out in the reader before the bounds",
    "jrnl: 50 MB of {}": "1.3 GB before the JSON budget",
    "Day One: a zip of 511 MB of {}": "13 GB and 2 minutes before the JSON budget",
    "Day One: a zip of one 511 MB string": "4.5 GB, and imported, before the JSON budget",
}
"""What each case cost before its bound (issue 15)."""


@dataclass(frozen=True)
class Case:
    """One hostile case's timings (ms), peak memory (MB) and what the command said."""

    name: str
    samples_ms: list[float]
    peak_mb: float
    said: str
    before: str = ""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("DEVJOURNAL_HOME", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return env


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _timed(args: list[str], runs: int) -> tuple[list[float], float, str]:
    """``devjournal ARGS`` ``runs`` times: timings, the largest peak memory, its last line."""
    samples, peak, said = [], 0.0, ""
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", WRAPPER, *args],
            env=_env(),
            capture_output=True,
            text=True,
            preexec_fn=_limited,
            check=False,
        )
        samples.append((time.perf_counter() - started) * 1000)
        lines = done.stderr.strip().splitlines()
        if done.returncode not in (0, 1) or not lines or not lines[-1].isdigit():
            raise RuntimeError(f"devjournal {' '.join(args[:3])} failed: {done.stderr[-500:]}")
        peak = max(peak, int(lines[-1]) / 1024)
        said = lines[-2] if len(lines) > 1 else done.stdout.strip().splitlines()[0]
        said = said.removeprefix("devjournal: ")
    return samples, peak, said


def markdown_cases(runs: int) -> list[Case]:
    """Each body alone in a journal, exported as history PDF and HTML."""
    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, body in BODIES.items():
            home = Path(tmp) / f"home-{len(cases)}"
            source = Path(tmp) / "entry.json"
            entry = {"date": "2024-01-01", "time": "09:00", "title": label, "body": body}
            source.write_text(json.dumps({"entries": [entry]}), encoding="utf-8")
            _timed(["--home", str(home), "import", "jrnl", str(source)], 1)
            for fmt in ("pdf", "html"):
                out = Path(tmp) / f"history.{fmt}"
                args = ["--home", str(home), "export", "history", "--include-private"]
                samples, peak, _ = _timed([*args, "--format", fmt, "-o", str(out)], runs)
                size = out.stat().st_size / 1024
                name = f"{label}, as {fmt.upper()}"
                cases.append(Case(name, samples, peak, f"{size:,.0f} KB written", BEFORE[label]))
    return cases


def _empty_objects(megabytes: int) -> Iterator[bytes]:
    yield b'{"entries": ['
    block = b"{}," * (1024**2 // 3)
    for _ in range(megabytes):
        yield block
    yield b"{}]}"


def _one_string(megabytes: int) -> Iterator[bytes]:
    yield b'{"entries": [], "notes": "\xf0\x9f\x98\x80'
    block = b"a" * 1024**2
    for _ in range(megabytes):
        yield block
    yield b'"}'


def _write(path: Path, parts: Iterator[bytes], zipped: bool) -> None:
    if not zipped:
        with path.open("wb") as out:
            out.writelines(parts)
        return
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("Journal.json", "w", force_zip64=True) as member,
    ):
        for part in parts:
            member.write(part)


IMPORTS: dict[str, tuple[str, Callable[[], Iterator[bytes]], bool]] = {
    "jrnl: 50 MB of {}": ("jrnl", lambda: _empty_objects(50), False),
    "Day One: a zip of 511 MB of {}": ("dayone", lambda: _empty_objects(511), True),
    "Day One: a zip of one 511 MB string": ("dayone", lambda: _one_string(511), True),
}


def import_cases(runs: int) -> list[Case]:
    """The issue's hostile imports (refused), and a real 100,000-entry jrnl export read
    (``--dry-run``) for comparison."""
    from bench.jrnl_import import make  # noqa: PLC0415

    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        real = Path(tmp) / "journal.json"
        real.write_text(json.dumps(make(100_000), indent=1), encoding="utf-8")
        files = {"jrnl: 100,000 real entries (48 MB), read": ("jrnl", real)}
        for label, (source, parts, zipped) in IMPORTS.items():
            path = Path(tmp) / f"case-{len(files)}.{'zip' if zipped else 'json'}"
            _write(path, parts(), zipped)
            files[label] = (source, path)
        for label, (source, path) in files.items():
            home = Path(tmp) / f"home-{len(cases)}"
            args = ["--home", str(home), "import", source, str(path), "--dry-run"]
            samples, peak, said = _timed(args, runs)
            size = path.stat().st_size / 1024
            said = f"{size:,.0f} KB file: {said}"
            cases.append(Case(label, samples, peak, said, BEFORE.get(label, "")))
    return cases


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    for case in markdown_cases(runs) + import_cases(runs):
        best = min(case.samples_ms)
        print(f"{case.name}: {best:,.0f} ms, peak {case.peak_mb:,.0f} MB ({case.said})")
        if case.before:
            print(f"  ({case.before})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
