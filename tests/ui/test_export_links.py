"""One link rule for every output (``domain.text.is_safe_link``): in a PDF, an HTML file, a
Markdown file and a report document, only web and mail links stay live; every other link
(``file:``, ``javascript:``, ``data:``, ``smb:``, ``ftp:``, a relative path) keeps its text
and loses its link. And, fuzzed: whatever entries hold, every format shows every title."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from pypdf import PdfReader

from devjournal.domain.enums import EntryKind, Scope
from devjournal.domain.models import LogEntryDraft
from devjournal.domain.text import for_file, is_safe_link
from devjournal.exporting.closeout import sprint_closeout
from devjournal.exporting.closeout_pdf import closeout_document, closeout_pdf
from devjournal.exporting.history_export import (
    HistoryExport,
    HistoryItem,
    HistoryRequest,
    history_markdown,
    read_history,
)
from devjournal.exporting.history_html import history_html
from devjournal.exporting.history_pdf import history_pdf
from devjournal.exporting.summary import sprint_summary
from devjournal.exporting.summary_pdf import summary_pdf
from devjournal.services.container import Services
from tests.golden.compare import pdf_text
from tests.unit.test_closeout import fill as fill_closeout
from tests.unit.test_history_export import PIECES, rendered
from tests.unit.test_summary import NOW
from tests.unit.test_summary import fill as fill_summary

pytestmark = pytest.mark.usefixtures("qapp")

LINKS = (
    "[local](file:///etc/passwd) [script](javascript:alert(1)) [inline](data:text/html,x) "
    "<smb://host/share> [relative](../notes.md) [spaced]( JaVaScRiPt:alert(2)) "
    "[entity](javascript&#58;alert(3)) ftp://files.example/x "
    "[web](https://example.org/a) [mail](mailto:ada@example.org) www.example.net"
)
SAFE = {"https://example.org/a", "mailto:ada@example.org", "http://www.example.net"}


def pdf_links(data: bytes) -> set[str]:
    """Every link a PDF's pages can be clicked on."""
    found = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None:
                found.add(str(action.get_object().get("/URI")))
    return found


def test_the_history_pdf_keeps_web_and_mail_links_only(services: Services) -> None:
    services.mentorship.add_entry(
        LogEntryDraft(
            kind=EntryKind.REFLECTION,
            occurred_at=datetime(2026, 11, 2, 10, tzinfo=UTC),
            title="Links",
            body=LINKS,
            scope=Scope.MENTOR,
        )
    )
    export = read_history(services, HistoryRequest(), NOW)
    data = history_pdf(export)
    assert pdf_links(data) == SAFE
    text = pdf_text(data).replace("\n", "")  # lines joined again
    for shown in ("[local](file:///etc/passwd)", "<smb://host/share>", "[relative](../notes.md)"):
        assert shown in text  # each link's text stays, as typed
    html = history_html(export)
    hrefs = set(re.findall(r'href="([^"]*)"', html))
    assert hrefs == SAFE and all(is_safe_link(h) for h in hrefs)
    markdown = history_markdown(export)
    reader = MarkdownIt("commonmark", {"html": True})
    reader.validateLink = lambda url: True  # a reader that trusts every link
    live = {
        str(t.attrs["href"])
        for block in reader.parse(markdown)
        for t in block.children or []
        if t.type == "link_open"
    }
    assert live == {"https://example.org/a", "mailto:ada@example.org"}


def test_summary_and_closeout_pdfs_keep_web_and_mail_links_only(services: Services) -> None:
    summary = sprint_summary(services, fill_summary(services), NOW)
    hostile = "see ftp://files.example/x, https://example.org/a and ada@example.org"
    data = summary_pdf(replace(summary, focus=hostile))
    assert pdf_links(data) == {"https://example.org/a", "mailto:ada@example.org"}
    assert "ftp://files.example/x" in " ".join(pdf_text(data).split())


def test_a_closeout_report_document_keeps_web_and_mail_links_only(services: Services) -> None:
    report = sprint_closeout(services, fill_closeout(services), NOW)
    hostile = replace(report, focus="ftp://files.example/x and https://example.org/a")
    assert pdf_links(closeout_pdf(hostile)) == {"https://example.org/a"}
    doc = closeout_document(hostile)  # the window's preview and printout
    hrefs = set()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                hrefs.add(fmt.anchorHref())
            it += 1
        block = block.next()
    assert hrefs == {"https://example.org/a"}


class _Headings(HTMLParser):
    """The text of each ``<h3>`` of an HTML page, and each ``href``, ``src`` and tag."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.links: list[str] = []
        self.tags: set[str] = set()
        self._in = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.links += [v or "" for k, v in attrs if k in ("href", "src")]
        if tag == "h3":
            self._in = True
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in = self._in and tag != "h3"

    def handle_data(self, data: str) -> None:
        if self._in:
            self.headings[-1] += data


TITLE = st.text(
    # (no bidi override: it mirrors brackets, which is how it is meant to show them)
    alphabet=st.sampled_from([*"abc <>&*_`[]()#|!\\-=:/", "\x1b", "\x07", "\r", "\n", "\x85"]),
    min_size=1,
    max_size=20,
).filter(lambda t: t.strip() != "")
BODY = st.lists(st.sampled_from(PIECES), max_size=20).map("".join)


def _export(entries: list[tuple[str, str]]) -> HistoryExport:
    items = tuple(
        HistoryItem(
            id=n,
            on=date(2026, 1, 1 + n),
            kind=EntryKind.REFLECTION,
            title=title,
            body=body,
            mentor="",
            tags=(),
            source_url="",
            advice_status=None,
            scope=Scope.MENTOR,
            answers=None,
            replies=(),
        )
        for n, (title, body) in enumerate(entries)
    )
    return HistoryExport(("Every entry",), items, 0, False, NOW)


def _flat(text: str) -> str:
    """What of ``text`` can be seen: no space, control or bidi character."""
    return "".join(ch for ch in for_file(text) if ch.isprintable() and not ch.isspace())


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(entries=st.lists(st.tuples(TITLE, BODY), min_size=1, max_size=3))
def test_fuzzed_entries_show_every_title_and_no_unsafe_link_in_every_format(
    entries: list[tuple[str, str]],
) -> None:
    export = _export(entries)
    markdown = history_markdown(export)
    blocks, live = rendered(markdown)
    assert live == [] and len([b for b in blocks if "Jan 2026 ·" in b]) == len(entries)
    page = _Headings()
    page.feed(history_html(export))
    wanted = [_flat(f"{e.on.day} Jan 2026 · {e.title}") for e in export.items]
    assert [_flat(h) for h in page.headings] == wanted
    assert all(is_safe_link(link) for link in page.links)
    assert not page.tags & {"script", "img", "iframe", "textarea", "object"}
    data = history_pdf(export)
    assert all(is_safe_link(uri) for uri in pdf_links(data))
    text = _flat(pdf_text(data))
    for item in export.items:
        assert _flat(item.title) in text
