"""Run every benchmark and write ``bench/report.md``.

Each figure is timed several times; the report gives the median and p95 against the target.
Every GUI figure also gives the longest stall of its event loop (``bench/stall.py``);
devjournal started as a user starts it (``bench/app_probe.py``) gives its resident memory,
and its start-up is set beside a bare PySide6 window's (``bench/bare_window.py``).
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from bench.stall import INTERVAL_MS, PAUSE_MS, SAMPLE_AFTER_MS, SETTLE_MS
from devjournal import __version__, sample
from devjournal.domain.clock import utc_now
from devjournal.storage.database import HEAD_REVISION

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache"
REPORT = ROOT / "report.md"
SAMPLE = Path(sample.__file__).parent  # the generator: every file of the package
MIGRATIONS = SAMPLE.parent / "storage" / "migrations" / "versions"
STALL_TARGET_MS = 100
"""No GUI figure may keep the event loop from running longer than this."""
PROBE_TIMEOUT_S = 300


TIME, STALL, MEMORY = "time", "stall", "memory"
"""The report's tables."""


@dataclass(frozen=True)
class Figure:
    """One measured figure: times in ms, or resident memory in MB."""

    name: str
    journal: str
    target: float
    samples_ms: list[float]
    note: str = ""
    table: str = TIME
    unit: str = "ms"

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def most(self) -> float:
        return max(self.samples_ms)

    @property
    def judged(self) -> float:
        """What is held against the target: the p95 of a time, the most of a stall (the
        longest of every run) or of a memory figure."""
        return self.p95 if self.table == TIME else self.most

    @property
    def passed(self) -> bool:
        return self.judged <= self.target


@dataclass(frozen=True)
class Beside:
    """devjournal's start-up and a bare PySide6 window's, timed in turn in the same run."""

    journal: str
    devjournal_ms: list[float]
    bare_ms: list[float]

    @property
    def ratios(self) -> list[float]:
        """devjournal / bare, pair by pair (so a drift in the machine's speed cancels)."""
        return [a / b for a, b in zip(self.devjournal_ms, self.bare_ms, strict=True)]


@dataclass
class Results:
    """Every figure of a run, and the start-ups set beside a bare window."""

    figures: list[Figure] = field(default_factory=list)
    besides: list[Beside] = field(default_factory=list)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("DEVJOURNAL_HOME", None)
    # Python may keep its compiled modules, as it does in a user's install: a start-up
    # that compiles every module again each time is not the one users see.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
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
    command = [sys.executable, "-m", "devjournal", "--home", str(home)]
    return time_to_line(command, home / "logs" / "devjournal.log", until)


def time_bare_window() -> float:
    """A bare PySide6 window (``bench/bare_window.py``), process start to its first paint,
    timed as devjournal's start-up is."""
    with tempfile.TemporaryDirectory(prefix="devjournal-bench-") as tmp:
        log = Path(tmp) / "bare.log"
        return time_to_line([sys.executable, str(ROOT / "bare_window.py"), str(log)], log, "ready")


def time_to_line(command: list[str], log: Path, until: str) -> float:
    """Start ``command``; the ms from Popen until ``until`` is written to ``log``; then
    SIGTERM."""
    offset = log.stat().st_size if log.exists() else 0
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
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
                raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
            if time.perf_counter() - started > 60:
                raise RuntimeError(f"{' '.join(command)} did not become ready in 60 s")
            time.sleep(0.002)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    return elapsed


