"""The main window: layout and wiring only. Each page owns its own area."""

from __future__ import annotations

import base64
import gc
import html
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QSystemTrayIcon,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from devjournal import __version__
from devjournal.domain.clock import Clock, local_today
from devjournal.domain.errors import DomainError
from devjournal.domain.jumps import Jump, JumpKind
from devjournal.domain.outreach import prospect
from devjournal.domain.overview import TodayOverview
from devjournal.domain.timeline import ItemKind
from devjournal.drafts import DraftKey, DraftStore
from devjournal.paths import AppPaths, sample_home_for
from devjournal.services.changes import Changes
from devjournal.settings import Preferences, Settings
from devjournal.ui import file_prompts
from devjournal.ui.file_prompts import Role
from devjournal.ui.formatting import set_week_start
from devjournal.ui.ops import Ops
from devjournal.ui.pages.page import DeferredPage
from devjournal.ui.pages.today_page import TodayPage
from devjournal.ui.plain_text import plain_label
from devjournal.ui.reminders import Reminders
from devjournal.ui.sample_launcher import SampleLauncher
from devjournal.ui.shortcuts import pressed, sequence, shortcut
from devjournal.ui.theme import apply_theme
from devjournal.ui.widgets.notice_bar import NoticeBar

if TYPE_CHECKING:
    from devjournal.domain.models import MentorDraft, SprintDraft
    from devjournal.domain.recovery import Diagnosis
    from devjournal.render.timeline_painter import Hit
    from devjournal.services.container import Services
    from devjournal.ui.background import BackgroundTask
    from devjournal.ui.dialogs.backups_dialog import BackupsDialog
    from devjournal.ui.dialogs.review_dialog import ReviewDialog
    from devjournal.ui.draft_offer import DraftOffer
    from devjournal.ui.journal_transfer import JournalTransfer
    from devjournal.ui.pages.coaches_page import CoachesPage
    from devjournal.ui.pages.coaching_page import CoachingPage
    from devjournal.ui.pages.direction_page import DirectionPage
    from devjournal.ui.pages.feedback_page import FeedbackPage
    from devjournal.ui.pages.guide_page import GuidePage
    from devjournal.ui.pages.history_page import HistoryPage
    from devjournal.ui.pages.mentorship_page import MentorshipPage
    from devjournal.ui.pages.outreach_page import OutreachPage
    from devjournal.ui.pages.page import Page
    from devjournal.ui.pages.timeline_page import TimelinePage

log = logging.getLogger(__name__)

AUTO_BACKUP_MS = 30 * 60 * 1000
"""While open, a changed journal is backed up this often."""
WATCH_MS = 1000
"""How often the window asks whether another program wrote to the journal."""

PAGE_MODULES = (
    "devjournal.ui.pages.coaching_page",
    "devjournal.ui.pages.mentorship_page",
    "devjournal.ui.pages.history_page",
    "devjournal.ui.journal_transfer",
    "devjournal.ui.draft_offer",
)
"""The modules :meth:`MainWindow.attach_steps` imports: they define classes and make no
Qt object as they load, so the start-up loader imports them on its worker thread. The
pages built when first needed (:data:`DEFERRED_PAGES`) are imported then."""

DEFERRED_PAGES = ("Timeline", "Guide", "Feedback", "Outreach", "Coaches", "Direction")
"""The pages used now and then, not daily: built (and their modules imported) the first
time they are shown or asked for, so they cost no memory or time at start."""

THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


_WATCHED = "watchedForSwitcher"
"""A widget property: the window filters this widget's key events (for Ctrl+K)."""


