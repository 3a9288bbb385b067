"""The desktop files: the .desktop entry and the AppStream metainfo pass the freedesktop
validators, name the same app, icon and link schemes as the app itself, and the icons and
screenshots they point at exist and come from the SVG and the real window."""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app import __version__
from app.uri import SCHEMES
from chinwag.testing.support import require_binary
from tests.packaging.builds import ROOT
from ui.application import create_app

PACKAGING = ROOT / "packaging"
APP_ID = "org.chinwag.Chinwag"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
HINT = "bash scripts/setup test (Debian packages desktop-file-utils and appstream)"


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def run(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in argv], capture_output=True, text=True, timeout=120, check=False
    )


def test_desktop_file_validate_passes() -> None:
    tool = require_binary("desktop-file-validate", HINT)
    result = run(tool, DESKTOP)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_appstreamcli_validate_passes() -> None:
    tool = require_binary("appstreamcli", HINT)
    result = run(tool, "validate", "--no-net", "--strict", "--explain", METAINFO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_appstreamcli_validates_the_installed_tree(tmp_path: Path) -> None:
    """As a distribution installs them: desktop file, metainfo and icons under /usr/share."""
    tool = require_binary("appstreamcli", HINT)
    share = tmp_path / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(DESKTOP, share / "applications")
    shutil.copy(METAINFO, share / "metainfo")
    shutil.copytree(PACKAGING / "icons" / "hicolor", share / "icons" / "hicolor")
    result = run(tool, "validate-tree", "--no-net", "--explain", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "W:" not in result.stdout and "E:" not in result.stdout, result.stdout


def test_the_desktop_entry_opens_chat_links_with_the_app() -> None:
    entry = desktop_entry()
    assert entry["Exec"] == "chinwag %u"  # one link per launch, handed on to a running one
    assert entry["Icon"] == APP_ID
    mime = [m for m in entry["MimeType"].split(";") if m]
    assert mime == [f"x-scheme-handler/{s}" for s in ("xmpp", "matrix", "irc", "ircs")]
    assert {m.rsplit("/", 1)[1] for m in mime} == set(SCHEMES)  # what app.uri reads


def test_the_running_app_names_its_desktop_entry(qapp: QApplication) -> None:
    """Wayland compositors and docks match windows to .desktop files by this name."""
    app = create_app([])
    assert app.desktopFileName() == DESKTOP.stem


def test_the_metainfo_names_the_same_app_release_and_screenshots() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("icon") == APP_ID
    releases = root.findall("releases/release")
    assert releases[0].get("version") == __version__
    provided = {m.text for m in root.findall("provides/mediatype")}
    assert provided == {f"x-scheme-handler/{s}" for s in SCHEMES}
    shots = load_script("make_screenshots")
    images = root.findall("screenshots/screenshot/image")
    names = [str(i.text).rsplit("/", 1)[1].removesuffix(".png") for i in images]
    assert names == list(shots.SHOTS)
    captions = [s.findtext("caption") for s in root.findall("screenshots/screenshot")]
    assert captions == list(shots.SHOTS.values())
    for image, name in zip(images, names, strict=True):
        picture = QImage(str(PACKAGING / "screenshots" / f"{name}.png"))
        assert not picture.isNull(), name
        assert (picture.width(), picture.height()) == shots.SIZE, name
        assert (int(image.get("width", 0)), int(image.get("height", 0))) == shots.SIZE, name


def channel_distance(a: int, b: int) -> int:
    return max(abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF)) for s in (24, 16, 8, 0))


def test_the_png_icons_are_the_svg_rendered_at_every_size(
    qapp: QApplication, tmp_path: Path
) -> None:
    icons = load_script("render_icons")
    assert icons.SIZES == ICON_SIZES and icons.APP_ID == APP_ID
    svg = ET.parse(icons.SVG).getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 128 128"
    fresh = icons.render_icons(tmp_path)
    for size, path in zip(ICON_SIZES, fresh, strict=True):
        committed = QImage(str(icons.png_path(icons.HICOLOR, size)))
        assert (committed.width(), committed.height()) == (size, size), size
        rendered = QImage(str(path))
        differing = sum(
            1
            for y in range(size)
            for x in range(size)
            if channel_distance(committed.pixel(x, y), rendered.pixel(x, y)) > 8
        )
        assert differing <= size * size // 50, f"{size}px differs from the SVG: re-render"


def test_the_screenshots_are_taken_from_the_real_window(qapp: QApplication, tmp_path: Path) -> None:
    shots = load_script("make_screenshots")
    written = shots.make_screenshots(tmp_path)
    assert [p.stem for p in written] == list(shots.SHOTS)
    for path in written:
        picture = QImage(str(path))
        assert (picture.width(), picture.height()) == shots.SIZE
