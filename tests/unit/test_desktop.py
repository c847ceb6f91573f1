"""The desktop files (the menu entry, AppStream, icons, man page, completions) and
``devjournal desktop install|uninstall``."""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from devjournal import APP_ID, __version__
from devjournal import desktop as dt
from devjournal.cli import EXAMPLES, build_parser

ROOT = Path(__file__).resolve().parents[2]
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(dt.SHARE / "metainfo" / f"{APP_ID}.metainfo.xml").getroot()


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_one_reverse_dns_id_names_the_entry_the_icon_the_window_and_the_appstream_file() -> None:
    assert APP_ID.count(".") >= 2 and APP_ID.split(".")[0] in ("io", "org", "com")
    entry = _entry((dt.SHARE / dt.DESKTOP_FILE).read_text(encoding="utf-8"))
    assert dt.DESKTOP_FILE.name == f"{APP_ID}.desktop"
    assert entry["Icon"] == APP_ID
    assert entry["StartupWMClass"] == APP_ID
    assert entry["Exec"] == "devjournal"
    info = _metainfo()
    assert info.findtext("id") == APP_ID
    assert info.findtext("launchable") == f"{APP_ID}.desktop"
    assert info.findtext("provides/binary") == "devjournal"


def test_the_appstream_file_agrees_with_the_package() -> None:
    info = _metainfo()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert info.findtext("project_license") == project["license"]
    newest = info.find("releases/release")
    assert newest is not None and newest.get("version") == __version__
    assert info.find("content_rating") is not None
    shots = [s.findtext("image") or "" for s in info.iterfind("screenshots/screenshot")]
    assert shots, "AppStream shows no screenshot"
    for url in shots:  # each is a picture the repository has
        assert (ROOT / "docs" / "images" / url.rsplit("/", 1)[1]).is_file(), url
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert f"## Unreleased ({__version__};" in (ROOT / "CHANGELOG.md").read_text("utf-8")


@pytest.mark.parametrize("size", PNG_SIZES)
def test_the_icon_ships_in_each_png_size_desktops_look_for(size: int) -> None:
    png = dt.SHARE / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (size, size)
    assert _script("render_icons").SIZES == PNG_SIZES


@pytest.mark.filterwarnings("ignore:BuiltinImporter.module_repr:DeprecationWarning")  # its import
def test_the_man_page_and_completions_are_the_ones_the_parser_makes() -> None:
    """``make cli-docs`` writes them; a changed command without it fails here."""
    made = _script("cli_docs").generate()
    for rel, text in made.items():
        shipped = (dt.SHARE / rel).read_text(encoding="utf-8")
        assert shipped == text, f"{rel} is out of date: run make cli-docs"
    page = made[Path("man/man1/devjournal.1")]
    assert ".SH EXAMPLES" in page and "devjournal desktop install" in page
    assert "export" in made[Path("bash-completion/completions/devjournal")]


def _commands(parser: object, words: str = "") -> list[tuple[str, object]]:
    import argparse

    assert isinstance(parser, argparse.ArgumentParser)
    found: list[tuple[str, object]] = [(words, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _commands(sub, f"{words} {name}".strip())
    return found


def test_every_commands_help_ends_with_an_example() -> None:
    commands = _commands(build_parser())
    assert len(commands) > 20
    for words, parser in commands:
        assert words in EXAMPLES, f"devjournal {words} --help has no example"
        text = parser.format_help()  # type: ignore[attr-defined]
        tail = text.rstrip().splitlines()
        assert tail[-1].strip().startswith("devjournal") or tail[-1].strip().startswith("jrnl")
        assert "example" in text.rsplit("\n\n", 1)[-1]
    assert set(EXAMPLES) == {words for words, _ in commands}


@pytest.mark.parametrize(
    ("command", "value"),
    [
        (["/usr/bin/devjournal"], "/usr/bin/devjournal"),
        (["/home/a b/.venv/bin/devjournal"], '"/home/a b/.venv/bin/devjournal"'),
        (["/opt/py", "-m", "devjournal"], "/opt/py -m devjournal"),
        (["/home/100%/$x"], '"/home/100%%/\\\\$x"'),
    ],
)
def test_the_menu_entry_quotes_its_command_as_the_spec_says(command: list[str], value: str) -> None:
    assert dt.exec_value(command) == value


def test_install_puts_every_file_where_the_desktop_looks_and_uninstall_takes_them_back(
    tmp_path: Path,
) -> None:
    target = tmp_path / "share"
    (target / "applications").mkdir(parents=True)
    theirs = target / "applications" / "other.desktop"
    theirs.write_text("[Desktop Entry]\n", encoding="utf-8")
    command = [str(tmp_path / "my apps" / "devjournal")]

    done = dt.install(target, command)

    shipped = dt.shipped_files()
    assert done.files == shipped
    assert len(shipped) == 1 + 1 + 1 + len(PNG_SIZES) + 3  # entry, AppStream, SVG, PNGs, cli
    for rel in shipped:
        assert (target / rel).is_file(), rel
    entry = _entry((target / dt.DESKTOP_FILE).read_text(encoding="utf-8"))
    assert entry["Exec"] == dt.exec_value(command)
    assert entry["TryExec"] == command[0]
    assert (target / "man" / "man1" / "devjournal.1").read_bytes() == (
        dt.SHARE / "man" / "man1" / "devjournal.1"
    ).read_bytes()

    gone = dt.uninstall(target)

    assert gone.files == shipped
    assert theirs.is_file()  # someone else's entry, and its folder, stay
    assert not (target / "icons").exists()  # folders only devjournal used are removed
    assert dt.uninstall(target).files == ()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_installed_menu_entry_is_valid(tmp_path: Path) -> None:
    dt.install(tmp_path, [str(tmp_path / "a b" / "devjournal")])
    for entry in (tmp_path / dt.DESKTOP_FILE, dt.SHARE / dt.DESKTOP_FILE):
        result = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0 and "error" not in result.stdout, result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream")
def test_the_appstream_file_is_valid() -> None:
    result = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--no-net",
            str(dt.SHARE / "metainfo" / f"{APP_ID}.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_flatpak_asks_for_a_window_and_nothing_else() -> None:
    manifest = ROOT / "packaging" / "flatpak" / f"{APP_ID}.yml"
    lines = [line.strip() for line in manifest.read_text(encoding="utf-8").splitlines()]
    assert f"app-id: {APP_ID}" in lines
    assert "command: devjournal" in lines
    start = lines.index("finish-args:") + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("- "))
    assert lines[start:end] == [
        "- --share=ipc",
        "- --socket=wayland",
        "- --socket=fallback-x11",
        "- --device=dri",
    ]
    assert "cp -r src/devjournal/share/. /app/share/" in " ".join(lines)
