"""Kill a writing process with SIGKILL at random moments and check, after every kill, that
every acknowledged entry is there, the journal passes ``devjournal check``, and the
start-up look for damage does not take what a kill leaves for damage.

Used by ``tests/reliability/test_crash_safety.py`` (50 kills) and by ``make soak``
(``python -m tests.reliability.crash_loop KILLS``: 1,000 kills, with a report).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from devjournal.domain.clock import utc_now
from devjournal.storage.check import check_journal
from devjournal.storage.database import open_journal
from devjournal.storage.recovery import diagnose

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class CrashReport:
    """What the kills did."""

    kills: int = 0
    acknowledged: int = 0
    lost: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH", "")])
    # Under make test's coverage: a writer killed with SIGKILL never writes its coverage
    # data, so it is not measured (that would only slow each of its starts).
    env.pop("COVERAGE_PROCESS_CONFIG", None)
    return env


def kill_loop(home: Path, kills: int, seed: int = 7) -> CrashReport:
    """Run the writer and kill it ``kills`` times; check the journal after each kill."""
    rng = random.Random(seed)
    open_journal(home / "journal.sqlite", home / "backups", utc_now).close()
    report = CrashReport()
    started = time.perf_counter()
    acked: list[int] = []
    next_number = 0
    for _ in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.crash_writer", str(home), str(next_number)],
            env=_env(),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # it is writing
        if first.strip():
            acked.append(int(first))
        deadline = time.monotonic() + rng.uniform(0.0, 0.25)
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            acked.append(int(line))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
        acked += [int(line) for line in rest.split() if line.strip()]
        report.kills += 1
        next_number = (max(acked) + 1) if acked else next_number + 1000
        _verify(home, acked, report)
        if report.lost or report.problems:
            break
    report.acknowledged = len(acked)
    report.seconds = time.perf_counter() - started
    return report


def _verify(home: Path, acked: list[int], report: CrashReport) -> None:
    # As the kill left it (a live write-ahead log and all): the next start must not take
    # it for damage.
    alarm = diagnose(home / "journal.sqlite", home / "backups")
    if alarm is not None:
        report.problems.append(f"start-up would call it damaged: {alarm.detail}")
    conn = sqlite3.connect(home / "journal.sqlite")
    try:
        titles = {
            row[0] for row in conn.execute("SELECT title FROM log_entry WHERE deleted_at IS NULL")
        }
        report.lost += [n for n in acked if f"entry {n}" not in titles]
        check = check_journal(conn)
        report.problems += check.problems
    finally:
        conn.close()


def main() -> int:
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        report = kill_loop(Path(tmp) / "home", kills)
    ok = not report.lost and not report.problems
    print(
        f"{report.kills:,} SIGKILLs while writing, {report.acknowledged:,} entries acknowledged, "
        f"{len(report.lost)} lost, {len(report.problems)} check problems, "
        f"{report.seconds:.0f} s: {'PASS' if ok else 'FAIL'}"
    )
    for line in (report.problems + [f"lost entry {n}" for n in report.lost])[:20]:
        print(f"  - {line}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
