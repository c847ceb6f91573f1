"""The whole journal as plain tables (JSON-ready values) and back: the core of
``devjournal export journal`` and ``devjournal import devjournal``.

Dumping takes every live row, in primary-key order, with every column except the ones the
journal derives itself (``deleted_at``: only live rows are exported; ``checksum``: recomputed
on load). A reference to a row that is not exported (a deleted sprint) becomes null, or,
where the column cannot be null, the referring row is left out too, as the app shows it.

Loading checks every value against the schema before anything is written (type, length,
enum, date range, references, duplicate ids) and names the first problem by its place
(``goal[3].sprint_id``); the database's own rules (CHECK, UNIQUE) are checked by inserting,
and a broken one is traced back to its row. All of it happens in the caller's transaction,
so a refused file leaves the journal exactly as it was.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, cast

from sqlalchemy import Column, Float, Integer, String, Table, Text, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from devjournal.domain import models as m
from devjournal.domain import rules
from devjournal.domain.enums import EntryKind
from devjournal.domain.errors import ValidationError
from devjournal.domain.imports import checked_text, problem, shown, year_in_range
from devjournal.domain.jobs import Progress
from devjournal.domain.rules import TEXT_MAX
from devjournal.storage import schema as s
from devjournal.storage.repositories import CHECKSUMMED, row_checksum

TABLES: tuple[Table, ...] = tuple(
    cast(Table, row.__table__)
    for row in (
        s.AimRow,
        s.CoachRow,
        s.SprintRow,
        s.GoalRow,
        s.MilestoneRow,
        s.CheckinRow,
        s.CoachingSessionRow,
        s.ActionItemRow,
        s.SessionReviewRow,
        s.MentorRow,
        s.MentorLinkRow,
        s.TagRow,
        s.LogEntryRow,
        s.LogEntryTagRow,
        s.AssessmentRow,
        s.FeedbackRow,
        s.OutreachRow,
    )
)
"""Every table of the journal, parents before children (the order of the file)."""

NOT_EXPORTED = frozenset({"deleted_at", "checksum", "feedback_rank"})
MAX_TEXT = TEXT_MAX
"""The most characters a text field may hold: what the app lets anyone type."""


@dataclass(frozen=True)
class _Col:
    name: str
    kind: str  # int | float | str | date | datetime | enum
    nullable: bool
    max_length: int
    enum: type[Enum] | None
    references: str | None  # "table.column"
    default: tuple[Any] | None = None
    """The value a file without this field gets (a column a later schema added)."""


def _columns(table: Table) -> list[_Col]:
    out = []
    for column in table.columns:
        if column.name in NOT_EXPORTED:
            continue
        out.append(_describe(column))
    return out


def _describe(column: Column[Any]) -> _Col:
    kind, max_length, enum = "str", MAX_TEXT, None
    col_type = column.type
    if isinstance(col_type, s.UTCDateTime):
        kind = "datetime"
    elif isinstance(col_type, s.EnumText):
        kind, enum = "enum", col_type.enum_cls
    elif isinstance(col_type, Integer):
        kind = "int"
    elif isinstance(col_type, Float):
        kind = "float"
    elif col_type.python_type is date:
        kind = "date"
    elif isinstance(col_type, String) and not isinstance(col_type, Text) and col_type.length:
        max_length = col_type.length
    fk = next(iter(column.foreign_keys), None)
    return _Col(
        name=column.name,
        kind=kind,
        nullable=bool(column.nullable) and not column.primary_key,
        max_length=max_length,
        enum=enum,
        references=fk.target_fullname if fk is not None else None,
        default=(
            (getattr(column.default, "arg", None),)
            if column.default is not None and column.default.is_scalar
            else (None,)
            if column.nullable and not column.primary_key
            else None
        ),
    )


# -- dumping ----------------------------------------------------------------------------
def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def dump_tables(session: Session) -> dict[str, list[dict[str, Any]]]:
    """Every live row of every table as JSON-ready dicts, in primary-key order."""
    kept: dict[str, set[Any]] = {}
    out: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        columns = _columns(table)
        names = [c.name for c in columns]
        query = select(*(table.c[n] for n in names))
        if "deleted_at" in table.c:
            query = query.where(table.c.deleted_at.is_(None))
        query = query.order_by(*table.primary_key.columns)
        rows: list[dict[str, Any]] = []
        self_refs: list[tuple[dict[str, Any], str, str]] = []
        for record in session.execute(query):
            row = dict(zip(names, record, strict=True))
            refs: list[tuple[dict[str, Any], str, str]] = []
            if not _keep_references(row, columns, kept, table.name, refs):
                continue
            exported = {k: _json_value(v) for k, v in row.items()}
            self_refs += [(exported, name, target) for _, name, target in refs]
            rows.append(exported)
        if "id" in table.c:
            kept[table.name] = {row["id"] for row in rows}
            for row, name, target in self_refs:  # e.g. goal.rolled_from_id
                if row[name] is not None and row[name] not in kept[target]:
                    row[name] = None
        else:
            kept[table.name] = set()
        out[table.name] = rows
    return out


def _keep_references(
    row: dict[str, Any],
    columns: Sequence[_Col],
    kept: Mapping[str, set[Any]],
    table: str,
    self_refs: list[tuple[dict[str, Any], str, str]],
) -> bool:
    """Null a reference to a row left out; False when the row itself must go."""
    for col in columns:
        if col.references is None or row[col.name] is None:
            continue
        target = col.references.split(".")[0]
        if target == table:
            self_refs.append((row, col.name, target))
            continue
        if row[col.name] in kept[target]:
            continue
        if col.nullable:
            row[col.name] = None
        else:
            return False
    return True


# -- loading ----------------------------------------------------------------------------
_problem = problem


def _convert(col: _Col, value: Any, where: str) -> Any:
    """What ``value`` (as the file holds it, at ``where``) is as a value of ``col``, or
    :class:`ImportProblem` saying why it cannot be."""
    if value is None:
        if col.nullable:
            return None
        raise _problem(where, "must have a value")
    if col.kind not in ("int", "float") and not isinstance(value, str):
        raise _problem(where, f"expected text, got {shown(value)}")
    return _CONVERTERS[col.kind](col, value, where)


def _whole_number(col: _Col, value: Any, where: str) -> int:
    """``value`` when it is a whole number SQLite can hold."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _problem(where, f"expected a whole number, got {shown(value)}")
    if not -(2**63) <= value < 2**63:
        raise _problem(where, "the number is too large")
    return value


