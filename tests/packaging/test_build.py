"""The standalone builds: a wheel and an sdist (``python -m build``) that install and run, and the
one-folder PyInstaller bundle, started on a virtual screen with an empty profile until a screen
reader sees its first-run window; a second launch of the bundle hands its link over and exits.

Sizes go to ``test-artifacts/packaging/sizes.json``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tarfile
import time
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import __version__
from chinwag.testing.support import in_ci
from tests.packaging.builds import ROOT, build_bundle, build_python_dists, folder_size

ATSPI_DUMP = ROOT / "tests" / "integration" / "app" / "atspi_dump.py"
SIZES = ROOT / "test-artifacts" / "packaging" / "sizes.json"
SYSTEM_PYTHON = "/usr/bin/python3"


def record_size(name: str, size: int) -> None:
    SIZES.parent.mkdir(parents=True, exist_ok=True)
    sizes = json.loads(SIZES.read_text()) if SIZES.exists() else {}
    sizes[name] = {"bytes": size, "MB": round(size / 1e6, 1)}
    SIZES.write_text(json.dumps(sizes, indent=2) + "\n")
    print(f"{name}: {size / 1e6:.1f} MB")


def fail_or_skip(message: str) -> None:
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def python_dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    wheel, sdist = build_python_dists(tmp_path_factory.mktemp("dists"))
    record_size("wheel", wheel.stat().st_size)
    record_size("sdist", sdist.stat().st_size)
    return wheel, sdist


@pytest.fixture(scope="session")
def bundle() -> Path:
    folder, seconds = build_bundle()
    if seconds is not None:
        print(f"bundle built in {seconds:.0f} s")
    record_size("bundle", folder_size(folder))
    return folder


# -- wheel and sdist ---------------------------------------------------------------------------


def test_the_wheel_holds_the_packages_translations_and_entry_points(
    python_dists: tuple[Path, Path],
) -> None:
    wheel, _ = python_dists
    assert wheel.name == f"chinwag-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        info = f"chinwag-{__version__}.dist-info"
        entry_points = zf.read(f"{info}/entry_points.txt").decode()
        metadata = zf.read(f"{info}/METADATA").decode()
    for needed in (
        "app/cli.py",
        "app/uri.py",
        "backends/irc/__init__.py",
        "backends/matrix/__init__.py",
        "backends/xmpp/__init__.py",
        "ui/main.py",
        "ui/single_instance.py",
        "ui/uri_handler.py",
        "ui/i18n/chinwag_en.qm",
        "ui/i18n/chinwag_de.qm",
        "ui/i18n/chinwag_fr.qm",
        "ui/i18n/chinwag_es.qm",
        "app/i18n.py",
        "chinwag/testing/__init__.py",
        "chinwag/testing/contract.py",
        "chinwag/testing/plugin.py",
        "chinwag/testing/support.py",
    ):
        assert needed in names, needed
    assert not any(n.startswith(("tests/", "packaging/", "benchmarks/")) for n in names)
    for line in (
        "chinwag = app.cli:main",
        "qt = ui.main:run",
        "xmpp = backends.xmpp:XmppBackend",
        "matrix = backends.matrix:MatrixBackend",
        "irc = backends.irc:IrcBackend",
        "chinwag = chinwag.testing.plugin",
    ):
        assert line in entry_points, line
    assert "[gui_scripts]" in entry_points
    assert "[pytest11]" in entry_points  # the conformance kit, loaded by pytest anywhere
    assert "Requires-Dist: PySide6-Essentials" in metadata


def test_the_sdist_holds_the_sources(python_dists: tuple[Path, Path]) -> None:
    _, sdist = python_dists
    top = f"chinwag-{__version__}"
    with tarfile.open(sdist) as tf:
        names = set(tf.getnames())
    for needed in ("pyproject.toml", "README.md", "app/uri.py", "ui/i18n/chinwag_en.qm"):
        assert f"{top}/{needed}" in names, needed
    # (the wheel above was built from this sdist by `python -m build`, so it is complete)


def test_the_installed_wheel_runs(python_dists: tuple[Path, Path], tmp_path: Path) -> None:
    """Into a fresh environment (its dependencies borrowed from the dev one): the command works."""
    wheel, _ = python_dists
    target = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(target)
    purelib = subprocess.run(
        [target / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    dev_site = subprocess.run(
        [sys.executable, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # Without PYTHONPATH: a checkout on it (as in a worktree's test run) holds chinwag.egg-info,
    # and pip would find chinwag "already installed" and install nothing.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CHINWAG_PROFILE")}
    install = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "--python", str(target / "bin" / "python")),
            *("install", "--no-deps", "--no-index", "--quiet", str(wheel)),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    Path(purelib, "dev-dependencies.pth").write_text(dev_site + "\n")
    where = subprocess.run(
        [target / "bin" / "python", "-c", "import app, ui; print(app.__file__, ui.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    ).stdout
    assert where.count(str(target)) == 2, where  # the wheel's copy, not the checkout
    kit = subprocess.run(
        [
            target / "bin" / "python",
            "-c",
            "import importlib.metadata as m, chinwag.testing as t, chinwag.testing.support; "
            "print(t.__file__, [e.value for e in m.entry_points(group='pytest11')])",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    ).stdout
    assert str(target) in kit, kit  # the kit imports from the installed wheel
    assert "chinwag.testing.plugin" in kit, kit  # and pytest finds it as a plugin
    listed = subprocess.run(
        [target / "bin" / "chinwag", "--list-backends"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    for name in ("irc", "matrix", "xmpp"):
        assert any(
            line.startswith(name) and " ok " in line for line in listed.stdout.splitlines()
        ), listed.stdout


# -- the one-folder bundle ---------------------------------------------------------------------


def test_the_bundle_falls_back_to_its_built_in_plugins(bundle: Path, tmp_path: Path) -> None:
    """A frozen app has no entry points: the built-in backends are listed all the same."""
    assert not list(bundle.rglob("chinwag-*.dist-info")), "the fallback would not be exercised"
    listed = subprocess.run(
        [bundle / "chinwag", "--list-backends"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    for name in ("irc", "matrix", "xmpp"):
        assert any(line.startswith(name) and " ok " in line for line in lines), listed.stdout


def atspi_nodes(env: dict[str, str], seconds: int = 30) -> list[dict[str, object]]:
    dump = subprocess.run(
        [SYSTEM_PYTHON, str(ATSPI_DUMP), "Chinwag", str(seconds)],
        env=env,
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=False,
    )
    assert dump.returncode == 0, dump.stdout + dump.stderr
    return [json.loads(line) for line in dump.stdout.splitlines() if line.startswith("{")]


def shown(nodes: list[dict[str, object]]) -> set[tuple[object, object]]:
    return {(n["role"], n["name"]) for n in nodes if n["showing"]}


@pytest.fixture
def bundle_env(x_display: str) -> Iterator[dict[str, str]]:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        fail_or_skip("no D-Bus session (run the tests through scripts/test)")
    if subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], check=False).returncode != 0:
        fail_or_skip("python3-pyatspi is not installed (bash scripts/setup test)")
    yield {
        **{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CHINWAG_PROFILE")},
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "QT_ACCESSIBILITY": "1",
    }


def test_the_bundle_starts_on_a_screen_and_takes_links_from_a_second_launch(
    bundle: Path, bundle_env: dict[str, str], tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    started = time.monotonic()
    app = subprocess.Popen(
        [bundle / "chinwag", "--profile", str(profile)],
        env=bundle_env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        first = shown(atspi_nodes(bundle_env))
        assert ("push button", "Add an account") in first, first
        assert ("label", "Welcome to Chinwag") in first, first
        assert any(role == "frame" and "Chinwag" in str(name) for role, name in first), first
        print(f"bundle: first-run window on screen after {time.monotonic() - started:.2f} s")

        # A click on an ircs: link starts the bundle again: it hands the link over and exits 0.
        second = subprocess.run(
            [bundle / "chinwag", "--profile", str(profile), "ircs://irc.example.org/#chinwag"],
            env=bundle_env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 0, second.stdout + second.stderr
        # No IRC account yet: the running instance offers to add one.
        deadline = time.monotonic() + 30
        while True:
            nodes = shown(atspi_nodes(bundle_env))
            if ("dialog", "Add an account") in nodes or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert ("dialog", "Add an account") in nodes, nodes
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            out, _ = app.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
            out, _ = app.communicate()
    assert app.returncode == 0, out.decode(errors="replace")
    log = (profile / "logs" / "chinwag.log").read_text()
    assert "Traceback" not in log, log
