"""The login autostart entry (ui/autostart.py): where it goes (XDG_CONFIG_HOME respected), what
it says (the app's desktop entry with --minimized), and what counts as on."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest

from app.cli import build_parser
from ui import autostart

ROOT = Path(__file__).resolve().parents[3]
APP_ENTRY = ROOT / "packaging" / "org.chinwag.Chinwag.desktop"


def read_entry(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  (keys keep their case)
    parser.read_string(text)
    return dict(parser["Desktop Entry"])


def test_the_file_goes_under_xdg_config_home(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "conf")}
    assert autostart.autostart_file(env) == tmp_path / "conf" / "autostart" / "chinwag.desktop"
    # Unset or relative: ~/.config, as the base directory specification says.
    home = Path.home() / ".config" / "autostart" / "chinwag.desktop"
    assert autostart.autostart_file({}) == home
    assert autostart.autostart_file({"XDG_CONFIG_HOME": "relative/conf"}) == home


def test_the_entry_is_the_apps_own_with_minimized() -> None:
    app = read_entry(APP_ENTRY.read_text(encoding="utf-8"))
    ours = read_entry(autostart.entry_text(["/opt/chin wag/bin/chinwag"]))
    for key, value in autostart.ENTRY_FIELDS:  # the packaged entry's fields, unchanged
        assert app[key] == value, key
        assert ours[key] == value, key
    assert ours["Exec"] == '"/opt/chin wag/bin/chinwag" --minimized'  # quoted: it has a space
    assert ours["X-GNOME-Autostart-enabled"] == "true"
    assert "%u" not in ours["Exec"]  # nothing to open at login


def test_launch_command_is_this_installations_chinwag() -> None:
    command = autostart.launch_command()
    assert len(command) == 1 and Path(command[0]).name == "chinwag"


def test_set_enabled_writes_and_removes(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "autostart" / "chinwag.desktop"
    assert not autostart.is_enabled(path)
    autostart.set_enabled(True, path, ["chinwag"])
    assert autostart.is_enabled(path)
    assert read_entry(path.read_text(encoding="utf-8"))["Exec"] == "chinwag --minimized"
    assert [p.name for p in path.parent.iterdir()] == ["chinwag.desktop"]  # no partial left
    autostart.set_enabled(False, path)
    assert not path.exists() and not autostart.is_enabled(path)
    autostart.set_enabled(False, path)  # removing what is not there is no error


@pytest.mark.parametrize(
    ("line", "enabled"),
    [
        ("X-GNOME-Autostart-enabled=false", False),  # GNOME's startup applications switch
        ("Hidden=true", False),  # the specification's "deleted"
        ("Hidden=false", True),
    ],
)
def test_a_desktops_own_switch_counts(tmp_path: Path, line: str, enabled: bool) -> None:
    path = tmp_path / "chinwag.desktop"
    text = autostart.entry_text(["chinwag"]).replace("X-GNOME-Autostart-enabled=true\n", "")
    path.write_text(text + line + "\n", encoding="utf-8")
    assert autostart.is_enabled(path) is enabled


def test_refused_writes_raise(tmp_path: Path) -> None:
    blocked = tmp_path / "autostart"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(OSError):
        autostart.set_enabled(True, blocked / "chinwag.desktop", ["chinwag"])


def test_supported_platforms() -> None:
    assert autostart.supported("linux", {}) and autostart.supported("freebsd14", {})
    assert not autostart.supported("win32", {}) and not autostart.supported("darwin", {})
    # Flatpak's XDG_CONFIG_HOME is the sandbox's own: no desktop would read the entry there.
    assert not autostart.supported("linux", {"FLATPAK_ID": "org.chinwag.Chinwag"})


def test_minimized_option() -> None:
    assert build_parser().parse_args(["--minimized"]).minimized is True
    assert build_parser().parse_args([]).minimized is False
