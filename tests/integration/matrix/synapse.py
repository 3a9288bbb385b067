"""A throwaway Synapse for the Matrix tests: one per pytest session, on free loopback ports.

Synapse is a *test server*, installed in its own virtual environment by ``bash scripts/setup-synapse``
(``.cache/synapse-venv``); it is never an app dependency. Without it the tests skip, except under
``CI=true``, where they fail (CI must never pass by skipping).

The server has two client listeners: plain HTTP on ``base_url`` (what most tests use through the
homeserver override) and TLS on ``tls_base_url`` with a per-run CA (``ca_file``). The server name is
``localhost:<tls port>`` and ``public_baseurl`` points at the TLS listener, so ``.well-known``
discovery from a user id can be tested for real. SQLite, no federation, registration without
verification, every ``rc_*`` rate limit raised.

This module is also a pytest plugin: :func:`ensure_plugin` registers it once per session, so the
``synapse`` fixture is shared by ``tests/integration/matrix`` and the contract harness (one server,
not two).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import itertools
import json
import os
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from chinwag.testing.support import TlsFiles, free_port, in_ci, make_tls_files
from tests.integration.support import LOOPBACK, ServerProcess

REPO = Path(__file__).resolve().parents[3]
SYNAPSE_PYTHON = REPO / ".cache" / "synapse-venv" / "bin" / "python"
INSTALL_HINT = "bash scripts/setup-synapse"
PLUGIN_NAME = "chinwag-synapse"

_HIGH = {"per_second": 10000, "burst_count": 100000}
_names = itertools.count(1)


def require_synapse() -> Path:
    """The Synapse interpreter, or skip (fail under CI) with the command that installs it."""
    if not SYNAPSE_PYTHON.exists():
        message = f"Synapse is not installed (install it with: {INSTALL_HINT})"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return SYNAPSE_PYTHON


def synapse_config(
    directory: Path, http_port: int, tls_port: int, tls: TlsFiles, shared_secret: str
) -> dict[str, Any]:
    """The homeserver config (JSON is YAML, so no YAML library is needed)."""
    server_name = f"localhost:{tls_port}"
    client = {"names": ["client"], "compress": False}
    return {
        "server_name": server_name,
        "public_baseurl": f"https://{server_name}/",
        "pid_file": str(directory / "homeserver.pid"),
        "listeners": [
            {
                "port": http_port,
                "bind_addresses": [LOOPBACK],
                "type": "http",
                "tls": False,
                "x_forwarded": False,
                "resources": [client],
            },
            {
                "port": tls_port,
                "bind_addresses": [LOOPBACK],
                "type": "http",
                "tls": True,
                "resources": [client],
            },
        ],
        "tls_certificate_path": str(tls.cert),
        "tls_private_key_path": str(tls.key),
        "database": {"name": "sqlite3", "args": {"database": str(directory / "homeserver.db")}},
        "log_config": str(directory / "log.config"),
        "media_store_path": str(directory / "media_store"),
        "signing_key_path": str(directory / "signing.key"),
        "report_stats": False,
        "trusted_key_servers": [],
        "federation_domain_whitelist": [],
        "suppress_key_server_warning": True,
        "enable_registration": True,
        "enable_registration_without_verification": True,
        "registration_shared_secret": shared_secret,
        "macaroon_secret_key": secrets.token_hex(16),
        "form_secret": secrets.token_hex(16),
        "bcrypt_rounds": 4,  # registration and login in milliseconds, not a quarter second
        "presence": {"enabled": True},
        # Synapse publishes public rooms to its directory only when a rule allows it.
        "room_list_publication_rules": [{"action": "allow"}],
        # Link previews (tests/integration/matrix/test_previews.py) from a page served on
        # loopback: every private range is refused except 127.0.0.1.
        "url_preview_enabled": True,
        "url_preview_ip_range_blacklist": [
            "127.0.0.0/8",
            "10.0.0.0/8",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "100.64.0.0/10",
            "169.254.0.0/16",
            "::1/128",
            "fe80::/10",
            "fc00::/7",
        ],
        "url_preview_ip_range_whitelist": ["127.0.0.1"],
        "enable_metrics": False,
        "rc_message": _HIGH,
        "rc_registration": _HIGH,
        "rc_registration_token_validity": _HIGH,
        "rc_login": {"address": _HIGH, "account": _HIGH, "failed_attempts": _HIGH},
        "rc_admin_redaction": _HIGH,
        "rc_joins": {"local": _HIGH, "remote": _HIGH},
        "rc_joins_per_room": _HIGH,
        "rc_key_requests": _HIGH,
        "rc_3pid_validation": _HIGH,
        "rc_invites": {"per_room": _HIGH, "per_user": _HIGH, "per_issuer": _HIGH},
        "rc_third_party_invite": _HIGH,
        "rc_media_create": _HIGH,
        "rc_presence": {"per_user": _HIGH},
        "rc_delayed_event_mgmt": _HIGH,
        "rc_room_creation": _HIGH,
        "rc_reports": _HIGH,
        "rc_user_directory": _HIGH,
        "rc_profile": _HIGH,
        "rc_federation": {
            "window_size": 1000,
            "sleep_limit": 10000,
            "sleep_delay": 1,
            "reject_limit": 10000,
            "concurrent": 100,
        },
    }


LOG_CONFIG = {
    "version": 1,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {"synapse.storage.SQL": {"level": "WARNING"}},
    "root": {"level": "INFO", "handlers": ["console"]},
    "disable_existing_loggers": False,
}


@dataclass
class Synapse:
    """A running test homeserver and the ways tests use it."""

    directory: Path
    http_port: int
    tls_port: int
    tls: TlsFiles
    shared_secret: str
    process: ServerProcess | None = None
    _users: dict[str, str] = field(default_factory=dict)
    _admin_token: str = ""

    @property
    def base_url(self) -> str:
        """Plain HTTP client listener (tests pass it as the homeserver override)."""
        return f"http://{LOOPBACK}:{self.http_port}"

    @property
    def tls_base_url(self) -> str:
        return f"https://localhost:{self.tls_port}"

    @property
    def server_name(self) -> str:
        return f"localhost:{self.tls_port}"

    @property
    def ca_file(self) -> Path:
        return self.tls.ca_cert

    @property
    def pid(self) -> int | None:
        return None if self.process is None else self.process.pid

    def mxid(self, localpart: str) -> str:
        return f"@{localpart}:{self.server_name}"

    def unique_name(self, prefix: str) -> str:
        """A fresh localpart, so tests sharing one server never share a user."""
        return f"{prefix}{next(_names)}x{secrets.token_hex(3)}"

    # -- HTTP helpers (blocking; async tests call them through asyncio.to_thread) ---------

    def request(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        token: str | None = None,
    ) -> tuple[int, dict[str, Any]]:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base_url + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            try:
                return exc.code, json.loads(raw or b"{}")
            except ValueError:
                return exc.code, {"raw": raw.decode(errors="replace")}

    def register(self, localpart: str, password: str, *, admin: bool = False) -> str:
        """Create a user through the shared-secret admin API; returns the user id."""
        status, nonce = self.request("GET", "/_synapse/admin/v1/register")
        assert status == 200, nonce
        parts = (nonce["nonce"], localpart, password, "admin" if admin else "notadmin")
        mac = hmac.new(
            self.shared_secret.encode(), b"\x00".join(p.encode() for p in parts), hashlib.sha1
        )
        body = {
            "nonce": nonce["nonce"],
            "username": localpart,
            "password": password,
            "admin": admin,
            "mac": mac.hexdigest(),
        }
        status, answer = self.request("POST", "/_synapse/admin/v1/register", body)
        assert status == 200, answer
        user_id = str(answer["user_id"])
        self._users[user_id] = password
        return user_id

    def login(self, user_id: str, password: str) -> str:
        """A fresh access token (a new device) for setup work done "by hand"."""
        status, answer = self.request(
            "POST",
            "/_matrix/client/v3/login",
            {
                "type": "m.login.password",
                "identifier": {"type": "m.id.user", "user": user_id},
                "password": password,
            },
        )
        assert status == 200, answer
        return str(answer["access_token"])

    def devices_of(self, user_id: str) -> set[str]:
        """The device ids the server holds for ``user_id`` (Synapse's admin API, so looking
        adds no device of the user's own)."""
        if not self._admin_token:
            admin = self.register(self.unique_name("admin"), "admin-password", admin=True)
            self._admin_token = self.login(admin, "admin-password")
        path = f"/_synapse/admin/v2/users/{urllib.parse.quote(user_id, safe='')}/devices"
        status, body = self.request("GET", path, None, self._admin_token)
        assert status == 200, body
        return {str(d["device_id"]) for d in body.get("devices", [])}

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        last: object = None
        while time.monotonic() < deadline:
            assert self.process is not None and self.process.proc is not None
            if self.process.proc.poll() is not None:
                raise RuntimeError(f"synapse exited:\n{self.process.log_tail()}")
            with contextlib.suppress(OSError, ValueError):
                status, _ = self.request("GET", "/_matrix/client/versions")
                if status == 200:
                    return
                last = status
            time.sleep(0.1)
        raise TimeoutError(f"synapse not ready ({last}):\n{self.log_tail()}")

    def log_tail(self, lines: int = 60) -> str:
        return self.process.log_tail(lines) if self.process else "(not started)"


def start_synapse(
    directory: Path,
    extra: Callable[[Synapse], dict[str, Any]] | None = None,
    *,
    wait: bool = True,
) -> Synapse:
    """Start a homeserver; ``extra(server)`` gives config keys to add or replace (it is called
    once the ports are known). ``wait=False`` returns once the process is started, so a caller
    can start another server meanwhile and call :meth:`Synapse.wait_ready` itself."""
    python = require_synapse()
    directory.mkdir(parents=True, exist_ok=True)
    http_port, tls_port = free_port(), free_port()
    while tls_port == http_port:
        tls_port = free_port()
    tls = make_tls_files(directory / "tls", "localhost")
    server = Synapse(directory, http_port, tls_port, tls, secrets.token_hex(16))
    config_path = directory / "homeserver.yaml"
    config = synapse_config(directory, http_port, tls_port, tls, server.shared_secret)
    if extra is not None:
        config.update(extra(server))
    config_path.write_text(json.dumps(config))
    (directory / "log.config").write_text(json.dumps(LOG_CONFIG))
    env = {"SYNAPSE_CACHE_FACTOR": "0.2"}
    # The signing key, written as `--generate-keys` would (a whole extra Synapse start, 3-10 s
    # on a loaded machine): "ed25519 a_<id> <unpadded base64 of a 32-byte seed>".
    seed = base64.b64encode(secrets.token_bytes(32)).decode().rstrip("=")
    signing_key = directory / "signing.key"
    signing_key.write_text(f"ed25519 a_{secrets.token_hex(2)} {seed}\n")
    signing_key.chmod(0o600)
    server.process = ServerProcess(
        "synapse",
        [str(python), "-m", "synapse.app.homeserver", "-c", str(config_path)],
        log_path=directory / "homeserver.log",
        env=env,
        cwd=directory,
    )
    server.process.start(wait_ports=(http_port, tls_port) if wait else (), timeout=90)
    if not wait:
        return server
    try:
        server.wait_ready()
    except BaseException:
        server.process.stop()
        raise
    return server


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synapse]:
    """One Synapse for the whole session; stopped by its own pid at the end."""
    require_synapse()
    server = start_synapse(tmp_path_factory.mktemp("synapse"))
    try:
        yield server
    finally:
        assert server.process is not None
        server.process.stop()
        if os.environ.get("CHINWAG_KEEP_SYNAPSE_LOG"):
            print(server.log_tail(200))


def ensure_plugin(config: pytest.Config) -> None:
    """Register this module as a plugin once, so its fixture is visible to every test."""
    import sys

    module = sys.modules[__name__]
    manager = config.pluginmanager
    if manager.get_plugin(PLUGIN_NAME) is None and not manager.is_registered(module):
        manager.register(module, PLUGIN_NAME)
