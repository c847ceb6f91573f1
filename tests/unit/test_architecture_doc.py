"""docs/architecture.md draws the layers import-linter checks (pyproject.toml), so the two
cannot drift apart."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def test_the_documented_layers_are_the_checked_ones() -> None:
    (top_level,) = [c for c in _contracts() if c.get("containers") == ["devjournal"]]
    assert top_level["exhaustive"] is True
    layers = top_level["layers"]
    assert isinstance(layers, list)
    checked = [re.sub(r"[()]", "", layer) for layer in layers]
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    intro = "Every top-level module and package sits in one layer"
    block = doc[doc.index(intro) :].split("```")[1]
    assert block.strip().splitlines() == checked


def test_every_package_and_top_level_module_is_in_a_layer() -> None:
    (top_level,) = [c for c in _contracts() if c.get("containers") == ["devjournal"]]
    layers = top_level["layers"]
    assert isinstance(layers, list)
    declared = {name.strip(" ()") for layer in layers for name in re.split(r"[|:]", layer)}
    package = ROOT / "src" / "devjournal"
    present = {
        p.stem if p.is_file() else p.name
        for p in package.iterdir()
        if (p.suffix == ".py" and p.name != "__init__.py") or (p / "__init__.py").is_file()
    }
    assert present <= declared
