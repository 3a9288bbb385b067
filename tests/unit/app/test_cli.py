"""``chinwag --list-backends`` with real entry points from a throwaway installed distribution."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run_chinwag(*args: str, site: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in (site, ROOT) if p)
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_list_backends_reports_good_and_broken_plugins(tmp_path: Path) -> None:
    dist = tmp_path / "chinwag_testplugins-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: chinwag-testplugins\nVersion: 1.0\n"
    )
    (dist / "entry_points.txt").write_text(
        "[chinwag.backends]\n"
        "good = tests.unit.app.test_registry:GoodBackend\n"
        "broken = no_such_module_anywhere:Backend\n"
        "wrongname = tests.unit.app.test_registry:GoodBackend\n"
    )
    result = run_chinwag("--list-backends", site=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert " ok " in lines["good"] and "Good" in lines["good"]
    assert "REJECTED" in lines["broken"] and "ModuleNotFoundError" in lines["broken"]
    assert "REJECTED" in lines["wrongname"] and "entry-point name" in lines["wrongname"]


def test_version_and_unknown_frontend() -> None:
    assert run_chinwag("--version").stdout.startswith("chinwag ")
    result = run_chinwag("--frontend", "nonesuch")
    assert result.returncode == 2
    assert "no front end 'nonesuch'" in result.stderr and "qt" in result.stderr


def report_collection(args: object) -> int:
    """A front end (below) that says whether Python's automatic collection is on in it."""
    import gc

    print("collecting" if gc.isenabled() else "paused")
    return 0


def report_collection_itself(args: object) -> int:
    return report_collection(args)


report_collection_itself.collects_itself = True  # type: ignore[attr-defined]


def test_a_front_end_that_collects_itself_starts_with_collection_paused(tmp_path: Path) -> None:
    """The core's and the front end's imports run without automatic collections (40-90 ms
    before the window); a front end that does not say it collects itself gets it on again."""
    dist = tmp_path / "chinwag_testfrontends-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: chinwag-testfrontends\nVersion: 1.0\n"
    )
    (dist / "entry_points.txt").write_text(
        "[chinwag.frontends]\n"
        "plain = tests.unit.app.test_cli:report_collection\n"
        "itself = tests.unit.app.test_cli:report_collection_itself\n"
    )
    plain = run_chinwag("--frontend", "plain", site=tmp_path)
    itself = run_chinwag("--frontend", "itself", site=tmp_path)
    assert (plain.returncode, plain.stdout.strip()) == (0, "collecting"), plain.stderr
    assert (itself.returncode, itself.stdout.strip()) == (0, "paused"), itself.stderr
