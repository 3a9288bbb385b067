"""Logging set-up: every line names its account, files rotate, nothing secret at INFO.

Account-specific loggers come from :func:`app.session.account_logger`; lines from elsewhere show
``-`` as their account.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path
from typing import Any

FORMAT = "%(asctime)s %(levelname)-7s [%(account)s] %(name)s: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file readable by its owner only (0600), each rotated one too: log lines
    name accounts, contacts and rooms."""

    def _open(self) -> Any:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(fd, 0o600)  # a file an older version created with the default mode
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


class AccountFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "account"):
            record.account = "-"
        return True


def setup_logging(log_dir: Path | None, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    root.setLevel(level)
    formatter = logging.Formatter(FORMAT)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    handlers: list[logging.Handler] = [console]
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        handlers.append(
            PrivateRotatingFileHandler(
                log_dir / "chinwag.log", maxBytes=5_000_000, backupCount=3, encoding="utf-8"
            )
        )
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(AccountFilter())
        root.addHandler(handler)
    # Protocol libraries are chatty at INFO and may log message contents at DEBUG.
    for noisy in ("slixmpp", "nio", "irc", "aiohttp", "asyncio"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