def _finite_number(col: _Col, value: Any, where: str) -> float:
    """``value`` as a float, when it is a finite number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _problem(where, f"expected a number, got {shown(value)}")
    try:
        number = float(value)
    except OverflowError:
        raise _problem(where, "the number is too large") from None
    if not math.isfinite(number):
        raise _problem(where, "expected a finite number")
    return number


def _text(col: _Col, value: str, where: str) -> str:
    """``value`` when it is text the app lets anyone type in ``col``."""
    return checked_text(value, where, col.max_length)


def _member(col: _Col, value: str, where: str) -> Enum:
    """The member of ``col``'s enum whose value is ``value``."""
    assert col.enum is not None
    allowed = [str(m.value) for m in col.enum]
    if value not in allowed:
        raise _problem(where, f"{shown(value)} is not one of {', '.join(allowed)}")
    return col.enum(value)


def _day(col: _Col, value: str, where: str) -> date:
    """The day ``value`` (``YYYY-MM-DD``) names, in the years the app takes."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise _problem(where, f"{shown(value)} is not a date (YYYY-MM-DD)") from None
    year_in_range(day.year, where)
    return day


def _moment(col: _Col, value: str, where: str) -> datetime:
    """The moment ``value`` (ISO 8601, with its time zone) names, in UTC."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _problem(where, f"{shown(value)} is not a date and time (ISO 8601)") from None
    if moment.tzinfo is None:
        raise _problem(where, f"{shown(value)} has no time zone (add +00:00)")
    year_in_range(moment.year, where)
    return moment.astimezone(UTC)


_CONVERTERS: dict[str, Callable[[_Col, Any, str], Any]] = {
    "int": _whole_number,
    "float": _finite_number,
    "str": _text,
    "enum": _member,
    "date": _day,
    "datetime": _moment,
}
"""How a value of each kind of column is read from the file (see ``_Col.kind``)."""


def check_tables(
    tables: Any, progress: Progress | None = None, *, where: str = "tables"
) -> dict[str, list[dict[str, Any]]]:
    """``tables`` converted to row values, or :class:`ImportProblem` naming the first fault."""
    if not isinstance(tables, dict):
        raise _problem(where, "expected an object of tables")
    known = {t.name for t in TABLES}
    for name in tables:
        if name not in known:
            raise _problem(f"{where}.{name}", "is not a table of a devjournal journal")
    total = sum(len(v) for v in tables.values() if isinstance(v, list))
    done = 0
    out: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        rows = tables.get(table.name, [])
        if not isinstance(rows, list):
            raise _problem(f"{where}.{table.name}", "expected a list of rows")
        out[table.name] = _checked_rows(table, rows, progress, done=done, total=total)
        done += len(rows)
    _check_references(out)
    check_rules(out)
    return out


