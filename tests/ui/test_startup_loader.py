"""The start-up path: Today from plain SQL, then the services loaded behind the window."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from devjournal.app import ServicesLoader
from devjournal.domain.overview import TodayOverview
from devjournal.domain.retention import Retention
from devjournal.paths import AppPaths, resolve_paths
from devjournal.services.container import Services
from devjournal.storage import today_query
from devjournal.storage.database import Database
from devjournal.ui.ops import Ops
from devjournal.ui.pages.today_page import TodayPage
from devjournal.ui.single_instance import SingleInstance

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)


def test_loader_hands_over_working_services(paths: AppPaths, db: Database, qtbot: QtBot) -> None:
    loader = ServicesLoader(paths, lambda: NOW, Retention())
    with qtbot.waitSignal(loader.loaded, timeout=20_000) as done:
        loader.start()
    loaded_db, services = done.args
    assert isinstance(services, Services)
    assert services.journal.today().today == date(2026, 11, 18)
    loaded_db.close()


def test_loader_reports_a_journal_that_went_bad(paths: AppPaths, qtbot: QtBot) -> None:
    """Replaced after the first look: only SQLite reads it now (the window's reader may be
    open), so it is damage, and the window offers recovery."""
    paths.journal.write_bytes(b"replaced by something else\n")
    loader = ServicesLoader(paths, lambda: NOW, Retention())
    with qtbot.waitSignal(loader.damaged, timeout=20_000) as done:
        loader.start()
    assert "not a database" in done.args[0]


def test_start_up_reader_matches_the_service(paths: AppPaths, services: Services) -> None:
    from tests.ui.test_main_window import fill

    fill(services)
    conn = today_query.connect(paths.journal)
    try:
        fast = today_query.read_today(conn, date(2026, 11, 18), NOW)
    finally:
        conn.close()
    assert fast == services.journal.today()
    assert not fast.is_empty and fast.log_entry_count == 1


def test_today_follows_the_clock(qtbot: QtBot, tmp_path: Path) -> None:
    now = [NOW]
    seen: list[date] = []

    def source() -> TodayOverview:
        seen.append(now[0].date())
        return TodayOverview(today=now[0].date(), is_empty=True)

    page = TodayPage(
        source,
        Ops(),
        journal_path=tmp_path / "journal.sqlite",
        sample_home=tmp_path / "sample",
        clock=lambda: now[0],
    )
    qtbot.addWidget(page)  # hidden: refreshes only when the day has changed
    page._on_tick_timeout()
    assert seen == [date(2026, 11, 18)]
    now[0] = datetime(2026, 11, 19, 0, 1, tzinfo=UTC)
    page._on_tick_timeout()
    assert page.overview is not None and page.overview.today == date(2026, 11, 19)


def test_lock_file_problem_is_named(tmp_path: Path) -> None:
    lock = tmp_path / "devjournal.lock"
    lock.mkdir()  # cannot be a lock file
    instance = SingleInstance(lock, str(tmp_path / "dj.sock"))
    assert not instance.acquire()
    assert str(lock) in instance.lock_problem()


def test_one_folder_spelt_two_ways_is_one_journal(tmp_path: Path) -> None:
    long_name = tmp_path / ("x" * 110)
    long_name.mkdir()
    direct = resolve_paths(str(long_name), environ={})
    roundabout = resolve_paths(str(long_name / ".." / long_name.name), environ={})
    assert direct.instance_socket == roundabout.instance_socket
    assert direct.lock_file == roundabout.lock_file
