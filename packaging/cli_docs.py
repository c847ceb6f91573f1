"""Write the man page and the bash and zsh completions from the command line's parser
(``make cli-docs``), into ``src/devjournal/share`` where the package, the bundle and the
Flatpak carry them. A unit test fails when the committed files differ from what this makes.

The man page's date is the newest release's in the AppStream file, so the same parser
always gives the same page.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import shtab
from build_manpages.manpage import Manpage

from devjournal import APP_ID, __version__
from devjournal.cli import EXAMPLES, build_parser

SHARE = Path(__file__).resolve().parent.parent / "src" / "devjournal" / "share"
MAN_PAGE = Path("man/man1/devjournal.1")
BASH = Path("bash-completion/completions/devjournal")
ZSH = Path("zsh/site-functions/_devjournal")
_PATH_KINDS = {"DIR": shtab.DIRECTORY, "FILE": shtab.FILE}


def release_date() -> str:
    """The newest release's date in the AppStream metainfo (YYYY-MM-DD)."""
    tree = ET.parse(SHARE / "metainfo" / f"{APP_ID}.metainfo.xml")
    release = tree.find("releases/release")
    if release is None or not release.get("date"):
        raise SystemExit("the metainfo file names no release date")
    return str(release.get("date"))


def _mark_paths(parser: argparse.ArgumentParser) -> None:
    """Tell shtab which arguments are folders and files (by their metavar)."""
    for action in parser._actions:
        kind = _PATH_KINDS.get(str(action.metavar))
        if kind is not None:
            action.complete = kind  # type: ignore[attr-defined]
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                _mark_paths(command)


def _roff(text: str) -> str:
    """``text`` as a roff line shows it (no request, no escape, real hyphens)."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def examples_section() -> str:
    """An EXAMPLES section with every command's examples (argparse-manpage shows only the
    top parser's epilog)."""
    lines = [".SH EXAMPLES"]
    for words, examples in EXAMPLES.items():
        lines += [".TP", _roff(f"devjournal {words}".strip()), ".nf"]
        lines += [_roff(line) for line in examples]
        lines.append(".fi")
    return "\n".join(lines) + "\n"


def _with_examples(page: str) -> str:
    """The man page with the EXAMPLES section before the AUTHORS/SEE ALSO tail (or last)."""
    for tail in ("\n.SH AUTHORS", '\n.SH "SEE ALSO"', "\n.SH DISTRIBUTION"):
        at = page.find(tail)
        if at != -1:
            return page[: at + 1] + examples_section() + page[at + 1 :]
    return page.rstrip("\n") + "\n" + examples_section()


def generate() -> dict[Path, str]:
    """Each file's path under ``share/`` and its text."""
    parser = build_parser()
    _mark_paths(parser)
    man = Manpage(
        parser,
        _data={
            "date": release_date(),
            "version": __version__,
            "project_name": "devjournal",
            "manual_title": "devjournal manual",
            "description": "a local-first journal for coaching sprints and a mentorship log",
            "url": "https://github.com/devjournal/devjournal",
        },
    )
    return {
        MAN_PAGE: _with_examples(str(man)),
        BASH: shtab.complete(parser, shell="bash"),
        ZSH: shtab.complete(parser, shell="zsh"),
    }


def main() -> int:
    for rel, text in generate().items():
        path = SHARE / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(SHARE.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
