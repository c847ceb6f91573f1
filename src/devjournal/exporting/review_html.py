"""The review of the period as one self-contained HTML file: the sections every format
writes (``review.review_sections``) through ``templates/review.html.j2``, every text
autoescaped by Jinja2, no control characters (``for_file``), nothing loaded."""

from __future__ import annotations

from devjournal.domain.text import for_file
from devjournal.exporting.report_html import environment
from devjournal.exporting.review import TITLE, PeriodReview, review_heading, review_sections


def review_html(review: PeriodReview) -> str:
    """The review as HTML (no Qt needed: it has no charts and no user Markdown)."""
    page = (
        environment()
        .get_template("review.html.j2")
        .render(
            r=review,
            title=TITLE,
            heading=review_heading(review),
            sections=review_sections(review),
        )
    )
    return for_file(page)