class MainWindow(QMainWindow):
    """Sidebar of pages on the left, the current page on the right."""

    DEFAULT_SIZE = QSize(1180, 780)

    def __init__(
        self,
        paths: AppPaths,
        settings: Settings,
        today_source: Callable[[], TodayOverview],
        clock: Clock,
        sample_launcher: SampleLauncher | None = None,
    ) -> None:
        super().__init__()
        self._clock = clock
        self._drafts = DraftStore(paths.drafts, clock)
        self._paths = paths
        self._settings = settings
        self._init_state()
        self.ops = Ops(self)
        self.sample_launcher = sample_launcher or SampleLauncher(
            sample_home_for(paths), parent=self
        )
        self.setWindowTitle(f"devjournal — {paths.data_dir}" if paths.custom_home else "devjournal")
        self.setMinimumSize(QSize(880, 600))
        self.notices = NoticeBar()
        """The one notice bar, above every page ("Deleted … [Undo]")."""
        self.ops.data_changed.connect(self._on_data_changed)
        self.today_page = TodayPage(
            today_source,
            self.ops,
            journal_path=paths.journal,
            sample_home=self.sample_launcher.home,
            clock=clock,
            notices=self.notices,
        )
        self._build_layout()
        self._add_page("Today", self.today_page)
        self._build_menus()
        journal_label = plain_label(f"Journal: {paths.journal}", "muted")
        self.statusBar().addPermanentWidget(journal_label)  # messages use the left side
        self.sidebar.setCurrentRow(0)
        self._restore_geometry()
        set_week_start(settings.week_start)
        self._connect_signals()

    def _init_state(self) -> None:
        """What the window holds before the services come: nothing but Today."""
        self.services: Services | None = None
        """The journal's services, once every page is built (see attach_steps)."""
        self.review_dialog: ReviewDialog | None = None
        self._attaching: Services | None = None
        self._outside_pending = Changes.NONE
        self._stale_pages: set[Page] = set()
        self.coaching_page: CoachingPage | None = None
        self._first_sprint: int | None = None  # start-up lists the sprints, then opens it
        self.reminders: Reminders | None = None
        self.history_page: HistoryPage | None = None
        self.mentorship_page: MentorshipPage | None = None
        self.transfer: JournalTransfer | None = None
        self._deferred_rows: dict[str, int] = {}
        """The row of each page of :data:`DEFERRED_PAGES`, built or not."""
        self.backups_dialog: BackupsDialog | None = None
        self.draft_offer: DraftOffer | None = None
        self.recovery: Diagnosis | None = None
        """Set when the journal was found damaged: the window closes to recover it."""
        self.closing_backup: BackgroundTask[Path] | None = None
        """The backup started as the window closed, on a worker (see finish_closing)."""
        self.restore_request: Path | None = None
        """Set when the user asked to restore this backup: the window closes to do it."""
        self.closed = False
        """Set once the window has closed (start-up's remaining steps are dropped)."""
        self._tray: QSystemTrayIcon | None = None

    def _build_layout(self) -> None:
        """The sidebar on the left; the notice bar over the stack of pages on the right."""
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(190)
        self.sidebar.setAccessibleName("Pages")
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        pages = QVBoxLayout()
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(0)
        pages.addWidget(self.notices)
        pages.addWidget(self.stack, 1)
        row.addLayout(pages, 1)
        self.setCentralWidget(central)

    # -- structure ------------------------------------------------------------------------
    def _add_page(self, title: str, page: QWidget) -> None:
        """``page`` in the sidebar as ``title``, with its shortcut (``page.<title>``)."""
        key = shortcut(f"page.{title}")
        item = QListWidgetItem(title)
        item.setToolTip(f"{title} ({key.text()})")
        self.sidebar.addItem(item)
        index = self.stack.addWidget(page)
        action = QAction(title, self)
        action.setShortcut(key.sequence())
        action.triggered.connect(lambda: self.sidebar.setCurrentRow(index))
        self.addAction(action)

    def _defer_page(self, title: str, build: Callable[[], QWidget]) -> None:
        """A page of the sidebar built only when it is first shown or asked for."""
        self._deferred_rows[title] = self.stack.count()
        self._add_page(title, DeferredPage(build, self.stack))

    def page_at(self, row: int) -> QWidget:
        """The page in the sidebar's ``row``, built now if it was deferred."""
        widget = self.stack.widget(row)
        assert widget is not None, f"the sidebar has no row {row}"
        if not isinstance(widget, DeferredPage):
            return widget
        page = widget.build()
        self.stack.insertWidget(row, page)  # the current page stays current
        self.stack.removeWidget(widget)
        widget.deleteLater()
        log.info("page built: %s", self.sidebar.item(row).text())
        return page

    def _deferred(self, title: str) -> QWidget | None:
        """The deferred page ``title``, built now if need be; None while the services
        load."""
        row = self._deferred_rows.get(title)
        return None if row is None else self.page_at(row)

    @property
    def timeline_page(self) -> TimelinePage | None:
        """The Timeline page (built on first use); None while the services load."""
        return cast("TimelinePage | None", self._deferred("Timeline"))

    @property
    def guide_page(self) -> GuidePage | None:
        """The Guide page (built on first use); None while the services load."""
        return cast("GuidePage | None", self._deferred("Guide"))

    @property
    def feedback_page(self) -> FeedbackPage | None:
        """The Feedback page (built on first use); None while the services load."""
        return cast("FeedbackPage | None", self._deferred("Feedback"))

    @property
    def outreach_page(self) -> OutreachPage | None:
        """The Outreach page (built on first use); None while the services load."""
        return cast("OutreachPage | None", self._deferred("Outreach"))

    @property
    def coaches_page(self) -> CoachesPage | None:
        """The Coaches page (built on first use); None while the services load."""
        return cast("CoachesPage | None", self._deferred("Coaches"))

    @property
    def direction_page(self) -> DirectionPage | None:
        """The Direction page (built on first use); None while the services load."""
        return cast("DirectionPage | None", self._deferred("Direction"))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._build_new_menu(file_menu.addMenu("&New"))
        self._build_file_menu(file_menu)
        self._build_view_menu(self.menuBar().addMenu("&View"))
        self._build_help_menu(self.menuBar().addMenu("&Help"))

    def _build_new_menu(self, new_menu: QMenu) -> None:
        self.new_entry_action = self._keyed(new_menu, "&Log entry…", "new.entry")
        new_menu.addSeparator()
        self.new_sprint_action = self._keyed(new_menu, "&Sprint…", "new.sprint")
        self.new_goal_action = self._keyed(new_menu, "&Goal in the open sprint…", "new.goal")
        self.new_checkin_action = self._keyed(new_menu, "&Check-in…", "new.checkin")
        self.new_session_action = self._keyed(new_menu, "S&ession…", "new.session")
        new_menu.addSeparator()
        self.new_mentor_action = self._keyed(new_menu, "&Mentor…", "new.mentor")
        self.new_actions = (
            self.new_entry_action,
            self.new_sprint_action,
            self.new_goal_action,
            self.new_checkin_action,
            self.new_session_action,
            self.new_mentor_action,
        )
        for action in self.new_actions:
            action.setEnabled(False)  # until the journal's services are loaded

    def _build_file_menu(self, file_menu: QMenu) -> None:
        self.summary_action = self._keyed(file_menu, "&Prepare session summary…", "journal.summary")
        self.summary_action.setToolTip("Preview, edit, print or save the running sprint's summary")
        self.review_action = file_menu.addAction("&Review of a period…")
        self.review_action.setToolTip(
            "Wins, goals, feedback, advice and follow-through over any range of days"
        )
        file_menu.addSeparator()
        import_menu = file_menu.addMenu("&Import")
        self.import_jrnl_action = import_menu.addAction("Entries from &jrnl…")
        self.import_dayone_action = import_menu.addAction("Entries from &Day One…")
        import_menu.addSeparator()
        self.restore_action = import_menu.addAction("A devjournal &export (into an empty journal)…")
        export_menu = file_menu.addMenu("&Export")
        self.export_journal_action = export_menu.addAction("The whole &journal (JSON)…")
        self.export_checkins_action = export_menu.addAction("&Check-ins (CSV)…")
        self.export_checkins_action.setToolTip("Every check-in but those of private goals")
        self.export_private_checkins_action = export_menu.addAction(
            "Check-ins, &private goals included (CSV)…"
        )
        self.backups_action = self._keyed(file_menu, "&Backups…", "journal.backups")
        self.transfer_actions = (
            self.summary_action,
            self.review_action,
            self.import_jrnl_action,
            self.import_dayone_action,
            self.restore_action,
            self.export_journal_action,
            self.export_checkins_action,
            self.export_private_checkins_action,
            self.backups_action,
        )
        for action in self.transfer_actions:
            action.setEnabled(False)  # until the journal's services are loaded
        file_menu.addSeparator()
        self.sample_action = file_menu.addAction("Open a &sample journal…")
        self.folder_action = file_menu.addAction("Show journal &folder")
        self.preferences_action = self._keyed(file_menu, "Pr&eferences…", "journal.preferences")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu.addSeparator()
        self.quit_action = self._keyed(file_menu, "&Quit", "journal.quit")

    def _build_view_menu(self, view_menu: QMenu) -> None:
        self.switcher_action = self._keyed(view_menu, "&Go to…", "go.switcher")
        self.switcher_action.setToolTip("Find a sprint, goal, mentor, coach, entry or page")
        self.switcher_action.setEnabled(False)  # until the services load
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        self.theme_actions = QActionGroup(self)
        for key, text in THEME_LABELS.items():
            action = theme_menu.addAction(text)
            action.setCheckable(True)
            action.setData(key)
            action.setChecked(key == self._settings.theme)
            self.theme_actions.addAction(action)

        view_menu.addSeparator()
        self._add_template_action(view_menu)
        self.reminders_action = view_menu.addAction("&Reminders")
        self.reminders_action.setCheckable(True)
        self.reminders_action.setChecked(self._settings.reminders)
        self.reminders_action.setToolTip(
            "A quiet reminder the day before a session and when an action item becomes overdue"
        )

    def _build_help_menu(self, help_menu: QMenu) -> None:
        self.assessment_action = help_menu.addAction("Coach or mentor? &Take the self-assessment…")
        self.guide_action = help_menu.addAction("How &coaching and mentoring differ")
        for action in (self.assessment_action, self.guide_action):
            action.setEnabled(False)  # until the services load, within a second
        help_menu.addSeparator()
        self.shortcuts_action = self._keyed(help_menu, "&Keyboard shortcuts", "help.shortcuts")
        self.about_action = help_menu.addAction("&About devjournal")

    def _keyed(self, menu: QMenu, text: str, name: str) -> QAction:
        """A menu action with the shortcut ``name`` of ``ui/shortcuts.py``."""
        action = menu.addAction(text)
        action.setShortcut(sequence(name))
        return action

    def _add_template_action(self, menu: QMenu) -> None:
        self.template_action = menu.addAction("Outreach &message template…")
        self.template_action.setToolTip("The template first messages to mentors and coaches use")
        self.template_action.setEnabled(False)  # until the services load

    def _connect_signals(self) -> None:
        self.sidebar.currentRowChanged.connect(self._show_row)
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        self.sample_action.triggered.connect(self._on_sample_action_triggered)
        self.folder_action.triggered.connect(self._on_folder_action_triggered)
        self.quit_action.triggered.connect(self.close)
        self.new_entry_action.triggered.connect(self.new_entry)
        for action, do in (
            (self.new_sprint_action, lambda page: page.new_sprint()),
            (self.new_goal_action, lambda page: page.new_goal()),
            (self.new_checkin_action, lambda page: page.check_in_due()),
            (self.new_session_action, lambda page: page.new_session()),
        ):
            action.triggered.connect(partial(self.in_coaching, do))
        self.new_mentor_action.triggered.connect(self.new_mentor)
        self.switcher_action.triggered.connect(self.quick_switcher)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.preferences_action.triggered.connect(self.preferences)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        self.theme_actions.triggered.connect(self._on_theme_actions_triggered)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.reminders_action.toggled.connect(self._on_reminders_action_toggled)
        self.today_page.sample_requested.connect(self._on_sample_action_triggered)
        self.today_page.assessment_requested.connect(self.take_assessment)
        self.assessment_action.triggered.connect(self.take_assessment)
        self.guide_action.triggered.connect(self._guide)
        self.today_page.sprint_requested.connect(self._on_today_page_sprint_requested)
        self.today_page.sessions_requested.connect(self._on_today_page_sessions_requested)
        self.today_page.checkin_requested.connect(self._on_today_page_checkin_requested)
        self.today_page.mentor_requested.connect(self._on_today_page_mentor_requested)
        self.today_page.outreach_requested.connect(self.show_outreach)
        self.today_page.feedback_requested.connect(self.show_feedback)
        self.template_action.triggered.connect(self._on_template_action_triggered)
        self.sample_launcher.finished.connect(self._on_sample_launcher_finished)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Watch each widget of the window the keyboard comes to, once, for Ctrl+K (see
        :meth:`eventFilter`; an application-wide filter would see every event of the app
        and cost a Python wrapper for each object that gets one)."""
        if new is not None and new.window() is self and not new.property(_WATCHED):
            new.setProperty(_WATCHED, True)
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+K opens the quick switcher from a text field of the window too: a line
        edit would otherwise take it as "delete to the end of the line" and keep it."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self
            and pressed("go.switcher", event)
        ):
            return True  # not accepted by anyone: the window's shortcut runs
        return super().eventFilter(watched, event)

    # -- behaviour ------------------------------------------------------------------------
    def attach_services(self, services: Services) -> None:
        """Take the full services once they are loaded (after the first paint), and add
        the pages that need them, all at once (start-up takes the same steps one per turn
        of the event loop: :meth:`attach_steps`)."""
        for step in self.attach_steps(services):
            step()

    def attach_steps(self, services: Services) -> list[Callable[[], None]]:
        """What :meth:`attach_services` does, in steps of a few tens of milliseconds each,
        in order: take the services, build each page, then wire the rest. Start-up runs
        one per turn of the event loop, so the window repaints and answers between them.

        The pages' modules use the services' types, which load the ORM: they are imported
        in the steps (or before, on the start-up loader's worker: :data:`PAGE_MODULES`),
        never at the top of this module, as the window must paint before that (see
        docs/architecture.md, Start-up). ``services`` is set by the last step: until
        then the window is still opening (nothing asks the journal but the pages)."""
        self._attaching = services
        return [
            self._show_today_from_services,
            self._add_coaching_page,
            self._list_sprints,
            self._open_first_sprint,
            self._add_mentorship_page,
            self._add_history_page,
            self._defer_pages,
            self._wire_services,
        ]

    def _loaded(self) -> Services:
        services = self._attaching
        assert services is not None, "the steps of attach_steps run after it"
        return services

    def _show_today_from_services(self) -> None:
        services = self._loaded()
        self.today_page.set_source(services.journal.today)
        self.today_page.set_mentorship(services.mentorship)

    def _add_coaching_page(self) -> None:
        from devjournal.ui.pages.coaching_page import CoachingPage  # noqa: PLC0415

        services = self._loaded()
        self.coaching_page = CoachingPage(
            services.coaching,
            self.ops,
            self._drafts,
            self._clock,
            self.stack,  # made in place: moving a built page into the window restyles it
            notices=self.notices,
            entries_of_sprint=services.mentorship.entries_of_sprint,
            coach_names=services.people.coach_names,
            aims=services.people.aim_choices,
            read=False,  # the next two steps: the list, then the sprint it opens on
        )
        self._add_page("Coaching", self.coaching_page)
        self.coaching_page.assessment_requested.connect(self.take_assessment)
        self.coaching_page.coach_requested.connect(self.show_coach)

    def _list_sprints(self) -> None:
        assert self.coaching_page is not None
        self._first_sprint = self.coaching_page.show_board()

    def _open_first_sprint(self) -> None:
        assert self.coaching_page is not None
        self.coaching_page.open_chosen(self._first_sprint)

    def _add_mentorship_page(self) -> None:
        from devjournal.ui.pages.mentorship_page import MentorshipPage  # noqa: PLC0415

        services = self._loaded()
        self.mentorship_page = MentorshipPage(
            services.mentorship,
            self.ops,
            self._drafts,
            self._clock,
            self.stack,
            notices=self.notices,
            aims=services.people.aim_choices,
        )
        self._add_page("Mentorship", self.mentorship_page)
        self.mentorship_page.assessment_requested.connect(self.take_assessment)

    def _add_history_page(self) -> None:
        from devjournal.ui.pages.history_page import HistoryPage  # noqa: PLC0415

        self.history_page = HistoryPage(
            self._loaded(), self.ops, self._drafts, self._clock, self.stack, notices=self.notices
        )
        self._add_page("History", self.history_page)
        self.history_page.entry_requested.connect(self.new_entry)
        if self.mentorship_page is not None:
            self.mentorship_page.entry_requested.connect(self.history_page.new_entry)
            self.mentorship_page.history_requested.connect(self._on_mentorship_history_requested)
        for action in (*self.new_actions, self.switcher_action):
            action.setEnabled(True)

    def _build_timeline_page(self) -> QWidget:
        from devjournal.ui.pages.timeline_page import TimelinePage  # noqa: PLC0415

        page = TimelinePage(self._loaded(), self.ops, self._settings, self.stack)
        page.open_requested.connect(self._on_timeline_page_open_requested)
        page.coaching_requested.connect(self._coaching)
        return page

    def _defer_pages(self) -> None:
        """The pages of :data:`DEFERRED_PAGES` in the sidebar, each built when first
        needed; the menu actions that open them."""
        self._defer_page("Timeline", self._build_timeline_page)
        self._defer_page("Guide", self._build_guide_page)
        self._defer_page("Feedback", self._build_feedback_page)
        self._defer_page("Outreach", self._build_outreach_page)
        self._defer_page("Coaches", self._build_coaches_page)
        self._defer_page("Direction", self._build_direction_page)
        for action in (self.assessment_action, self.guide_action, self.template_action):
            action.setEnabled(True)

    def _build_guide_page(self) -> QWidget:
        from devjournal.ui.pages.guide_page import GuidePage  # noqa: PLC0415

        services = self._loaded()
        page = GuidePage(
            services.guide, self.ops, self._drafts, self._clock, self.stack, notices=self.notices
        )
        page.sprint_requested.connect(self._start_sprint_from)
        page.mentor_requested.connect(self._add_mentor_from)
        return page

    def _build_feedback_page(self) -> QWidget:
        from devjournal.ui.pages.feedback_page import FeedbackPage  # noqa: PLC0415

        page = FeedbackPage(self._loaded(), self.ops, self._drafts, self._clock, self.stack)
        page.goal_requested.connect(self._goal_from_feedback)
        page.action_requested.connect(self._action_from_feedback)
        page.goal_shown.connect(self._show_goal)
        page.action_shown.connect(self._show_action)
        page.session_shown.connect(self._show_session)
        return page

    def _build_outreach_page(self) -> QWidget:
        from devjournal.ui.pages.outreach_page import OutreachPage  # noqa: PLC0415

        services = self._loaded()
        page = OutreachPage(
            services.people,
            self.ops,
            self._drafts,
            self._clock,
            self.stack,
            settings=self._settings,
            notices=self.notices,
            mentor_name=partial(_mentor_name, services),
        )
        page.mentor_shown.connect(self._on_today_page_mentor_requested)
        page.sprint_requested.connect(self._start_sprint_from)
        page.assessment_requested.connect(self.take_assessment)
        return page

    def _build_coaches_page(self) -> QWidget:
        from devjournal.ui.pages.coaches_page import CoachesPage  # noqa: PLC0415

        page = CoachesPage(
            self._loaded().people,
            self.ops,
            self._drafts,
            self._clock,
            self.stack,
            notices=self.notices,
        )
        page.sprint_shown.connect(self._show_sprint)
        page.sprint_requested.connect(self._start_sprint_from)
        return page

    def _build_direction_page(self) -> QWidget:
        from devjournal.ui.pages.direction_page import DirectionPage  # noqa: PLC0415

        page = DirectionPage(
            self._loaded(), self.ops, self._drafts, self._clock, self.stack, notices=self.notices
        )
        page.sprint_shown.connect(self._show_sprint)
        page.goal_shown.connect(self._show_goal)
        page.mentor_shown.connect(self._on_today_page_mentor_requested)
        return page

    def _wire_services(self) -> None:
        """The last step: the File menu's actions, the timers, the reminders, the drafts
        of an earlier run."""
        services = self._loaded()
        self.services = services
        self._wire_transfer(services)
        log.info("pages ready: %s", ", ".join(self.page_titles()))
        self._changed_since_backup = False
        self.ops.data_changed.connect(self._on_data_changed_for_backup)
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(AUTO_BACKUP_MS)
        self._backup_timer.timeout.connect(self.auto_backup)
        self._backup_timer.start()
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_MS)
        self._watch_timer.timeout.connect(self.show_changes_from_elsewhere)
        self._watch_timer.start()
        gc.freeze()  # the app's long-lived objects: no longer walked by every full GC pass
        self.reminders = Reminders(
            self._settings, services.journal.reminder_facts, self.show_reminder, self
        )
        self.reminders.start()
        from devjournal.ui.draft_offer import DraftOffer  # noqa: PLC0415

        self.draft_offer = DraftOffer(
            self, self._drafts, self._open_draft, lambda text: self.statusBar().showMessage(text)
        )
        self._back_to_last_page()
        QTimer.singleShot(0, self.draft_offer.start)  # once the pages are in place

    def _back_to_last_page(self) -> None:
        """Show the page that was shown when the window last closed, unless the user has
        gone to another page while the journal opened."""
        last = self._settings.get_str("last_page")
        if not last or self.sidebar.currentRow() != 0:
            return
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).text() == last:
                self.sidebar.setCurrentRow(row)
                return

    def _wire_transfer(self, services: Services) -> None:
        """Imports, exports, the summary and the backups in the File menu."""
        from devjournal.ui.journal_transfer import JournalTransfer  # noqa: PLC0415

        transfer = JournalTransfer(
            self, services, self.ops, lambda text: self.statusBar().showMessage(text, 15_000)
        )
        self.transfer = transfer
        self.import_jrnl_action.triggered.connect(lambda: transfer.import_entries("jrnl"))
        self.import_dayone_action.triggered.connect(lambda: transfer.import_entries("dayone"))
        self.restore_action.triggered.connect(transfer.restore_journal)
        self.export_journal_action.triggered.connect(transfer.export_journal)
        for action, include in (
            (self.export_checkins_action, False),
            (self.export_private_checkins_action, True),
        ):
            action.triggered.connect(partial(transfer.export_checkins, include_private=include))
        self.summary_action.triggered.connect(self.prepare_summary)
        self.review_action.triggered.connect(self.open_review)
        self.backups_action.triggered.connect(self.open_backups)
        for action in self.transfer_actions:
            action.setEnabled(True)

    def _open_draft(self, key: DraftKey) -> QDialog | None:
        """Open the form a draft from an earlier run was typed in, on its page."""
        for row in range(self.stack.count()):
            page = cast("Page", self.page_at(row))
            if page.open_draft(key):
                self.sidebar.setCurrentRow(row)
                return page.dialog
        return None

    def pages(self) -> list[Page]:
        """The pages, in the sidebar's order."""
        return [cast("Page", self.stack.widget(row)) for row in range(self.stack.count())]

    def _on_data_changed(self, changes: Changes, origin: object) -> None:
        """Tell each page that shows what changed: at once if it is on screen, else when
        it is next shown."""
        current = self.stack.currentIndex()
        for row, page in enumerate(self.pages()):
            if not changes & page.shows:
                continue
            if row == current:
                page.apply_changes(changes, origin)
            else:
                self._stale_pages.add(page)

    def _show_row(self, row: int) -> None:
        """The sidebar's choice: its page (built now if it was deferred) on screen."""
        if row >= 0:
            self.page_at(row)
        self.stack.setCurrentIndex(row)

    def _on_stack_current_changed(self, row: int) -> None:
        page = cast("Page", self.stack.widget(row))
        if page in self._stale_pages:
            self._stale_pages.discard(page)
            page.refresh()

    def changeEvent(self, event: QEvent) -> None:
        """Coming back to the window shows at once what was written meanwhile elsewhere."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.show_changes_from_elsewhere()

    def show_changes_from_elsewhere(self) -> None:
        """Refresh the pages when another program wrote to the journal (a command beside
        the window): asked every second and whenever the window is activated."""
        if self.services is None:
            return
        changes = self._outside_pending | self.services.journal.changes_from_elsewhere()
        if not changes:
            return
        if self._typing_in_a_field():
            # Rebuilding the page would take the field (and the keys that follow) away
            # from the user: shown once the field loses focus.
            self._outside_pending = changes
            return
        self._outside_pending = Changes.NONE
        log.info("the journal was changed outside this window; showing the changes")
        self.ops.announce(changes)

    def _typing_in_a_field(self) -> bool:
        """Has a field of a page in this window the keyboard focus?"""
        focused = QApplication.focusWidget()
        return (
            focused is not None
            and focused.window() is self
            and isinstance(focused, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit)
        )

    def page_titles(self) -> list[str]:
        """The sidebar's pages, in order."""
        return [self.sidebar.item(row).text() for row in range(self.sidebar.count())]

    def _coaching(self) -> CoachingPage | None:
        """The Coaching page, shown; None (and a word why) while the services load."""
        page = self.coaching_page
        if page is None:  # the services load within a second of the first paint
            self.statusBar().showMessage("Still opening the journal; try again in a moment.", 4000)
            return None
        self.sidebar.setCurrentRow(self.stack.indexOf(page))
        return page

    def _guide(self) -> GuidePage | None:
        """The Guide page, shown; None (and a word why) while the services load."""
        page = self.guide_page
        if page is None:
            self.statusBar().showMessage("Still opening the journal; try again in a moment.", 4000)
            return None
        self.sidebar.setCurrentRow(self.stack.indexOf(page))
        return page

    def take_assessment(self) -> None:
        """Coach or mentor? The self-assessment, over the Guide page."""
        page = self._guide()
        if page is not None:
            page.take_assessment()

    def _start_sprint_from(self, draft: SprintDraft) -> None:
        page = self._coaching()
        if page is not None:
            page.new_sprint_from(draft)

    def _goal_from_feedback(self, entry_id: int) -> None:
        page = self._coaching()
        if page is not None:
            page.goal_from_feedback(entry_id)

    def _action_from_feedback(self, entry_id: int) -> None:
        page = self._coaching()
        if page is not None:
            page.action_from_feedback(entry_id)

    def _show_goal(self, goal_id: int) -> None:
        services = self.services
        if services is not None and self._coaching() is not None:
            self._open_on_coaching(lambda: services.coaching.goal(goal_id).sprint_id, goal=goal_id)

    def _show_sprint(self, sprint_id: int) -> None:
        page = self._coaching()
        if page is None:
            return
        try:
            page.open_sprint(sprint_id)
        except DomainError:
            self.statusBar().showMessage("It has been deleted since.", 4000)
            page.refresh()

    def _show_action(self, action_id: int) -> None:
        services = self.services
        if services is not None and self._coaching() is not None:
            self._open_on_coaching(lambda: services.coaching.action(action_id).sprint_id)

    def _show_session(self, session_id: int) -> None:
        services = self.services
        if services is not None and self._coaching() is not None:
            self._open_on_coaching(lambda: services.coaching.session(session_id).sprint_id)

    def show_coach(self, coach_id: int) -> None:
        """The Coaches page, open on the coach ``coach_id``."""
        page = self.coaches_page
        if page is None:
            self.statusBar().showMessage("Still opening the journal; try again in a moment.", 4000)
            return
        self.sidebar.setCurrentRow(self.stack.indexOf(page))
        page.show_coach(coach_id)

    def _open_on_coaching(self, sprint_of: Callable[[], int], goal: int | None = None) -> None:
        """Open the sprint ``sprint_of()`` names on the Coaching page: on the goal ``goal``,
        or on its sessions and actions; a word if it is gone."""
        page = self.coaching_page
        assert page is not None
        try:
            sprint_id = sprint_of()
        except DomainError:
            self.statusBar().showMessage("It has been deleted since.", 4000)
            return
        page.open_sprint(sprint_id, sessions=goal is None, focus_goal=goal)

    def _add_mentor_from(self, draft: MentorDraft) -> None:
        """The self-assessment's mentor to look for: a new outreach to them, with what the
        user is looking for as its purpose."""
        page = self.outreach_page
        if page is not None:
            self.sidebar.setCurrentRow(self.stack.indexOf(page))
            page.new_outreach_from(prospect(draft, local_today(self._clock)))

    def _on_today_page_sprint_requested(self, sprint_id: int) -> None:
        page = self._coaching()
        if page is not None and sprint_id:
            page.open_sprint(sprint_id)
        elif page is not None:
            page.new_sprint()

    def _on_today_page_sessions_requested(self, sprint_id: int) -> None:
        page = self._coaching()
        if page is not None:
            page.open_sprint(sprint_id, sessions=True)

    def _on_today_page_checkin_requested(self, sprint_id: int, goal_id: int) -> None:
        page = self._coaching()
        if page is not None:
            page.open_sprint(sprint_id, focus_goal=goal_id)

    def _on_today_page_mentor_requested(self, mentor_id: int) -> None:
        """Today's "get in touch": the Mentorship page, open on that mentor."""
        page = self.mentorship_page
        if page is None:  # the services load within a second of the first paint
            self.statusBar().showMessage("Still opening the journal; try again in a moment.", 4000)
            return
        self.sidebar.setCurrentRow(self.stack.indexOf(page))
        page.show_mentor(mentor_id)

    def show_feedback(self, entry_id: int) -> None:
        """Today's "weigh it": the Feedback page, open on that piece of feedback."""
        page = self.feedback_page
        if page is None:  # the services load within a second of the first paint
            self.statusBar().showMessage("Still opening the journal; try again in a moment.", 4000)
            return
        self.sidebar.setCurrentRow(self.stack.indexOf(page))
        page.open_item(entry_id)

    def show_outreach(self, outreach_id: int) -> None:
        """Today's "follow up": the Outreach page, open on that outreach."""
        page = self.outreach_page
        if page is None:  # the services load within a second of the first paint
            self.statusBar().showMessage("Still opening the journal; try again in a moment.", 4000)
            return
        self.sidebar.setCurrentRow(self.stack.indexOf(page))
        page.open_outreach(outreach_id)

    def _on_template_action_triggered(self) -> None:
        page = self.outreach_page
        if page is not None:
            self.sidebar.setCurrentRow(self.stack.indexOf(page))
            page.edit_template()

    def _on_mentorship_history_requested(self, mentor_id: int) -> None:
        if self.history_page is not None:
            self.sidebar.setCurrentRow(self.stack.indexOf(self.history_page))
            self.history_page.show_mentor(mentor_id)

    def _on_timeline_page_open_requested(self, hit: Hit) -> None:
        """Open what was clicked on the timeline where it is edited."""
        if hit.kind is ItemKind.ENTRY:
            if self.history_page is not None:
                self.sidebar.setCurrentRow(self.stack.indexOf(self.history_page))
                self.history_page.open_entry(hit.id)
            return
        if hit.kind is ItemKind.ASSESSMENT:
            if self.guide_page is not None:
                self.sidebar.setCurrentRow(self.stack.indexOf(self.guide_page))
                self.guide_page.show_assessment(hit.id)
            return
        if hit.kind is ItemKind.OUTREACH:
            if self.outreach_page is not None:
                self.sidebar.setCurrentRow(self.stack.indexOf(self.outreach_page))
                self.outreach_page.show_outreach(hit.id)
            return
        if hit.kind is ItemKind.AIM:
            if self.direction_page is not None:
                self.sidebar.setCurrentRow(self.stack.indexOf(self.direction_page))
            return
        page = self._coaching()
        if page is None or hit.sprint_id is None:
            return
        if hit.kind is ItemKind.SESSION:
            page.open_sprint(hit.sprint_id, sessions=True)
        elif hit.kind in (ItemKind.GOAL, ItemKind.CHECKIN):
            page.open_sprint(hit.sprint_id, focus_goal=hit.goal_id)
        else:
            page.open_sprint(hit.sprint_id)

    def _on_data_changed_for_backup(self, _changes: object, _origin: object) -> None:
        self._changed_since_backup = True

    def auto_backup(self) -> BackgroundTask[Path] | None:
        """Back the journal up off the GUI thread if it changed since the last backup
        (every 30 minutes while open)."""
        task = self._backup_if_changed("auto")
        if task is not None:
            task.failed.connect(self._on_auto_backup_failed)
        return task

    def _backup_if_changed(self, label: str) -> BackgroundTask[Path] | None:
        """Start a backup on a worker thread if the journal changed since the last one."""
        services = self.services
        if services is None or not getattr(self, "_changed_since_backup", False):
            return None
        self._changed_since_backup = False
        from devjournal.ui.background import BackgroundTask  # noqa: PLC0415

        task: BackgroundTask[Path] = BackgroundTask(
            lambda _progress: services.journal.backup(label), self
        )
        task.succeeded.connect(lambda path: log.info("backed up to %s", path))
        task.finished.connect(task.deleteLater)
        task.start()
        return task

    def finish_closing(self) -> None:
        """Wait for the backup the window started as it closed (the process waits for it
        before the journal is closed; the window is already gone from the screen)."""
        task, self.closing_backup = self.closing_backup, None
        if task is not None and not task.wait(120_000):
            log.warning("the backup on close did not finish within two minutes")

    def _on_auto_backup_failed(self, message: str) -> None:
        self._changed_since_backup = True  # try again next time
        log.warning("automatic backup failed: %s", message)
        self.statusBar().showMessage(f"The automatic backup failed: {message}", 30_000)

    def open_backups(self) -> None:
        """File → Backups: list, back up now, restore, open the folder."""
        services = self.services
        if services is None:
            return
        from devjournal.ui.dialogs.backups_dialog import BackupsDialog  # noqa: PLC0415

        if self.backups_dialog is None:
            self.backups_dialog = BackupsDialog(
                self.ops,
                folder=self._paths.backups,
                list_backups=services.journal.backups,
                make_backup=lambda: services.journal.backup("manual"),
                check_backup=services.journal.check_backup,
                restore=self.request_restore,
                now=self._clock,
                parent=self,
            )
        else:
            self.backups_dialog.refresh()
        self.backups_dialog.open()

    def request_restore(self, backup: Path) -> None:
        """Close the window so the journal can be closed, replaced by ``backup`` (the
        journal as it is now is kept aside) and opened again."""
        self.restore_request = backup
        log.info("closing to restore %s", backup.name)
        self.close()

    def close_for_recovery(self, diagnosis: Diagnosis) -> None:
        """The journal turned out damaged after the window opened: close (what is typed
        and not saved is kept as a draft) so it can be moved aside and a backup offered."""
        if self.recovery is not None:
            return
        self.recovery = diagnosis
        log.warning("the journal is damaged (%s); closing to recover", diagnosis.damage.value)
        self.close()

    def prepare_summary(self) -> None:
        """The session summary of the sprint open on the Coaching page, or of the one
        running today (Ctrl+Shift+P)."""
        page = self._coaching()
        if page is None:
            return
        view = page.view
        if view is None or view.sprint.closed_state is not None:
            running = page.running_sprint_id()
            if running is None:
                self.statusBar().showMessage(
                    "No sprint is running today: open a sprint to prepare its summary.", 8000
                )
                return
            page.open_sprint(running)
        page.prepare_summary()

    def open_review(self) -> None:
        """The review of a period: pick the days, preview, print or save."""
        if self.services is None:
            return
        from devjournal.ui.dialogs.review_dialog import ReviewDialog  # noqa: PLC0415

        dialog = ReviewDialog(self.ops, self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.review_dialog = dialog
        dialog.open()

    def new_entry(self) -> None:
        """Write a log entry, from any page (Ctrl+N)."""
        if self.history_page is not None:
            self.history_page.new_entry()

    def in_coaching(self, do: Callable[[CoachingPage], object]) -> None:
        """Show the Coaching page and ``do`` there: File → New's sprint, goal (in the open
        or running sprint), check-in (on the goal most due) and session, from any page."""
        page = self._coaching()
        if page is not None:
            do(page)

    def new_mentor(self) -> None:
        """Add a mentor, from any page (Ctrl+Shift+M)."""
        page = self.mentorship_page
        if page is not None:
            self.sidebar.setCurrentRow(self.stack.indexOf(page))
            page.new_mentor()

    def quick_switcher(self) -> QDialog | None:
        """Go to any sprint, goal, mentor, coach, entry or page by name (Ctrl+K)."""
        services = self.services
        if services is None:
            self.statusBar().showMessage("Still opening the journal; try again in a moment.", 4000)
            return None
        from devjournal.ui.dialogs.quick_switcher import QuickSwitcher  # noqa: PLC0415

        pages = [self.sidebar.item(row).text() for row in range(self.sidebar.count())]
        dialog = QuickSwitcher(self.ops, services.journal.jumps, pages, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.go_to)
        dialog.open()
        return dialog

    def go_to(self, jump: Jump) -> None:
        """Open what the quick switcher chose, where it is shown."""
        if jump.kind is JumpKind.PAGE:
            self.sidebar.setCurrentRow(jump.id)
        elif jump.kind is JumpKind.SPRINT:
            self._on_today_page_sprint_requested(jump.id)
        elif jump.kind is JumpKind.GOAL and jump.sprint_id is not None:
            self._on_today_page_checkin_requested(jump.sprint_id, jump.id)
        elif jump.kind is JumpKind.MENTOR:
            self._on_today_page_mentor_requested(jump.id)
        elif jump.kind is JumpKind.COACH:
            self.show_coach(jump.id)
        elif jump.kind is JumpKind.ENTRY and self.history_page is not None:
            self.sidebar.setCurrentRow(self.stack.indexOf(self.history_page))
            self.history_page.open_entry(jump.id)

    def preferences(self) -> QDialog:
        """File → Preferences (Ctrl+,)."""
        from devjournal.ui.dialogs.preferences_dialog import PreferencesDialog  # noqa: PLC0415

        dialog = PreferencesDialog(
            self.ops,
            self._drafts,
            self._settings.preferences,
            self._paths.data_dir,
            self.apply_preferences,
            default_backups=self._paths.default_backups,
            parent=self,
        )
        dialog.show_modal(lambda: None, lambda: None)
        return dialog

    def apply_preferences(self, chosen: Preferences) -> None:
        """Put ``chosen`` to work now, and keep it for the next start."""
        self._settings.preferences = chosen
        self._settings.save()
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == chosen.theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, chosen.theme)
        set_week_start(chosen.week_start)
        self.reminders_action.setChecked(chosen.reminders)
        self._paths = self._paths.with_backups(chosen.backups_dir)
        if self.services is not None:
            self.services.journal.use_backups(self._paths.backups, chosen.retention)

    def _on_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The system went light or dark: follow it at once when the theme says so."""
        app = QApplication.instance()
        if self._settings.theme == "system" and isinstance(app, QApplication):
            apply_theme(app, "system", scheme)

    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts (F1)."""
        from devjournal.ui.dialogs.shortcuts_dialog import ShortcutsDialog  # noqa: PLC0415

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_reminder(self, title: str, text: str) -> None:
        """A desktop notification where the desktop has a tray; the status bar otherwise."""
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self.windowIcon(), self)
                self._tray.setToolTip("devjournal")
                self._tray.messageClicked.connect(self.activate)
                self._tray.show()
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
        self.statusBar().showMessage(f"{title}: {text}", 30_000)

    def _on_reminders_action_toggled(self, on: bool) -> None:
        self._settings.reminders = on
        self._settings.save()

    def activate(self) -> None:
        """Bring the window to the front (another launch asked for it)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _on_sample_action_triggered(self) -> None:
        home = self.sample_launcher.home
        file_prompts.ask(
            self,
            "Open a sample journal",
            "devjournal will open a sample journal in its own window.",
            detail=f"It is kept in\n{home}\n\nYour own journal is not touched.",
            choices=[("Open", Role.AcceptRole), ("Cancel", Role.RejectRole)],
            on_answer=self._on_sample_answered,
        )

    def _on_sample_answered(self, role: Role) -> None:
        if role is Role.AcceptRole:
            self.today_page.set_sample_busy(True, "Making the sample journal…")
            self.statusBar().showMessage("Making the sample journal…")
            self.sample_launcher.start()

    def _on_sample_launcher_finished(self, ok: bool, message: str) -> None:
        self.today_page.set_sample_busy(False, message)
        self.statusBar().showMessage(message, 8000)
        if not ok:
            file_prompts.tell(self, "Sample journal", message, warning=True)

    def _on_folder_action_triggered(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._paths.data_dir)))

    def _on_theme_actions_triggered(self, action: QAction) -> None:
        theme = str(action.data())
        self._settings.theme = theme
        self._settings.save()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)

    def _on_about_action_triggered(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.NoIcon,
            "About devjournal",
            f"<b>devjournal {__version__}</b><p>A local-first journal for coaching sprints "
            "and a long-running mentorship log.</p><p>Everything stays on this computer, in "
            f"<code>{html.escape(str(self._paths.data_dir))}</code>.</p>",
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.RichText)  # built here, the folder's name escaped
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, without a nested event loop

    # -- geometry -------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        saved = self._settings.get_str("window_geometry")
        restored = False
        if saved:
            try:
                restored = self.restoreGeometry(QByteArray(base64.b64decode(saved)))
            except ValueError:
                log.warning("ignoring an unreadable saved window geometry")
        if not restored:
            self.resize(self._first_size())

    def _first_size(self) -> QSize:
        """The default size, made smaller to fit the screen (a laptop at 1024x700 has less
        room than the default): the frame included, never below the minimum size."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return self.DEFAULT_SIZE
        room = screen.availableGeometry().size() - QSize(16, 40)  # the frame and title bar
        return self.DEFAULT_SIZE.boundedTo(room).expandedTo(self.minimumSize())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed = True
        for page in self.pages():
            page.flush_drafts()  # what is typed and not saved comes back next time
        from devjournal.ui.background import stop_all  # noqa: PLC0415

        stop_all(self)  # an import still running is cancelled (rolled back), not cut off
        if self.recovery is None:  # a damaged journal is not copied
            self.closing_backup = self._backup_if_changed("on-close")
            if self.closing_backup is not None:
                self.closing_backup.failed.connect(
                    lambda message: log.warning("the backup on close failed: %s", message)
                )
        geometry = base64.b64encode(bytes(self.saveGeometry().data())).decode("ascii")
        self._settings.set("window_geometry", geometry)
        current = self.sidebar.currentItem()
        self._settings.set("last_page", current.text() if current is not None else "")
        self._settings.save()
        super().closeEvent(event)


def _mentor_name(services: Services, mentor_id: int) -> str:
    """The name of the mentor ``mentor_id`` ("" once they are deleted)."""
    try:
        return services.mentorship.mentor(mentor_id).name
    except DomainError:
        return ""
