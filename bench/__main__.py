"""Run every benchmark and write ``bench/report.md``.

Each figure is timed several times; the report gives the median and p95 against the target.
Sample journals are built once and cached in ``bench/.cache`` (keyed by the schema revision
and every source file of the sample generator, ``devjournal/sample/``), so a second run
starts at once.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devjournal import __version__, sample
from devjournal.domain.clock import utc_now
from devjournal.storage.database import HEAD_REVISION

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache"
REPORT = ROOT / "report.md"
SAMPLE = Path(sample.__file__).parent  # the generator: every file of the package
MIGRATIONS = SAMPLE.parent / "storage" / "migrations" / "versions"


@dataclass(frozen=True)
class Figure:
    """One measured figure."""

    name: str
    journal: str
    target_ms: float
    samples_ms: list[float]
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def passed(self) -> bool:
        return self.p95 <= self.target_ms


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("DEVJOURNAL_HOME", None)
    return env


def cached_journal(size: str) -> Path:
    """A folder holding the ``size`` sample journal, built once per code version."""
    sources = [*sorted(SAMPLE.rglob("*.py")), *sorted(MIGRATIONS.glob("*.py"))]
    digest = hashlib.sha256(HEAD_REVISION.encode())
    for source in sources:
        digest.update(source.relative_to(SAMPLE.parent).as_posix().encode())
        digest.update(source.read_bytes())
    key = digest.hexdigest()[:12]
    home = CACHE / f"{size}-{key}"
    if (home / "journal.sqlite").exists():
        return home
    for stale in CACHE.glob(f"{size}-*"):
        shutil.rmtree(stale)
    print(f"building the {size} sample journal (cached for later runs)…", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "devjournal", "--home", str(home), "sample", "--size", size],
        check=True,
        env=_env(),
        stdout=subprocess.DEVNULL,
    )
    print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
    return home


def time_startup(home: Path, until: str = "ready in") -> float:
    """Process start to a log line, in ms, timed from outside (Popen to the line)."""
    log = home / "logs" / "devjournal.log"
    offset = log.stat().st_size if log.exists() else 0
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "devjournal", "--home", str(home)],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            if log.exists():
                with log.open(encoding="utf-8") as handle:
                    handle.seek(offset)
                    if until in handle.read():
                        elapsed = (time.perf_counter() - started) * 1000
                        break
            if process.poll() is not None:
                raise RuntimeError(f"devjournal exited with {process.returncode}")
            if time.perf_counter() - started > 60:
                raise RuntimeError("devjournal did not become ready in 60 s")
            time.sleep(0.002)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    return elapsed


def _run_child(module: str, home: Path, runs: int) -> dict[str, Any]:
    """Run ``bench.<module>`` in its own process (one QApplication); its last line of
    output is a JSON object of timings."""
    done = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", str(home), str(runs)],
        env=_env(),
        cwd=ROOT.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def time_sprint_open(home: Path, runs: int) -> tuple[list[float], list[float], str]:
    """Opening the sprint with the most check-ins on the Coaching page, ``runs`` times,
    in a child process (``bench/sprint_open.py``)."""
    found = _run_child("sprint_open", home, runs)
    return (
        [float(t) for t in found["timings"]],
        [float(t) for t in found["sessions"]],
        (
            f"select in the list to painted page: {found['goals']} goals, "
            f"{found['checkins']} check-ins, charts drawn"
        ),
    )


SEARCH_WORDS = ("mentor", "kafka", "calendar", "promotion", "deleg*", '"code review"')
"""Searches of words each found in under 10% of the stress journal's entries."""


def time_search(home: Path, runs: int) -> tuple[list[float], str]:
    """In-process search (the query and the page of 50 hits with snippets), every word."""
    import sqlite3  # noqa: PLC0415

    from devjournal.storage.search import search_entries  # noqa: PLC0415

    conn = sqlite3.connect(f"file:{home / 'journal.sqlite'}?mode=ro", uri=True)
    try:
        (entries,) = conn.execute("SELECT count(*) FROM log_entry").fetchone()
        timings: list[float] = []
        shares = []
        for word in SEARCH_WORDS:
            results = search_entries(conn, word, limit=50)  # warm-up
            shares.append(100 * results.total / entries)
            for _ in range(runs):
                started = time.perf_counter()
                search_entries(conn, word, limit=50)
                timings.append((time.perf_counter() - started) * 1000)
    finally:
        conn.close()
    return timings, (
        f"{len(SEARCH_WORDS)} searches ({', '.join(SEARCH_WORDS)}), each matching "
        f"{min(shares):.1f}-{max(shares):.1f}% of {entries:,} entries; first 50 hits with snippets"
    )