def _checked_rows(
    table: Table, rows: list[Any], progress: Progress | None, *, done: int, total: int
) -> list[dict[str, Any]]:
    """The ``rows`` of ``table`` (as the file holds them) converted to row values, or
    :class:`ImportProblem` naming the first fault (a duplicate key too). ``progress`` hears
    of every 2000th row of the ``total``, counting on from the ``done`` checked before."""
    columns = _columns(table)
    names = {c.name for c in columns}
    keys = [c.name for c in table.primary_key.columns]
    seen: set[tuple[Any, ...]] = set()
    converted = []
    for index, row in enumerate(rows):
        at = f"{table.name}[{index}]"
        if not isinstance(row, dict):
            raise _problem(at, "expected an object")
        for key in row:
            if key not in names:
                raise _problem(f"{at}.{key}", f"is not a field of {table.name}")
        values = {}
        for col in columns:
            if col.name in row:
                values[col.name] = _convert(col, row[col.name], f"{at}.{col.name}")
            elif col.default is not None:  # written before the column existed
                values[col.name] = col.default[0]
            else:
                raise _problem(f"{at}.{col.name}", "is missing")
        key = tuple(values[k] for k in keys)
        if key in seen:
            raise _problem(
                at, f"{' and '.join(keys)} {key if len(key) > 1 else key[0]} appears twice"
            )
        seen.add(key)
        converted.append(values)
        done += 1
        if progress is not None and done % 2000 == 0:
            progress.report(done, total, "Checking the file…")
    return converted


def _check_references(out: Mapping[str, Sequence[dict[str, Any]]]) -> None:
    """Raise :class:`ImportProblem` at the first reference in ``out`` to a row it does not
    hold."""
    ids = {table.name: {r["id"] for r in out[table.name]} for table in TABLES if "id" in table.c}
    for table in TABLES:
        for col in _columns(table):
            if col.references is None:
                continue
            target = col.references.split(".")[0]
            for index, row in enumerate(out[table.name]):
                value = row[col.name]
                if value is not None and value not in ids.get(target, set()):
                    raise _problem(
                        f"{table.name}[{index}].{col.name}",
                        f"there is no {target} with id {value} in the file",
                    )


def _drafts(table: str, rows: Sequence[dict[str, Any]]) -> list[Any]:
    draft_cls = _DRAFTS[table]
    names = [f.name for f in dataclasses.fields(draft_cls)]
    out = []
    for row in rows:
        values = {name: row[name] for name in names if name in row}
        if table == "coaching_session":
            values["questions"] = tuple(_questions(row["questions"]))
        out.append(draft_cls(**values))
    return out


def _questions(raw: str) -> list[m.SessionQuestion]:
    try:
        pairs = json.loads(raw)
    except ValueError:
        raise ValueError("is not a JSON list of [question, answer] pairs") from None
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs
    ):
        raise ValueError("is not a JSON list of [question, answer] pairs")
    return [m.SessionQuestion(question=q, answer=a) for q, a in pairs]


def check_rules(out: Mapping[str, Sequence[dict[str, Any]]]) -> None:
    """The rules the app applies to every save, applied to every row of a file: a file
    edited by hand cannot bring in what the app would refuse to store."""
    drafts: dict[str, dict[Any, Any]] = {}
    for table in ("sprint", "goal", "milestone", "checkin", "coaching_session",
                  "action_item", "mentor", "mentor_link", "log_entry", "assessment",
                  "feedback", "aim", "coach", "outreach"):  # fmt: skip
        rows = out[table]
        try:
            made = _drafts(table, rows)
        except ValueError as exc:
            index = next(
                i for i, r in enumerate(rows)
                if table == "coaching_session" and _bad_questions(r)
            )  # fmt: skip
            raise _problem(f"{table}[{index}].questions", str(exc)) from None
        drafts[table] = {row.get("id"): draft for row, draft in zip(rows, made, strict=True)}
        for index, (row, draft) in enumerate(zip(rows, made, strict=True)):
            try:
                if table == "goal":
                    rules.validate_goal(draft, drafts["sprint"][row["sprint_id"]])
                elif table == "checkin":
                    rules.validate_checkin(draft, drafts["goal"][row["goal_id"]])
                elif table == "log_entry":
                    rules.validate_log_entry(draft, row["id"])
                elif table == "feedback":
                    _feedback_rule(draft, drafts["log_entry"].get(row["entry_id"]))
                else:
                    _VALIDATORS[table](draft)
            except ValidationError as exc:
                raise _problem(f"{table}[{index}].{exc.field}", exc.message.rstrip(".")) from None


def _feedback_rule(details: m.FeedbackDetails, entry: m.LogEntryDraft | None) -> None:
    """Feedback details belong to a Feedback entry."""
    rules.validate_feedback(details)
    if entry is not None and entry.kind is not EntryKind.FEEDBACK:
        raise ValidationError({"entry_id": "Only a Feedback entry has feedback details."})


