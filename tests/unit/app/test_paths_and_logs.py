"""Files that hold messages or name people are readable by their owner only (issue 13): the
profile folder we create, and the log file with each rotated copy."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.logs import PrivateRotatingFileHandler, setup_logging
from app.paths import AppPaths


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_profile_folder_and_its_folders_are_private(tmp_path: Path) -> None:
    paths = AppPaths.in_profile(tmp_path / "new" / "profile")
    paths.ensure()
    assert mode(tmp_path / "new" / "profile") == 0o700
    for folder in (paths.config_dir, paths.data_dir, paths.cache_dir, paths.log_dir):
        assert mode(folder) == 0o700


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_the_log_file_and_its_rotations_are_private(
    tmp_path: Path, root_logger: logging.Logger
) -> None:
    old = tmp_path / "logs" / "chinwag.log"
    old.parent.mkdir()
    old.write_text("from an older version\n")
    old.chmod(0o644)
    setup_logging(tmp_path / "logs")
    logging.getLogger("chinwag.test").warning("hello")
    assert mode(old) == 0o600
    handler = next(h for h in root_logger.handlers if isinstance(h, PrivateRotatingFileHandler))
    handler.doRollover()
    logging.getLogger("chinwag.test").warning("after the rotation")
    assert mode(old) == 0o600
    assert mode(tmp_path / "logs" / "chinwag.log.1") == 0o600
