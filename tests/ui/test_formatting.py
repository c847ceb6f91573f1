"""Numbers as the user reads and types them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devjournal.domain.wording import number_text
from devjournal.ui.formatting import edit_number_text, parse_number


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1250", 1250),
        ("12.5", 12.5),
        ("12,5", 12.5),
        ("0,125", 0.125),
        ("-0,25", -0.25),
        ("1,250", 1250),
        ("1.250.000", 1_250_000),
        ("1,250.5", 1250.5),
        ("1.250,5", 1250.5),
        ("1 250", 1250),
        (".5", 0.5),
        ("+4", 4),
        ("", None),
        ("   ", None),
    ],
)
def test_numbers_people_type(typed: str, value: float | None) -> None:
    assert parse_number(typed) == value


@pytest.mark.parametrize(
    "typed", ["1,2,3", "12,34,567", "1.2.3", "1,25.0", "1_000", "abc", "inf", "nan", "12 h"]
)
def test_ambiguous_or_broken_numbers_are_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_number(typed)


def test_reading_numbers_shows_at_most_two_decimals_without_stray_marks() -> None:
    assert [number_text(v) for v in (12.001, 0.999, -0.001, 12.5, 1250, 0.25, 3.456, None)] == [
        "12",
        "1",
        "0",
        "12.5",
        "1,250",
        "0.25",
        "3.46",
        "",
    ]


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_an_edited_number_saved_unchanged_is_the_same_number(value: float) -> None:
    assert parse_number(edit_number_text(value)) == value
