"""A form dialog: fields in a form layout, errors shown under the field that has them,
and the typed values kept as a draft until saved or discarded.

A changed form is never thrown away without asking: Cancel, Escape and the window's close
button open a window-modal "Discard changes?" prompt (Discard / Keep editing).
"""

from __future__ import annotations

import contextlib
from abc import ABCMeta, abstractmethod
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.errors import DomainError, ValidationError
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.ui import file_prompts
from devjournal.ui.file_prompts import Role
from devjournal.ui.formatting import date_edit
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label
from devjournal.ui.wheel_guard import guard_wheel
from devjournal.ui.widgets.choice_group import ChoiceGroup

DRAFT_DELAY_MS = 400
STAMP = "_edits_version"
"""The draft's record of which version of the edited thing it was typed against."""


class _FormMeta(type(QDialog), ABCMeta):  # type: ignore[misc]
    """Qt's metaclass with ABCMeta's, so mypy holds every form to the abstract methods."""


class FormDialog(QDialog, metaclass=_FormMeta):
    """Subclasses add fields with :meth:`add_field`, name the ones a draft keeps with
    :meth:`bind`, and implement :meth:`save`."""

    def __init__(
        self,
        ops: Ops,
        title: str,
        drafts: DraftStore,
        draft_key: str,
        parent: QWidget | None = None,
        *,
        stamp: str = "",
    ) -> None:
        """``stamp`` identifies the version of what is edited (its ``updated_at``): a
        draft typed against another version is out of date and is not restored."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._ops = ops
        self.outcome: Outcome[Any] | None = None
        """What saving returned (None until it has saved)."""
        self._drafts = drafts
        self._draft_key = draft_key
        self._stamp = stamp
        self._focused_once = False
        self._pristine: dict[str, Any] | None = None
        self.discard_prompt: QMessageBox | None = None
        self._errors: dict[str, QLabel] = {}
        self._warnings: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}
        self._bound: dict[str, QWidget] = {}
        self.restored_label = plain_label(
            "Restored what you typed last time; it was not saved yet.", "muted"
        )
        self.restored_label.setVisible(False)
        # Messages quote what was typed ("The final value “…” is not a number."): plain.
        self.general_error = plain_label("", "danger", wrap=True)
        self.general_error.setVisible(False)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self._on_buttons_rejected)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.restored_label)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.general_error)
        self.layout_.addWidget(self.buttons)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.keep_draft)

    # -- building -------------------------------------------------------------------------
    def add_field(
        self, name: str, label: str, widget: QWidget, form: QFormLayout | None = None
    ) -> QWidget:
        """Add ``widget`` under ``label`` (to ``form``, the dialog's form by default), with
        room for an error about ``name`` below it."""
        box = QWidget()
        # The row takes the form's width, so a message under a short field (a choice, a
        # date) reads on one line; the field itself keeps its own width.
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        short = isinstance(widget, QAbstractSpinBox | QComboBox)
        column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft if short else Qt.AlignmentFlag(0))
        error = plain_label("", "danger", wrap=True)
        error.setVisible(False)
        column.addWidget(error)
        warning = plain_label("", "warning", wrap=True)
        warning.setVisible(False)
        column.addWidget(warning)
        self._errors[name] = error
        self._warnings[name] = warning
        self._rows[name] = box
        (form or self.form).addRow(label, box)
        said = label.rstrip(":")
        widget.setAccessibleName(said)
        for part in widget.findChildren(QWidget):  # a row of several: each says its field
            if isinstance(part, _PARTS) and not isinstance(part.parent(), _PARTS):
                own = part.accessibleName()
                part.setAccessibleName(f"{said}: {own}" if own else said)
        if keeps(widget):  # a field that holds its value itself is part of the draft
            self._bound[name] = widget
        return widget

    def show_modal(self, on_saved: Callable[[], None], on_closed: Callable[[], None]) -> None:
        """Show window-modal without a nested event loop (``open()``, not ``exec()``):
        ``on_saved`` runs once it saved, ``on_closed`` when it is gone either way; the
        dialog deletes itself when closed."""
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.accepted.connect(on_saved)
        self.finished.connect(on_closed)
        self.open()

    def set_tab_order(self, *fields: QWidget) -> None:
        """Tab moves through ``fields`` in this order (title, then body, …), then on to
        the buttons: set in every form, never left to the order widgets were made in."""
        for first, second in pairwise((*fields, *self.buttons.buttons())):
            QWidget.setTabOrder(first, second)

    def error_label(self, name: str) -> QLabel:
        """A hidden label for problems with ``name``, for fields laid out by hand."""
        error = plain_label("", "danger", wrap=True)
        error.setVisible(False)
        self._errors[name] = error
        return error

    def new_form(self) -> QFormLayout:
        """A second form with the same look, for fields below other content."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        return form

    def showEvent(self, event: QShowEvent) -> None:
        """Open with the cursor in the first text field, ready to type (not on a button,
        where a typed space would press it)."""
        super().showEvent(event)
        if self._focused_once:
            return
        self._focused_once = True
        guard_wheel(self)  # the wheel changes no field the user has not clicked into
        self._show_warnings()
        for edit in self.findChildren(QLineEdit):
            inside_a_box = isinstance(edit.parent(), QAbstractSpinBox | QComboBox)
            if (
                not inside_a_box
                and edit.isVisibleTo(self)
                and edit.isEnabled()
                and not edit.isReadOnly()
            ):
                edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def set_row_visible(self, name: str, visible: bool) -> None:
        """Show or hide the field ``name`` with its label."""
        self.form.setRowVisible(self._rows[name], visible)

    def changed(self) -> None:
        """Call on every edit: the draft is written shortly after typing pauses, and a
        problem shown under a field goes as soon as the value is right."""
        self._draft_timer.start()
        self._recheck()
        self._show_warnings()

    # -- drafts ---------------------------------------------------------------------------
    def restore_draft(self) -> None:
        """Load a draft left by an earlier session, if there is one and what it edits has
        not changed since (restoring it then would undo the newer change).

        Call it once the fields hold what is stored: that is what "changed" is measured
        against (a restored draft is a change)."""
        self._pristine = self.values()
        saved = self._drafts.get(self._draft_key)
        if not saved:
            return
        if saved.pop(STAMP, "") != self._stamp:
            self._drafts.discard(self._draft_key)
            return
        self.load(saved)
        self.restored_label.setVisible(True)

    def is_changed(self) -> bool:
        """Whether the fields differ from what is stored (a restored draft counts)."""
        return self._pristine is not None and self.values() != self._pristine

    def keep_draft(self) -> None:
        """Write the current values as the draft (a form as stored leaves none, so only
        real typing is offered at the next start)."""
        self._draft_timer.stop()
        if self._pristine is None:  # still being built
            return
        if self.is_changed():
            self._drafts.put(self._draft_key, {**self.values(), STAMP: self._stamp})
        else:
            self._drafts.discard(self._draft_key)

    # -- errors ---------------------------------------------------------------------------
    def show_problems(self, error: ValidationError) -> None:
        """Show each problem under its field (others above the buttons)."""
        for shown in self._errors.values():
            shown.setVisible(False)
        general: list[str] = []
        for name, message in error.problems.items():
            label = self._errors.get(name)
            if label is None:
                general.append(message)
            else:
                label.setText(message)
                label.setVisible(True)
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Messages take room: grow to fit them rather than squeeze the fields."""
        self.layout_.activate()
        needed = self.layout_.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _recheck(self) -> None:
        """Check the fields that show a problem again, now: clear what is fixed, update
        what is still wrong (new problems wait for the next Save)."""
        shown = {name: label for name, label in self._errors.items() if not label.isHidden()}
        if not shown:
            return
        try:
            self.check()
            problems: dict[str, str] = {}
        except ValidationError as exc:
            problems = dict(exc.problems)
        for name, label in shown.items():
            if name in problems:
                label.setText(problems[name])
            else:
                label.setVisible(False)

    def _show_warnings(self) -> None:
        found = self.warnings()
        grew = False
        for name, label in self._warnings.items():
            text = found.get(name, "")
            grew = grew or (bool(text) and label.isHidden())
            label.setText(text)
            label.setVisible(bool(text))
        if grew:
            self._grow_to_fit()

    def warning_text(self, name: str) -> str:
        """The warning shown under ``name`` ("" when none)."""
        label = self._warnings.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def error_text(self, name: str) -> str:
        """The error shown for ``name`` ("" when none)."""
        label = self._errors.get(name)
        return label.text() if label is not None and label.isVisible() else ""

    # -- the values: declared once -------------------------------------------------------
    def bind(self, **fields: QWidget) -> None:
        """Name more widgets whose values are part of the form's draft. A field added with
        :meth:`add_field` is one already, under its name, when it holds its value itself
        (text, choice, number, tick, date, time); a row of several (a tick and a date)
        names its parts here. :meth:`values` reads them and :meth:`load` fills them, in
        the order they were named. A value no widget holds alone (a list of links, the
        rows of a table) is added by extending both."""
        self._bound.update(fields)

    def values(self) -> dict[str, Any]:
        """The fields as plain JSON-able values (what a draft keeps)."""
        return {name: read_field(widget) for name, widget in self._bound.items()}

    def load(self, values: dict[str, Any]) -> None:
        """Put ``values`` (from :meth:`values`, perhaps of an older version) into the
        fields; a value that is missing or no longer fits leaves its field as it is."""
        for name, widget in self._bound.items():
            if name in values:
                write_field(widget, values[name])

    # -- each form says these ----------------------------------------------------------

    def warnings(self) -> dict[str, str]:
        """What is allowed but probably a slip, ``{field: message}`` (the ``warn_*``
        rules): shown under the field as the user types, never refusing the save."""
        return {}

    def check(self) -> None:
        """Raise ValidationError for what is wrong with the fields as they are, without
        saving: the rules saving applies, so live messages and Save's agree."""

    @abstractmethod
    def save(self) -> Outcome[Any]:
        """Save through the services and return what they answered; raise
        ValidationError to show problems. Run by :meth:`Ops.write`, which tells every page
        what changed."""

    # -- buttons --------------------------------------------------------------------------
    def _on_buttons_accepted(self) -> None:
        outcome = self._ops.write(self, self.save, refused=self._refused)
        if outcome is None:
            return
        self.outcome = outcome
        self._draft_timer.stop()
        self._drafts.discard(self._draft_key)
        self.accept()

    def _refused(self, exc: DomainError) -> None:
        """Saving was refused (a field's problem, or the journal could not be written):
        nothing was saved, what was typed stays, and the reason is shown in the form."""
        self.keep_draft()
        self.show_problems(
            exc if isinstance(exc, ValidationError) else ValidationError({"": str(exc)})
        )

    def _on_buttons_rejected(self) -> None:
        self.reject()

    def reject(self) -> None:
        """Cancel, Escape or the window's close button: an unchanged form closes; a
        changed one asks first (its draft is kept meanwhile)."""
        if self.discard_prompt is not None:
            return
        if not self.is_changed():
            self.discard()
            return
        self.keep_draft()
        self.discard_prompt = file_prompts.ask(
            self,
            "Discard changes?",
            "Discard changes?",
            detail=f"What you typed in “{self.windowTitle()}” is not saved yet.",
            choices=[("Keep editing", Role.RejectRole), ("Discard", Role.DestructiveRole)],
            on_answer=self._on_discard_prompt_answered,
        )

    def _on_discard_prompt_answered(self, role: QMessageBox.ButtonRole) -> None:
        self.discard_prompt = None
        if role is Role.DestructiveRole:
            self.discard()

    def discard(self) -> None:
        """Close and forget what was typed, its draft too."""
        self._draft_timer.stop()
        self._drafts.discard(self._draft_key)
        super().reject()


_KEEPS = (
    ChoiceGroup,
    QCheckBox,
    QRadioButton,
    QComboBox,
    QSpinBox,
    QTableWidget,
    QTimeEdit,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
)


def day_and_time() -> tuple[QDateEdit, QTimeEdit, QWidget]:
    """A day and a time (``HH:mm``) side by side, and the row that holds them, for
    :meth:`FormDialog.add_field`."""
    day, time = date_edit(), QTimeEdit()
    day.setAccessibleName("date")
    time.setAccessibleName("time")
    time.setDisplayFormat("HH:mm")
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(day)
    line.addWidget(time)
    line.addStretch(1)
    return day, time, row


def pairs_table(
    headings: list[str], height: int, add: str
) -> tuple[QTableWidget, QPushButton, QWidget]:
    """A table of pairs typed in place under two ``headings`` (a mentor's links, a
    session's questions), ``height`` pixels high, with a button ``add`` under it; and the
    widget that holds both, for :meth:`FormDialog.add_field`."""
    table = QTableWidget(0, 2)
    table.setAccessibleName(" and ".join(headings))
    # Tab leaves the table (the arrow keys move between cells, Enter or F2 edits one): a
    # table that takes Tab from cell to cell keeps the keyboard in it.
    table.setTabKeyNavigation(False)
    table.setHorizontalHeaderLabels(headings)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    table.setFixedHeight(height)
    button = QPushButton(add)
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(table)
    column.addWidget(button)
    return table, button, box


_PARTS = (QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QAbstractItemView, QCheckBox)
"""The controls a row of several may hold, each named after the row's field."""


def keeps(widget: QWidget) -> bool:
    """Does ``widget`` hold a value :func:`read_field` can read?"""
    return isinstance(widget, _KEEPS)


def read_field(widget: QWidget) -> Any:
    """What ``widget`` holds, as a JSON value: text, a choice's data, a number, a tick,
    a date (``2026-11-18``), a time (``09:30``) or a choice of a group (its key)."""
    if isinstance(widget, ChoiceGroup):
        return widget.value()
    if isinstance(widget, QCheckBox | QRadioButton):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QTimeEdit):
        t = widget.time()
        return f"{t.hour():02d}:{t.minute():02d}"
    if isinstance(widget, QDateEdit):
        return widget.date().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    raise TypeError(f"a form cannot keep the value of a {type(widget).__name__}")


def write_field(widget: QWidget, value: Any) -> None:
    """Put ``value`` (from :func:`read_field`) into ``widget``; one that does not fit (a
    choice no longer offered, a date that is not one) leaves the widget as it is."""
    if isinstance(widget, ChoiceGroup):
        widget.set_value(value)
    elif isinstance(widget, QCheckBox | QRadioButton):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index >= 0:
            widget.setCurrentIndex(index)
    elif isinstance(widget, QSpinBox):
        with contextlib.suppress(TypeError, ValueError):
            widget.setValue(int(value))
    elif isinstance(widget, QTimeEdit):
        parsed = QTime.fromString(str(value), "HH:mm")
        if parsed.isValid():
            widget.setTime(parsed)
    elif isinstance(widget, QDateEdit):
        day = QDate.fromString(str(value), Qt.DateFormat.ISODate)
        if day.isValid():
            widget.setDate(day)
    elif isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText("" if value is None else str(value))
    else:
        raise TypeError(f"a form cannot fill a {type(widget).__name__}")
