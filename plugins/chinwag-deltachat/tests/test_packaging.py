"""The plugin is its own distribution: its wheel holds the package (and no tests), depends on
Chinwag and the Delta Chat core, and registers the backend in the ``chinwag.backends`` group,
where Chinwag's registry finds and accepts it."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import EntryPoint
from pathlib import Path

from app.registry import ENTRY_POINT_GROUP, BackendRegistry
from chinwag.testing.support import require_module
from chinwag_deltachat import DeltaChatBackend

PLUGIN = Path(__file__).resolve().parents[1]


def build_wheel(out: Path) -> Path:
    """Built from a copy (so the checkout gets no build/ or egg-info folders), in an isolated
    build environment as pip would, like Chinwag's own wheel in tests/packaging."""
    require_module("build")
    source = out / "src"
    shutil.copytree(
        PLUGIN, source, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
    )
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), "."],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (wheel,) = out.glob("chinwag_deltachat-*.whl")
    return wheel


def test_wheel_registers_the_backend(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        entry_points = archive.read(info).decode()
        metadata = archive.read(info.replace("entry_points.txt", "METADATA")).decode()
    assert "chinwag_deltachat/backend.py" in names
    assert "chinwag_deltachat/convert.py" in names
    assert not [n for n in names if n.startswith(("tests/", "app/", "backends/", "ui/"))]
    requires = {
        line.split(":", 1)[1].split(">")[0].split("<")[0].strip()
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist:")
    }
    assert {"chinwag", "deltachat-rpc-client", "deltachat-rpc-server"} <= requires

    parser = configparser.ConfigParser()
    parser.read_string(entry_points)
    assert dict(parser[ENTRY_POINT_GROUP]) == {"deltachat": "chinwag_deltachat:DeltaChatBackend"}
    registry = BackendRegistry(
        entry_points=[
            EntryPoint("deltachat", parser[ENTRY_POINT_GROUP]["deltachat"], ENTRY_POINT_GROUP)
        ]
    )
    assert registry.get("deltachat") is DeltaChatBackend
    (report,) = registry.reports()
    assert report.loaded, report.reason
    assert report.display_name == "Delta Chat (chat over e-mail)"