def active_goals_not_smart(
    rows_by_table: Mapping[str, Sequence[dict[str, Any]]],
) -> tuple[tuple[str, str], ...]:
    """The active goals of checked rows (from :func:`check_tables`) that do not pass the
    SMART check, as (title, gaps), in the file's order. They are loaded as they are: an
    export is restored exactly, and an older journal may hold them; the rule applies when a
    goal is made or changed (``rules.validate_active_goal``)."""
    sprints = {
        row["id"]: draft
        for row, draft in zip(
            rows_by_table["sprint"], _drafts("sprint", rows_by_table["sprint"]), strict=True
        )
    }
    goals = rows_by_table["goal"]
    steps = Counter(row["goal_id"] for row in rows_by_table["milestone"])
    found = []
    for row, goal in zip(goals, _drafts("goal", goals), strict=True):
        gaps = rules.active_smart_gaps(goal, sprints[row["sprint_id"]], steps[row["id"]])
        if gaps:
            found.append((goal.title, gaps))
    return tuple(found)


def _bad_questions(row: dict[str, Any]) -> bool:
    try:
        _questions(row["questions"])
    except ValueError:
        return True
    return False


_DRAFTS: dict[str, type[Any]] = {
    "sprint": m.SprintDraft,
    "goal": m.GoalDraft,
    "milestone": m.MilestoneDraft,
    "checkin": m.CheckinDraft,
    "coaching_session": m.SessionDraft,
    "action_item": m.ActionItemDraft,
    "mentor": m.MentorDraft,
    "mentor_link": m.MentorLinkDraft,
    "log_entry": m.LogEntryDraft,
    "assessment": m.AssessmentDraft,
    "feedback": m.FeedbackDetails,
    "aim": m.AimDraft,
    "coach": m.CoachDraft,
    "outreach": m.OutreachDraft,
}
_VALIDATORS: dict[str, Any] = {
    "sprint": rules.validate_sprint,
    "milestone": rules.validate_milestone,
    "coaching_session": rules.validate_session,
    "action_item": rules.validate_action_item,
    "mentor": rules.validate_mentor,
    "mentor_link": rules.validate_mentor_link,
    "assessment": rules.validate_assessment,
    "feedback": rules.validate_feedback,
    "aim": rules.validate_aim,
    "coach": rules.validate_coach,
    "outreach": rules.validate_outreach,
}


def load_tables(
    session: Session,
    rows_by_table: Mapping[str, Sequence[dict[str, Any]]],
    progress: Progress | None = None,
) -> None:
    """Insert checked rows (from :func:`check_tables`) into an empty journal, in the
    caller's transaction; a broken database rule raises :class:`ImportProblem`."""
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    total = sum(len(rows) for rows in rows_by_table.values())
    done = 0
    for table in TABLES:
        rows = [_with_checksum(table.name, dict(row)) for row in rows_by_table[table.name]]
        for start in range(0, len(rows), 5000):
            chunk = rows[start : start + 5000]
            _insert(session, table, chunk, start)
            done += len(chunk)
            if progress is not None:
                progress.report(done, total, f"Adding {table.name.replace('_', ' ')}s…")


def _with_checksum(table: str, row: dict[str, Any]) -> dict[str, Any]:
    if table in CHECKSUMMED:
        row["checksum"] = row_checksum(table, row)
    return row


def _insert(session: Session, table: Table, rows: list[dict[str, Any]], offset: int) -> None:
    if not rows:
        return
    try:
        with session.begin_nested():
            session.execute(insert(table), rows)
    except IntegrityError as exc:
        index, reason = _first_broken(session, table, rows)
        raise _problem(
            f"{table.name}[{offset + index}]", f"breaks a rule of the journal ({reason})"
        ) from exc


def _first_broken(
    session: Session, table: Table, rows: Iterable[dict[str, Any]]
) -> tuple[int, str]:
    """Which row of a refused batch breaks a rule, and the rule (for the message): the rows
    go in one by one, so a clash with an earlier row of the batch shows too; then all of
    them are rolled back."""
    found = (0, "a rule between rows")
    try:
        with session.begin_nested():
            for index, row in enumerate(rows):
                try:
                    with session.begin_nested():
                        session.execute(insert(table), [row])
                except IntegrityError as exc:
                    found = (index, _rule(str(exc.orig)))
                    break
            raise _Undo
    except _Undo:
        pass
    return found


class _Undo(Exception):  # noqa: N818 - control flow, not an error
    """Rolls a probe insert back."""


def _rule(message: str) -> str:
    """SQLite's constraint message in words: "CHECK constraint failed: ck_sprint_x"."""
    text_ = message.strip()
    if "CHECK constraint failed:" in text_:
        name = text_.split(":", 1)[1].strip()
        for prefix in ("ck_",):
            name = name.removeprefix(prefix)
        return f"{name.replace('_', ' ')}"
    if "UNIQUE constraint failed" in text_:
        return "a value that must be unique appears twice"
    return text_