def time_search_command(home: Path) -> float:
    """``devjournal search`` as a whole process, start to exit."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "devjournal", "--home", str(home), "search", "code", "review"],
        check=True,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return (time.perf_counter() - started) * 1000


def time_history(home: Path, runs: int) -> tuple[list[float], list[float], list[float], int]:
    """Opening the lazy history model and fetching pages (``bench/history_open.py``)."""
    found = _run_child("history_open", home, runs)
    return (
        [float(t) for t in found["open"]],
        [float(t) for t in found["fetch"]],
        [float(t) for t in found["page"]],
        found["rows"],
    )


def time_summary_pdf(runs: int) -> tuple[list[float], str]:
    """The goal summary PDF of a 10-goal sprint (``bench/summary_pdf.py``)."""
    with tempfile.TemporaryDirectory() as home:
        found = _run_child("summary_pdf", Path(home), runs)
    return [float(t) for t in found["timings"]], (
        f"summary built from the journal and written as PDF bytes: {found['goals']} goals "
        f"with 12 check-ins each, {found['pages']} A4 pages, charts as vectors, "
        f"{found['bytes'] / 1024:.0f} KB"
    )


def time_jrnl_import(runs: int) -> tuple[list[float], str]:
    """``devjournal import jrnl`` of 100,000 entries into an empty journal, as a process."""
    from bench.jrnl_import import make  # noqa: PLC0415

    timings = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "journal.json"
        source.write_text(json.dumps(make(100_000), indent=1), encoding="utf-8")
        size = source.stat().st_size
        for run in range(runs):
            home = Path(tmp) / f"home-{run}"
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "devjournal",
                    "--home",
                    str(home),
                    "import",
                    "jrnl",
                    str(source),
                ],
                check=True,
                env=_env(),
                stdout=subprocess.DEVNULL,
            )
            timings.append((time.perf_counter() - started) * 1000)
            shutil.rmtree(home)
    return timings, (
        f"process start to exit: a {size / 1024**2:.0f} MB jrnl export read and checked, "
        "100,000 entries with 1-3 tags each added in one transaction, search index built"
    )


def time_timeline(home: Path, runs: int) -> tuple[list[float], list[float], str]:
    """Opening the Timeline page and zooming and panning it (``bench/timeline_open.py``)."""
    found = _run_child("timeline_open", home, runs)
    return (
        [float(t) for t in found["open"]],
        [float(t) for t in found["steps"]],
        f"{found['sprints']} sprints, {found['sessions']:,} sessions, {found['checkins']:,} "
        "check-ins, 100,000 entries",
    )


def repeat(measure: Callable[[], float], runs: int, warmup: int = 1) -> list[float]:
    """``runs`` timings after ``warmup`` untimed ones (to fill the OS file cache)."""
    for _ in range(warmup):
        measure()
    return [measure() for _ in range(runs)]


def run_all(runs: int) -> list[Figure]:
    """Every figure, in the report's order."""
    figures: list[Figure] = []
    for size in ("decade", "stress"):
        home = cached_journal(size)
        figures.append(
            Figure(
                name="Start-up to first paint of Today",
                journal=size,
                target_ms=800,
                samples_ms=repeat(lambda h=home: time_startup(h), runs),
                note="process start (Popen) to the 'ready' log line",
            )
        )
        figures.append(
            Figure(
                name="Start-up to every page usable",
                journal=size,
                target_ms=1500,
                samples_ms=repeat(lambda h=home: time_startup(h, "pages ready"), runs, 0),
                note="Popen to 'pages ready': ORM and services loaded after the first "
                "paint, then the Coaching page built on the first sprint (our own target: "
                "the window is fully usable within 1.5 s)",
            )
        )
        timings, sessions, note = time_sprint_open(home, runs)
        figures.append(
            Figure(
                name="Open a sprint on the Coaching page",
                journal=size,
                target_ms=100,
                samples_ms=timings,
                note=note,
            )
        )
        figures.append(
            Figure(
                name="Open a sprint's Sessions & actions tab",
                journal=size,
                target_ms=100,
                samples_ms=sessions,
                note="tab click to painted page: the ledger read, follow-through and slips "
                "worked out, every session card built (our own target)",
            )
        )
    stress = cached_journal("stress")
    opens, fetches, pages, loaded = time_history(stress, runs)
    figures.append(
        Figure(
            name="Open the History view",
            journal="stress",
            target_ms=150,
            samples_ms=pages,
            note="the page built (filters, mentors and tags read), its first 200 entries "
            "loaded, laid out and painted",
        )
    )
    figures.append(
        Figure(
            name="Open the history model (first page)",
            journal="stress",
            target_ms=150,
            samples_ms=opens,
            note="the lazy model made and its first 200 entries loaded (keyset page)",
        )
    )
    figures.append(
        Figure(
            name="Fetch the next 200 entries of the history",
            journal="stress",
            target_ms=30,
            samples_ms=fetches,
            note=f"40 fetches a run, scrolling down to {loaded:,} entries",
        )
    )
    timings, note = time_search(stress, runs)
    figures.append(
        Figure(
            name="Search a word in under 10% of entries",
            journal="stress",
            target_ms=50,
            samples_ms=timings,
            note=note,
        )
    )
    figures.append(
        Figure(
            name="`devjournal search` as a whole process",
            journal="stress",
            target_ms=800,
            samples_ms=repeat(lambda: time_search_command(stress), runs),
            note="process start to exit, searching 'code review' and printing 20 hits",
        )
    )
    opens, steps, note = time_timeline(stress, runs)
    figures.append(
        Figure(
            name="Open the Timeline page",
            journal="stress",
            target_ms=100,
            samples_ms=opens,
            note=f"sidebar click to painted page (a new page each run): {note}; lanes "
            "packed, entries in view read as counts per bucket",
        )
    )
    figures.append(
        Figure(
            name="Zoom or pan the timeline one step",
            journal="stress",
            target_ms=100,
            samples_ms=steps,
            note="each of: All, pan, Ctrl+wheel, Year, pan, Quarter, zoom out, Month, Week, "
            "Today; the entries for the new view read and the page painted",
        )
    )
    figures += damaged_start_figures(runs)
    timings, note = time_jrnl_import(min(runs, 3))
    figures.append(
        Figure(
            name="Import 100,000 jrnl entries",
            journal="empty",
            target_ms=15_000,
            samples_ms=timings,
            note=note,
        )
    )
    timings, note = time_summary_pdf(runs)
    figures.append(
        Figure(
            name="Goal summary PDF of a 10-goal sprint",
            journal="10 goals",
            target_ms=300,
            samples_ms=timings,
            note=note,
        )
    )
    figures += hostile_input_figures(min(runs, 3))
    return figures


