"""A jrnl export of 100,000 entries, for timing ``devjournal import jrnl``.

``python -m bench.jrnl_import FILE [N]`` writes the file: entries over twelve years, a few
sentences each, one to three @tags from forty, one in ten starred (deterministic).
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

WORDS = [
    "review",
    "design",
    "incident",
    "mentor",
    "promotion",
    "kafka",
    "latency",
    "roadmap",
    "feedback",
    "delegate",
    "estimate",
    "on-call",
    "migration",
    "hiring",
    "onboarding",
    "architecture",
    "test",
    "deploy",
    "retro",
    "goal",
    "stakeholder",
    "budget",
    "scope",
    "quality",
    "pairing",
    "calendar",
    "focus",
    "energy",
    "learning",
    "talk",
]
TAGS = [f"@{w}" for w in WORDS[:40]]


def make(n: int) -> dict[str, object]:
    """``n`` jrnl entries."""
    rng = random.Random(7)
    start = date(2014, 1, 1)
    entries = []
    for i in range(n):
        day = start + timedelta(days=i * 4383 // n)
        sentences = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."
            for _ in range(rng.randint(2, 5))
        ]
        tags = rng.sample(TAGS, rng.randint(1, 3))
        entries.append(
            {
                "date": day.isoformat(),
                "time": f"{rng.randint(6, 23):02d}:{rng.randint(0, 59):02d}",
                "title": sentences[0],
                "body": " ".join(sentences[1:]) + " " + " ".join(tags),
                "tags": tags,
                "starred": i % 10 == 0,
            }
        )
    return {"tags": dict.fromkeys(TAGS, 1), "entries": entries}


def main() -> int:
    target = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    target.write_text(json.dumps(make(n), indent=1), encoding="utf-8")
    print(f"{target}: {n:,} entries, {target.stat().st_size / 1024**2:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
