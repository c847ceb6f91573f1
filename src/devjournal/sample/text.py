"""Text made from the corpus: URL slugs, template slots, and entry bodies in Markdown."""

from __future__ import annotations

import random

from devjournal.domain.enums import EntryKind
from devjournal.sample.corpus.bodies import (
    BULLETS,
    CLOSERS,
    DIACRITICS,
    LIST_INTROS,
    MIDDLES,
    OPENERS,
    QUOTES,
)
from devjournal.sample.corpus.people import ASCII

# How many paragraphs a body has, and what shape each one after the first takes.
PARAGRAPHS = (1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 5)
PARA_KINDS = ("prose", "prose", "prose", "prose", "list", "list", "list", "quote")


def slug(text: str) -> str:
    """An ASCII, lower-case, dash-separated form of ``text`` for URLs."""
    return "-".join(part for part in text.lower().translate(ASCII).split("-") if part)


def skill_slots(text: str) -> frozenset[str]:
    """Which of the skill slots ({lang}, {tech}, {topic}) a template uses."""
    return frozenset(slot for slot in ("lang", "tech", "topic") if f"{{{slot}}}" in text)


def body(rng: random.Random, kind: EntryKind, ctx: dict[str, str], opener: str = "") -> str:
    """A Markdown body of 1-5 short paragraphs, stitched from the phrase banks."""
    if rng.random() < 0.2:
        ctx = dict(ctx)
        ctx["topic"] = f"**{ctx['topic']}**"
    first = [opener or rng.choice(OPENERS.get(kind, MIDDLES))]
    first += rng.sample(MIDDLES, rng.randint(0, 2))
    paragraphs = [" ".join(first)]
    total = rng.choice(PARAGRAPHS)
    for n in range(1, total):
        shape = rng.choice(PARA_KINDS)
        if n == total - 1 and rng.random() < 0.4:
            shape = "closer"
        paragraphs.append(_paragraph(rng, shape))
    return "\n\n".join(paragraphs).format_map(ctx)


def _paragraph(rng: random.Random, shape: str) -> str:
    if shape == "prose":
        sentences = rng.sample(MIDDLES, rng.randint(1, 3))
        if rng.random() < 0.12:
            sentences.insert(rng.randint(0, len(sentences)), rng.choice(DIACRITICS))
        return " ".join(sentences)
    if shape == "list":
        items = rng.sample(BULLETS, rng.randint(2, 4))
        return rng.choice(LIST_INTROS) + "\n\n" + "\n".join(f"- {i}" for i in items)
    if shape == "quote":
        return f"> {rng.choice(QUOTES)}"
    return rng.choice(CLOSERS)