def hostile_input_figures(runs: int) -> list[Figure]:
    """Pathological bodies exported, and imports built to cost gigabytes, each a process
    under a 4 GB cap on what it may map (``bench/pathological.py``): time and peak memory.
    """
    from bench import pathological  # noqa: PLC0415

    figures = []
    for case in pathological.markdown_cases(runs) + pathological.import_cases(runs):
        exported = case.name.endswith(("as PDF", "as HTML"))
        before = f" ({case.before})" if case.before else ""
        figures.append(
            Figure(
                name=f"{'Export history of one body' if exported else 'Import'}: {case.name}",
                journal="1 entry" if exported else "empty",
                target_ms=20_000 if "real" in case.name else 8000 if exported else 3000,
                samples_ms=case.samples_ms,
                note=f"{'' if exported else 'import --dry-run, '}process start to exit, peak "
                f"{case.peak_mb:,.0f} MB; {case.said}{before}",
            )
        )
    return figures


def damaged_start_figures(runs: int) -> list[Figure]:
    """Start to the recovery dialog: every kind of damage on the decade journal, and a torn
    page only the full check finds on the stress journal."""
    from bench import damaged_start  # noqa: PLC0415 - imports the tests' damage helpers

    decade = damaged_start.with_backup(cached_journal("decade"))
    samples: dict[str, list[float]] = {}
    for name, damage in damaged_start.kinds().items():
        samples[name] = repeat(
            lambda d=damage: damaged_start.time_damaged(decade, d, time_startup),
            max(2, runs // 3),
        )
    slowest = max(samples, key=lambda name: statistics.median(samples[name]))
    stress = damaged_start.with_backup(cached_journal("stress"))
    return [
        Figure(
            name="Damaged journal: start to the recovery dialog (each of 7 kinds)",
            journal="decade",
            target_ms=3000,
            samples_ms=[ms for runs_ms in samples.values() for ms in runs_ms],
            note="empty, missing, truncated, bad header, not SQLite, torn page, stray -wal; "
            "Popen to 'recovery dialog shown' (damage found, file moved aside, newest "
            f"backup checked); slowest kind: {slowest} "
            f"({statistics.median(samples[slowest]):.0f} ms median)",
        ),
        Figure(
            name="Damaged journal: torn page only the full check finds",
            journal="stress",
            target_ms=3000,
            samples_ms=repeat(
                lambda: damaged_start.time_damaged(
                    stress, damaged_start.torn_search_index, time_startup
                ),
                max(3, runs // 2),
            ),
            note="a torn page in the search index's data, which no page reads at start: "
            "found by quick_check of all 146 MB on a worker thread after the first paint "
            "(file in the page cache, as right after a copy)",
        ),
    ]


def write_report(figures: list[Figure], runs: int) -> str:
    """The Markdown report."""
    lines = [
        "# devjournal benchmark report",
        "",
        f"devjournal {__version__}, schema {HEAD_REVISION}; Python {platform.python_version()} "
        f"on {platform.machine()}, {os.cpu_count()} cores; "
        f"{utc_now().strftime('%Y-%m-%d %H:%M UTC')}; {runs} runs each after a warm-up.",
        "",
        "| figure | journal | median | p95 | target | result |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for f in figures:
        lines.append(
            f"| {f.name} | {f.journal} | {f.median:.0f} ms | {f.p95:.0f} ms | "
            f"< {f.target_ms:.0f} ms | {'pass' if f.passed else '**FAIL**'} |"
        )
    lines += ["", "Notes:", ""]
    lines += [f"- {f.name} ({f.journal}): {f.note}" for f in figures if f.note]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--runs", type=int, default=9, help="timed runs per figure")
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    figures = run_all(args.runs)
    report = write_report(figures, args.runs)
    REPORT.write_text(report, encoding="utf-8")
    print(report)
    print(f"written to {REPORT}")
    return 0 if all(f.passed for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
