"""Fixtures for widget tests: a main window over a temp journal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from devjournal.domain.clock import Clock
from devjournal.paths import AppPaths, sample_home_for
from devjournal.services.container import Services
from devjournal.settings import Settings
from devjournal.ui.main_window import MainWindow
from devjournal.ui.sample_launcher import SampleLauncher
from devjournal.ui.theme import apply_theme


class OpenedWindows:
    """Stands in for starting another devjournal process."""

    def __init__(self) -> None:
        self.homes: list[Path] = []

    def __call__(self, home: Path) -> bool:
        self.homes.append(home)
        return True


@pytest.fixture(scope="session")
def themed_app(qapp: QApplication) -> QApplication:
    """The application with the default theme (a new journal's), applied once per run:
    applying it restyles every widget, so it is not done again for every window."""
    apply_theme(qapp, "system")
    return qapp


@pytest.fixture
def themed(themed_app: QApplication) -> Iterator[QApplication]:
    """:func:`themed_app`; a test that changed the theme has it put back afterwards."""
    sheet = themed_app.styleSheet()
    yield themed_app
    if themed_app.styleSheet() != sheet:
        apply_theme(themed_app, "system")


@pytest.fixture
def opened() -> OpenedWindows:
    return OpenedWindows()


@pytest.fixture
def make_window(
    qtbot: QtBot,
    services: Services,
    paths: AppPaths,
    clock: Clock,
    opened: OpenedWindows,
    themed: QApplication,
) -> Callable[[], MainWindow]:
    def make() -> MainWindow:
        settings = Settings(paths.settings)
        launcher = SampleLauncher(sample_home_for(paths), open_window=opened)
        window = MainWindow(
            paths, settings, services.journal.today, clock, sample_launcher=launcher
        )
        window.attach_services(services)
        qtbot.addWidget(window)
        return window

    return make


@pytest.fixture
def window(make_window: Callable[[], MainWindow], qtbot: QtBot) -> MainWindow:
    win = make_window()
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(autouse=True)
def no_stray_windows() -> Iterator[None]:
    """Fails the test if a widget other than a dialog, menu or window showed as a window
    of its own while it ran (:mod:`tests.ui.stray_windows`)."""
    from tests.ui.stray_windows import stray_windows

    with stray_windows() as strays:
        yield
    assert strays == [], f"widgets shown before they had a parent: {strays}"


@pytest.fixture
def sample_window(
    make_window: Callable[[], MainWindow], services: Services, qtbot: QtBot
) -> Iterator[MainWindow]:
    """A window, shown and active, on the small sample journal; dialogs left open are
    closed after the test."""
    from PySide6.QtWidgets import QDialog

    from devjournal.sample import SampleSize

    services.journal.fill_sample(SampleSize.SMALL)
    window = make_window()
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            dialog.done(0)
