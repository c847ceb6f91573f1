"""The registry of reports (``exporting/reports.py``): the command line offers exactly its
reports and formats, and every writer is pure (plain data in, the file out, with no
journal, no services, no storage and no widgets)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from devjournal.cli import build_parser
from devjournal.exporting.reports import REPORTS, Report, report
from tests.report_data import MAKERS

ROOT = Path(__file__).resolve().parents[2]


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _format_option(parser: argparse.ArgumentParser) -> argparse.Action | None:
    return next((a for a in parser._actions if a.dest == "format"), None)


def test_the_command_line_offers_every_report_and_format_of_the_registry() -> None:
    exports = _subcommands(_subcommands(build_parser())["export"])
    assert list(exports) == [r.name for r in REPORTS if r.command_line]
    for name, parser in exports.items():
        formats = [f.name for f in report(name).formats]
        option = _format_option(parser)
        if option is None:  # one format: nothing to choose
            assert len(formats) == 1, name
        else:
            assert list(option.choices or ()) == formats, name
            assert option.default == formats[0], name


def test_the_window_only_report_is_the_timeline() -> None:
    assert [r.name for r in REPORTS if not r.command_line] == ["timeline"]


def test_every_report_but_the_journal_backup_asks_the_privacy_rule() -> None:
    assert [r.name for r in REPORTS if not r.shares] == ["journal"]


@pytest.mark.parametrize("each", REPORTS, ids=lambda r: r.name)
def test_every_format_has_a_writer_and_a_filter(each: Report[object, object]) -> None:
    assert set(each.writers) == {f.name for f in each.formats}
    for fmt in each.formats:
        assert f"*{fmt.suffix}" in fmt.filter
        assert each.chosen(Path(f"x{fmt.suffix.upper()}"), "") == fmt


def test_the_test_data_covers_every_report() -> None:
    assert set(MAKERS) == {r.name for r in REPORTS}


PURE = """
import importlib.abc, sys

BLOCKED = ("devjournal.services", "devjournal.storage", "devjournal.ui", "sqlalchemy",
           "alembic", "PySide6.QtWidgets")

class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.startswith(BLOCKED):
            raise ImportError(f"a report builder imported {name}")
        return None

sys.meta_path.insert(0, Refuse())

from PySide6.QtGui import QGuiApplication
from devjournal.exporting.reports import REPORTS
from tests.report_data import data

app = QGuiApplication(["test"])
STARTS = {"md": b"# ", "html": b"<!DOCTYPE html>", "pdf": b"%PDF-", "ics": b"BEGIN:VCALENDAR",
          "csv": b"sprint_id,", "json": b"{", "png": bytes([0x89]) + b"PNG"}
for report in REPORTS:
    for fmt in report.formats:
        out = report.build(data(report.name), fmt.name)
        assert out.startswith(STARTS[fmt.name]), (report.name, fmt.name, out[:40])
        print(report.name, fmt.name, len(out))
"""


def test_every_writer_builds_from_plain_data_alone() -> None:
    """No journal is open, and the services, storage, the ORM, the window and Qt's widgets
    cannot even be imported: each writer is given its data and nothing else."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}"}
    done = subprocess.run(
        [sys.executable, "-c", PURE], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr
    written = [line.split()[:2] for line in done.stdout.splitlines()]
    assert written == [[r.name, f.name] for r in REPORTS for f in r.formats]