def _run_child(module: str, home: Path, runs: int, *more: str) -> dict[str, Any]:
    """Run ``bench.<module>`` in its own process (one QApplication); its last line of
    output is a JSON object of timings."""
    done = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", str(home), str(runs), *more],
        env=_env(),
        cwd=ROOT.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def time_sprint_open(home: Path, runs: int) -> tuple[list[float], list[float], str, dict[str, Any]]:
    """Opening the sprint with the most check-ins on the Coaching page, ``runs`` times,
    in a child process (``bench/sprint_open.py``); the stalls beside."""
    found = _run_child("sprint_open", home, runs)
    return (
        [float(t) for t in found["timings"]],
        [float(t) for t in found["sessions"]],
        (
            f"select in the list to painted page: {found['goals']} goals, "
            f"{found['checkins']} check-ins, charts drawn"
        ),
        found["stalls"],
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


SWITCHER_TYPED = ("a", "re", "review", "deliver pay", "anouk", "zzq")
"""What the quick switcher is timed on: a one-letter prefix (the most matches), words,
two words, a name, and nothing found (every date scanned)."""


def time_switcher(home: Path, runs: int) -> tuple[list[float], str]:
    """The quick switcher's read (``find_jumps``) for each of :data:`SWITCHER_TYPED`."""
    import sqlite3  # noqa: PLC0415

    from devjournal.storage.jump_query import find_jumps  # noqa: PLC0415

    conn = sqlite3.connect(f"file:{home / 'journal.sqlite'}?mode=ro", uri=True)
    try:
        timings: list[float] = []
        for typed in SWITCHER_TYPED:
            find_jumps(conn, typed)  # warm-up
            for _ in range(runs):
                started = time.perf_counter()
                find_jumps(conn, typed)
                timings.append((time.perf_counter() - started) * 1000)
    finally:
        conn.close()
    quoted = ", ".join(f"'{t}'" for t in SWITCHER_TYPED)
    return (
        timings,
        f"the names of sprints, goals, mentors and coaches and entry titles for {quoted}",
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


def time_history(
    home: Path, runs: int
) -> tuple[list[float], list[float], list[float], int, dict[str, Any]]:
    """Opening the lazy history model and fetching pages (``bench/history_open.py``); the
    stalls beside."""
    found = _run_child("history_open", home, runs)
    return (
        [float(t) for t in found["open"]],
        [float(t) for t in found["fetch"]],
        [float(t) for t in found["page"]],
        found["rows"],
        found["stalls"],
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


def time_timeline(
    home: Path, runs: int
) -> tuple[list[float], list[float], list[float], str, dict[str, Any]]:
    """Opening the Timeline page (painted; its lanes drawn) and zooming and panning it
    (``bench/timeline_open.py``); the stalls beside."""
    found = _run_child("timeline_open", home, runs)
    return (
        [float(t) for t in found["open"]],
        [float(t) for t in found["lanes"]],
        [float(t) for t in found["steps"]],
        f"{found['sprints']} sprints, {found['sessions']:,} sessions, {found['checkins']:,} "
        "check-ins, 100,000 entries",
        found["stalls"],
    )


def probe(home: Path, *, history: bool = False) -> dict[str, Any]:
    """devjournal started on ``home`` under ``bench/app_probe.py``: the longest stall and
    the resident memory once start-up finished, and with ``history`` after the History
    page was scrolled to the end and searched."""
    with tempfile.TemporaryDirectory(prefix="devjournal-bench-") as tmp:
        out, errors = Path(tmp) / "probe.json", Path(tmp) / "stderr.txt"
        command = [sys.executable, "-m", "bench.app_probe", str(home), str(out)]
        started = time.perf_counter()
        with errors.open("wb") as stderr:
            process = subprocess.Popen(
                [*command, *(["--history"] if history else [])],
                env=_env(),
                cwd=ROOT.parent,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        try:
            while not out.exists():
                if process.poll() is not None:
                    said = errors.read_text(encoding="utf-8", errors="replace")[-2000:]
                    raise RuntimeError(f"the probe exited with {process.returncode}: {said}")
                if time.perf_counter() - started > PROBE_TIMEOUT_S:
                    raise RuntimeError(f"the probe did not finish in {PROBE_TIMEOUT_S} s")
                time.sleep(0.05)
            found: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        finally:
            process.send_signal(signal.SIGTERM)  # the window closes as a user's close would
            process.wait(timeout=60)
    return found


def _stalls(snapshots: list[dict[str, Any]]) -> dict[str, Any]:
    """Each run's longest stall and where the longest of them was spent, from probes."""
    longest = max(snapshots, key=lambda found: float(found["stall_ms"]))
    return {"runs": [found["stall_ms"] for found in snapshots], "where": longest["where"]}


def stall_figure(name: str, journal: str, stalls: dict[str, Any], note: str) -> Figure:
    """The longest stall of each run of a GUI figure, against ``STALL_TARGET_MS``."""
    where = stalls["where"]
    return Figure(
        name=name,
        journal=journal,
        target=STALL_TARGET_MS,
        samples_ms=[float(ms) for ms in stalls["runs"]],
        note=note + (f"; the longest was spent in {where}" if where else ""),
        table=STALL,
    )


T = TypeVar("T")


def repeat(measure: Callable[[], T], runs: int, warmup: int = 1) -> list[T]:
    """``runs`` measures after ``warmup`` untimed ones (to fill the OS file cache)."""
    for _ in range(warmup):
        measure()
    return [measure() for _ in range(runs)]


GROUPS = (
    "startup", "sprint", "history", "search", "timeline", "guide", "feedback", "outreach",
    "coaches", "direction", "scrolled", "damaged", "import", "summary", "hostile",
)  # fmt: skip
"""The groups of figures ``--only`` can choose."""


def run_all(runs: int, only: frozenset[str] = frozenset(GROUPS)) -> Results:
    """Every figure (or those of the groups in ``only``), in the report's order."""
    results = Results()
    for size in ("decade", "stress"):
        if only & {"startup", "sprint"}:
            home = cached_journal(size)
        if "startup" in only:
            startup_figures(results, size, home, runs)
        if "sprint" in only:
            sprint_figures(results, size, home, runs)
    pages = {"guide", "feedback", "outreach", "coaches", "direction"}
    if only & ({"history", "search", "timeline", "scrolled"} | pages):
        stress = cached_journal("stress")
    for group, measure in (
        ("history", lambda: history_figures(results, stress, runs)),
        ("search", lambda: search_figures(results, stress, runs)),
        ("timeline", lambda: timeline_figures(results, stress, runs)),
        ("guide", lambda: page_figures(results, "guide", stress, runs)),
        ("feedback", lambda: page_figures(results, "feedback", stress, runs)),
        ("outreach", lambda: page_figures(results, "outreach", stress, runs)),
        ("coaches", lambda: page_figures(results, "coaches", stress, runs)),
        ("direction", lambda: page_figures(results, "direction", stress, runs)),
        ("scrolled", lambda: scrolled_history_figures(results, stress, min(runs, 3))),
    ):
        if group in only:
            measure()
    if "damaged" in only:
        results.figures += damaged_start_figures(runs)
    for group, name, journal, target, measured in (
        ("import", "Import 100,000 jrnl entries", "empty", 15_000, time_jrnl_import),
        ("summary", "Goal summary PDF of a 10-goal sprint", "10 goals", 300, time_summary_pdf),
    ):
        if group in only:
            timings, note = measured(min(runs, 3) if group == "import" else runs)
            results.figures.append(Figure(name, journal, target, timings, note))
    if "hostile" in only:
        results.figures += hostile_input_figures(min(runs, 3))
    return results


def startup_figures(results: Results, size: str, home: Path, runs: int) -> None:
    """Start-up to the first paint (in turn with a bare PySide6 window) and to every page
    usable, timed from outside; then started under the probe for its stalls and memory."""
    pairs = repeat(lambda: (time_startup(home), time_bare_window()), runs)
    beside = Beside(size, [ours for ours, _ in pairs], [bare for _, bare in pairs])
    results.besides.append(beside)
    results.figures.append(
        Figure(
            name="Start-up to first paint of Today",
            journal=size,
            target=800,
            samples_ms=beside.devjournal_ms,
            note="process start (Popen) to the 'ready' log line",
        )
    )
    results.figures.append(
        Figure(
            name="Start-up to every page usable",
            journal=size,
            target=1500,
            samples_ms=repeat(lambda: time_startup(home, "pages ready"), runs, 0),
            note="Popen to 'pages ready': ORM and services loaded after the first "
            "paint, then the Coaching page built on the first sprint (our own target: "
            "the window is fully usable within 1.5 s)",
        )
    )
    probes = repeat(lambda: probe(home), runs)
    results.figures.append(
        stall_figure(
            "Start-up, from the event loop's first turn to start-up finished",
            size,
            _stalls([found["startup"] for found in probes]),
            "Today painted, ORM and services loaded on a worker and opened, every page "
            "built, the reminders' first look, the check of every page handed back",
        )
    )
    pages_ready = statistics.median(found["pages_ready"]["rss_mb"] for found in probes)
    results.figures.append(
        Figure(
            name="Resident memory after start",
            journal=size,
            target=150,
            samples_ms=[found["startup"]["rss_mb"] for found in probes],
            note="VmRSS once start-up finished (the daily pages built, the ones used "
            "now and then left until first shown; the full check done); "
            f"{pages_ready:.0f} MB at 'pages ready' (median); peak VmHWM by then "
            f"{max(found['startup']['hwm_mb'] for found in probes):.0f} MB",
            table=MEMORY,
            unit="MB",
        )
    )


def sprint_figures(results: Results, size: str, home: Path, runs: int) -> None:
    """A sprint and its Sessions & actions tab opened on the Coaching page."""
    timings, sessions, note, stalls = time_sprint_open(home, runs)
    results.figures.append(
        Figure(
            name="Open a sprint on the Coaching page",
            journal=size,
            target=100,
            samples_ms=timings,
            note=note,
        )
    )
    results.figures.append(
        Figure(
            name="Open a sprint's Sessions & actions tab",
            journal=size,
            target=100,
            samples_ms=sessions,
            note="tab click to painted page: the ledger read, follow-through and slips "
            "worked out, every session card built (our own target)",
        )
    )
    results.figures.append(
        stall_figure("Open a sprint on the Coaching page", size, stalls["timings"], note)
    )
    results.figures.append(
        stall_figure(
            "Open a sprint's Sessions & actions tab", size, stalls["sessions"], "tab click"
        )
    )


def history_figures(results: Results, stress: Path, runs: int) -> None:
    """The History page and its lazy model."""
    opens, fetches, pages, loaded, stalls = time_history(stress, runs)
    page_note = (
        "the page built (filters, mentors and tags read), its first 200 entries "
        "loaded, laid out and painted"
    )
    open_note = "the lazy model made and its first 200 entries loaded (keyset page)"
    fetch_note = f"40 fetches a run, scrolling down to {loaded:,} entries"
    for name, target, samples, note, stall in (
        ("Open the History view", 150, pages, page_note, "page"),
        ("Open the history model (first page)", 150, opens, open_note, "open"),
        ("Fetch the next 200 entries of the history", 30, fetches, fetch_note, "fetch"),
    ):
        results.figures.append(Figure(name, "stress", target, samples, note))
        results.figures.append(stall_figure(name, "stress", stalls[stall], note))


def search_figures(results: Results, stress: Path, runs: int) -> None:
    """Search in the process, and ``devjournal search`` as a process."""
    timings, note = time_search(stress, runs)
    results.figures.append(
        Figure(
            name="Search a word in under 10% of entries",
            journal="stress",
            target=50,
            samples_ms=timings,
            note=note,
        )
    )
    results.figures.append(
        Figure(
            name="`devjournal search` as a whole process",
            journal="stress",
            target=800,
            samples_ms=repeat(lambda: time_search_command(stress), runs),
            note="process start to exit, searching 'code review' and printing 20 hits",
        )
    )
    timings, note = time_switcher(stress, runs)
    results.figures.append(
        Figure(
            name="Quick switcher (Ctrl+K): the matches for what is typed",
            journal="stress",
            target=100,
            samples_ms=timings,
            note=note,
        )
    )


def timeline_figures(results: Results, stress: Path, runs: int) -> None:
    """The Timeline page opened, zoomed and panned."""
    opens, lanes, steps, note, stalls = time_timeline(stress, runs)
    open_note = (
        "sidebar click to the page painted (a new page each run), its axis and "
        "'Reading the timeline…' while the journal is read on a worker"
    )
    lanes_note = (
        f"sidebar click to the lanes drawn: {note} read off the GUI thread, lanes packed, "
        "entries in view read as counts per bucket, then drawn (our own target)"
    )
    results.figures.append(Figure("Open the Timeline page", "stress", 100, opens, open_note))
    results.figures.append(
        Figure("Open the Timeline page: its lanes drawn", "stress", 300, lanes, lanes_note)
    )
    step_note = (
        "each of: All, pan, Ctrl+wheel, Year, pan, Quarter, zoom out, Month, Week, "
        "Today; the entries for the new view read and the page painted"
    )
    results.figures.append(
        stall_figure(
            "Open the Timeline page", "stress", stalls["open"], "sidebar click to lanes drawn"
        )
    )
    results.figures.append(
        Figure("Zoom or pan the timeline one step", "stress", 100, steps, step_note)
    )
    results.figures.append(
        stall_figure(
            "Zoom or pan the timeline one step",
            "stress",
            stalls["steps"],
            "the ten steps of a run, then the view saved in the settings",
        )
    )


PAGE_NOTES = {
    "guide": "its {listed:,} self-assessments read and what each recommends worked out",
    "feedback": "the first {listed:,} of its feedback read on a worker in priority order "
    "with every count and theme",
    "direction": "its {listed:,} aims and every sprint, goal, mentor and coach that serves "
    "them read on a worker, the cards built",
    "coaches": "its {listed:,} coaches with their sprints and every sprint's goals achieved "
    "read on a worker, the history listed",
    "outreach": "its {listed:,} outreach read and grouped by what to do next, the first "
    "read with its message drafted",
}
"""What opening each page (``bench/page_open.py``) reads, for the report."""


def page_figures(results: Results, page: str, stress: Path, runs: int) -> None:
    """A page opened on the stress journal (``bench/page_open.py``)."""
    found = _run_child("page_open", stress, runs, page)
    name = f"Open the {page.capitalize()} page"
    note = (
        "the page built, "
        + PAGE_NOTES[page].format(listed=found["listed"])
        + ", the list filled, laid out and painted"
    )
    samples = [float(t) for t in found["open"]]
    results.figures.append(Figure(name, "stress", 100, samples, note))
    results.figures.append(stall_figure(name, "stress", found["stalls"], note))


def scrolled_history_figures(results: Results, stress: Path, runs: int) -> None:
    """devjournal started on the stress journal, its History list scrolled to the end and
    a search typed (``bench/app_probe.py``): memory after, and the longest stall."""
    probes = repeat(lambda: probe(stress, history=True), runs, 0)
    last = probes[-1]
    what = (
        f"the History page opened from the sidebar, its list scrolled to the end "
        f"({last['entries']:,} entries, {last['scroll_steps']} steps of dragging the scroll bar "
        f"to the bottom, {last['pause_ms']} ms apart), then '{last['search']}' typed in its "
        "search box "
        f"({last['hits']} hits shown)"
    )
    if not all(found["complete"] for found in probes):
        what += "; **the list was not read to its end**"
    results.figures.append(
        stall_figure(
            "Scroll the whole history, then search",
            "stress",
            _stalls([found["history"] for found in probes]),
            what,
        )
    )
    results.figures.append(
        Figure(
            name="Resident memory after scrolling the whole history and a search",
            journal="stress",
            target=250,
            samples_ms=[found["history"]["rss_mb"] for found in probes],
            note=f"VmRSS after {what}; peak VmHWM "
            f"{max(found['history']['hwm_mb'] for found in probes):.0f} MB",
            table=MEMORY,
            unit="MB",
        )
    )


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
                target=20_000 if "real" in case.name else 8000 if exported else 3000,
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
            target=3000,
            samples_ms=[ms for runs_ms in samples.values() for ms in runs_ms],
            note="empty, missing, truncated, bad header, not SQLite, torn page, stray -wal; "
            "Popen to 'recovery dialog shown' (damage found, file moved aside, newest "
            f"backup checked); slowest kind: {slowest} "
            f"({statistics.median(samples[slowest]):.0f} ms median)",
        ),
        Figure(
            name="Damaged journal: torn page only the full check finds",
            journal="stress",
            target=3000,
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


def write_report(results: Results, runs: int) -> str:
    """The Markdown report."""
    lines = [
        "# devjournal benchmark report",
        "",
        f"devjournal {__version__}, schema {HEAD_REVISION}; Python {platform.python_version()} "
        f"on {platform.machine()}, {os.cpu_count()} cores; "
        f"{utc_now().strftime('%Y-%m-%d %H:%M UTC')}; {runs} runs each after a warm-up.",
        "",
    ]
    lines += _table(results.figures, TIME, ["figure", "journal", "median", "p95"])
    stalls = (
        f"While each GUI figure is measured, a timer on the GUI thread ticks every "
        f"{INTERVAL_MS} ms (`bench/stall.py`): a stall is the gap between two ticks, a time "
        f"the window could neither repaint nor answer a key (to within {INTERVAL_MS} ms). "
        f"The measured steps run from the event loop, {PAUSE_MS} ms apart, and the "
        f"{SETTLE_MS} ms after the last are watched too. Each run gives its longest stall; "
        "the longest of all runs is held against the target. While a stall lasts over "
        f"{SAMPLE_AFTER_MS} ms the GUI thread's stack is sampled: the notes name where the "
        "longest was spent (the innermost frame, then ours, innermost first)."
    )
    memory = (
        "devjournal started as a user starts it, in a process of its own "
        "(`bench/app_probe.py` runs `devjournal.cli.run` and follows its log): the resident "
        "set (VmRSS in /proc/self/status) at a moment of the session. The most of the runs is "
        "held against the target."
    )
    for table, heading, intro, heads in (
        (STALL, "Longest stall of the event loop", stalls, ["median run", "longest"]),
        (MEMORY, "Resident memory", memory, ["median", "most"]),
    ):
        lines += ["", f"## {heading}", "", intro, ""]
        lines += _table(results.figures, table, ["figure", "journal", *heads])
    lines += ["", *_beside(results.besides)]
    return "\n".join(lines) + "\n"


def _table(figures: list[Figure], table: str, heads: list[str]) -> list[str]:
    """One table of the report, then its notes."""
    chosen = [f for f in figures if f.table == table]
    lines = [
        f"| {' | '.join(heads)} | target | result |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for f in chosen:
        spread = f.p95 if table == TIME else f.most
        lines.append(
            f"| {f.name} | {f.journal} | {f.median:.0f} {f.unit} | {spread:.0f} {f.unit} | "
            f"< {f.target:.0f} {f.unit} | {'pass' if f.passed else '**FAIL**'} |"
        )
    lines += ["", "Notes:", ""]
    lines += [f"- {f.name} ({f.journal}): {f.note}" for f in chosen if f.note]
    return lines


def _beside(besides: list[Beside]) -> list[str]:
    """The start-ups set beside a bare PySide6 window."""
    lines = [
        "## Start-up beside a bare PySide6 window",
        "",
        "Each run starts devjournal and then a bare PySide6 QMainWindow "
        "(`bench/bare_window.py`), each timed as the first row is: process start to the line "
        "written once its first paint is delivered. The ratio is taken pair by pair, so a "
        "drift in the machine's speed cancels out. It has no target: it says how much of "
        "the start-up is devjournal's own and how much Python and Qt's.",
        "",
        "| journal | devjournal | bare window | devjournal / bare | min | max |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for b in besides:
        lines.append(
            f"| {b.journal} | {statistics.median(b.devjournal_ms):.0f} ms | "
            f"{statistics.median(b.bare_ms):.0f} ms | {statistics.median(b.ratios):.2f} | "
            f"{min(b.ratios):.2f} | {max(b.ratios):.2f} |"
        )
    lines += ["", "The times are medians; the ratios, the median, least and most of the pairs."]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--runs", type=int, default=9, help="timed runs per figure")
    parser.add_argument(
        "--only",
        action="append",
        choices=GROUPS,
        help="measure only this group of figures (repeatable); the report is printed, "
        "bench/report.md is left as it is",
    )
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    results = run_all(args.runs, frozenset(args.only or GROUPS))
    report = write_report(results, args.runs)
    print(report)
    if not args.only:
        REPORT.write_text(report, encoding="utf-8")
        print(f"written to {REPORT}")
    return 0 if all(f.passed for f in results.figures) else 1


if __name__ == "__main__":
    sys.exit(main())
