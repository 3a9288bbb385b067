"""slixmpp comes without Pygments (its debug-log colouring, 4.2 MB), and works without it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from backends.xmpp.lean_slixmpp import installed_version


def test_the_backend_imports_slixmpp_without_pygments_and_pygments_still_imports_later() -> None:
    code = """
import json, sys
import backends.xmpp
loaded = "pygments" in sys.modules
plain = str(sys.modules["slixmpp.xmlstream.tostring"].highlight("<message/>"))
import pygments  # undone after slixmpp's import: whoever needs it later gets it
print(json.dumps([loaded, plain, pygments.__name__]))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [False, "<message/>", "pygments"]


def test_slixmpp_gets_its_version_without_importlib_metadata_and_the_same_one() -> None:
    code = """
import json, sys
import backends.xmpp
import slixmpp
from slixmpp.plugins.xep_0115 import caps  # takes slixmpp's __version__ for its software name
loaded = "importlib.metadata" in sys.modules
import importlib.metadata
expected = importlib.metadata.version("slixmpp")
print(json.dumps([loaded, slixmpp.__version__, expected, list(slixmpp.__version_info__),
                  slixmpp.version.__version__, caps.__version__]))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    loaded, version, expected, info, module_version, caps_version = json.loads(
        done.stdout.strip().splitlines()[-1]
    )
    assert loaded is False
    assert version == expected == module_version == caps_version
    assert info == [int(part) for part in expected.split(".")[:3]]


def test_the_version_is_read_from_the_one_dist_info_beside_the_package(tmp_path: Path) -> None:
    package = tmp_path / "slixmpp"
    package.mkdir()
    assert installed_version(package, "slixmpp") is None  # no metadata: slixmpp's own module runs
    info = tmp_path / "slixmpp-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: slixmpp\n\nVersion: 9\n")
    assert installed_version(package, "slixmpp") is None  # a body line is not a header
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: slixmpp\nVersion: 1.2.3\n\n")
    assert installed_version(package, "slixmpp") == "1.2.3"
    other = tmp_path / "slixmpp-1.2.4.dist-info"
    other.mkdir()
    (other / "METADATA").write_text("Version: 1.2.4\n")
    assert installed_version(package, "slixmpp") is None  # two installs: ask importlib.metadata
