"""Build the wheel, the sdist and the one-folder bundle for the tests, each at most once.

The bundle (PyInstaller, ~1 min on 2 cores) is cached under ``.cache/packaging/`` keyed by a hash
of everything that goes into it — the sources of app/, backends/ and ui/, the translations, the
recipe, and the versions of Python and of every installed distribution — so later runs on the same
checkout reuse it, and any change rebuilds it. Only the newest bundle is kept.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chinwag.testing.support import require_module as kit_require_module

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "packaging"
SPEC = ROOT / "packaging" / "pyinstaller" / "chinwag.spec"
BUNDLE_INPUTS = ("app", "backends", "ui")
EXTRA_INPUTS = (
    SPEC,
    ROOT / "packaging" / "org.chinwag.Chinwag.desktop",
    ROOT / "packaging" / "icons" / "hicolor" / "scalable" / "apps" / "org.chinwag.Chinwag.svg",
)
SETUP_HINT = ".venv/bin/pip install build pyinstaller pyyaml (the lead adds them to the test extra)"


def require_module(name: str) -> None:
    """The kit's :func:`chinwag.testing.support.require_module` with the build tools' hint."""
    kit_require_module(name, SETUP_HINT)


def inputs_hash() -> str:
    digest = hashlib.sha256()
    files = [p for d in BUNDLE_INPUTS for p in sorted((ROOT / d).rglob("*")) if p.is_file()]
    for path in [*files, *EXTRA_INPUTS]:
        if "__pycache__" in path.parts or path.suffix in (".pyc", ".ts"):
            continue
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(sys.version.encode())
    versions = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    )
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()[:16]


def build_bundle() -> tuple[Path, float | None]:
    """The bundle's folder (``…/dist/chinwag``), built now or reused; and the build's seconds."""
    require_module("PyInstaller")
    key = inputs_hash()
    home = CACHE / f"bundle-{key}"
    folder = home / "dist" / "chinwag"
    stamp = home / "complete"
    if stamp.exists() and (folder / "chinwag").exists():
        return folder, None
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob("bundle-*"):
        shutil.rmtree(old, ignore_errors=True)
    started = time.monotonic()
    log = home / "build.log"
    home.mkdir(parents=True)
    with log.open("wb") as out:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--log-level=WARN",
                "--distpath",
                str(home / "dist"),
                "--workpath",
                str(home / "work"),
                str(SPEC),
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=900,
            check=False,
        )
    if result.returncode != 0:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-40:])
        pytest.fail(f"PyInstaller failed ({result.returncode}):\n{tail}", pytrace=False)
    shutil.rmtree(home / "work", ignore_errors=True)  # 100+ MB of intermediate files
    stamp.write_text(key)
    return folder, time.monotonic() - started


def build_python_dists(out_dir: Path) -> tuple[Path, Path]:
    """``python -m build``: the sdist, then the wheel built from that sdist (so it is complete)."""
    require_module("build")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out_dir), str(ROOT)],
        cwd=out_dir,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    (wheel,) = out_dir.glob("chinwag-*.whl")
    (sdist,) = out_dir.glob("chinwag-*.tar.gz")
    return wheel, sdist


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
