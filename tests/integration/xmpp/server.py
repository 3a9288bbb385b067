"""A real Prosody for the XMPP tests: generated config, free loopback ports, a per-run CA.

One server serves the whole test session (integration and contract suites alike): :func:`prosody`
is the session fixture, and :func:`shared_prosody` lets code without fixtures (the contract harness)
reach the same instance. Every test creates its own accounts with ``prosodyctl``, so tests never
share a roster, an archive or a stream.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from chinwag.testing.support import TlsFiles, free_port, make_tls_files, require_binary
from tests.integration.support import LOOPBACK, ServerProcess

DOMAIN = "localhost"
MUC = f"conference.{DOMAIN}"
UPLOAD = f"upload.{DOMAIN}"
_STASH_KEY = pytest.StashKey["ProsodyServer"]()
_ids = itertools.count(1)

CONFIG = """\
-- Generated for one test run; ports come from the environment so instances can run side by side.
run_as_root = true
pidfile = "{root}/prosody.pid"
data_path = "{root}/data"
certificates = "{tls}"
log = {{ info = "{root}/prosody.log"; error = "{root}/prosody.err" }}
admins = {{ }}
modules_enabled = {{
  "roster"; "saslauth"; "tls"; "disco"; "carbons"; "pep"; "private"; "blocklist";
  "vcard4"; "vcard_legacy"; "version"; "uptime"; "time"; "ping"; "mam"; "csi_simple";
  "smacks"; "bookmarks"; "offline"; "posix";
}}
modules_disabled = {{ "s2s" }}
allow_registration = false
c2s_require_encryption = true
authentication = "internal_hashed"
storage = "internal"
archive_expires_after = "never"
default_archive_policy = true
max_archive_query_results = 200
smacks_hibernation_time = 120
c2s_stanza_size_limit = 4 * 1024 * 1024
c2s_ports = {{ tonumber(os.getenv("CHINWAG_C2S_PORT") or "0") }}
c2s_interfaces = {{ "{host}" }}
c2s_direct_tls_ports = {{ tonumber(os.getenv("CHINWAG_C2S_TLS_PORT") or "0") }}
c2s_direct_tls_interfaces = {{ "{host}" }}
s2s_ports = {{ }}
component_ports = {{ }}
http_ports = {{ }}
https_ports = {{ tonumber(os.getenv("CHINWAG_HTTPS_PORT") or "0") }}
https_interfaces = {{ "{host}" }}
http_interfaces = {{ "{host}" }}
ssl = {{ certificate = "{tls}/server.pem"; key = "{tls}/server.key" }}

VirtualHost "{domain}"
  ssl = {{ certificate = "{tls}/server.pem"; key = "{tls}/server.key" }}

Component "{muc}" "muc"
  modules_enabled = {{ "muc_mam"; "vcard_muc"; "muc_moderation" }}
  muc_log_by_default = true
  muc_log_all_rooms = false
  restrict_room_creation = false

Component "{upload}" "http_file_share"
  http_host = "{domain}"
  http_external_url = "https://{domain}:" .. (os.getenv("CHINWAG_HTTPS_PORT") or "0") .. "/"
  http_file_share_size_limit = 10 * 1024 * 1024
"""


@dataclass(frozen=True)
class Account:
    jid: str
    password: str

    @property
    def user(self) -> str:
        return self.jid.partition("@")[0]


@dataclass
class ProsodyServer:
    root: Path
    config: Path
    tls: TlsFiles
    c2s_port: int
    direct_tls_port: int
    https_port: int
    env: dict[str, str]
    process: ServerProcess
    prosodyctl: str
    accounts: list[Account] = field(default_factory=list)

    domain = DOMAIN
    muc = MUC
    upload = UPLOAD
    host = LOOPBACK

    def register(self, user: str, password: str) -> Account:
        subprocess.run(
            [self.prosodyctl, "--config", str(self.config), "register", user, DOMAIN, password],
            env={**os.environ, **self.env},
            check=True,
            capture_output=True,
            timeout=30,
        )
        account = Account(f"{user}@{DOMAIN}", password)
        self.accounts.append(account)
        return account

    def new_account(self, prefix: str = "user") -> Account:
        """A fresh account no other test has touched."""
        user = f"{prefix}{next(_ids)}x{uuid.uuid4().hex[:6]}"
        return self.register(user, f"pw-{uuid.uuid4().hex[:10]}")

    def settings(
        self, account: Account, **overrides: str | int | bool
    ) -> dict[str, str | int | bool]:
        """Backend settings that reach this server and trust its CA."""
        values: dict[str, str | int | bool] = {
            "jid": account.jid,
            "resource": "chinwag",
            "host": LOOPBACK,
            "port": self.c2s_port,
            "tls_mode": "starttls",
            "ca_file": str(self.tls.ca_cert),
        }
        values.update(overrides)
        return {k: v for k, v in values.items() if v != ""}

    def log_tail(self) -> str:
        return self.process.log_tail()

    def stop(self) -> None:
        self.process.stop()


def start_prosody(root: Path) -> ProsodyServer:
    prosody = require_binary("prosody")
    prosodyctl = require_binary("prosodyctl")
    root.mkdir(parents=True, exist_ok=True)
    (root / "data").mkdir(exist_ok=True)
    tls = make_tls_files(root / "tls", DOMAIN)
    config = root / "prosody.cfg.lua"
    config.write_text(
        CONFIG.format(
            root=root, tls=root / "tls", host=LOOPBACK, domain=DOMAIN, muc=MUC, upload=UPLOAD
        )
    )
    ports = {"CHINWAG_C2S_PORT": free_port()}
    while True:
        ports["CHINWAG_C2S_TLS_PORT"] = free_port()
        ports["CHINWAG_HTTPS_PORT"] = free_port()
        if len(set(ports.values())) == 3:
            break
    env = {k: str(v) for k, v in ports.items()}
    process = ServerProcess(
        "prosody",
        [prosody, "--config", str(config), "-F"],
        log_path=root / "prosody.out",
        env=env,
        cwd=root,
    )
    process.start(wait_ports=list(ports.values()))
    return ProsodyServer(
        root=root,
        config=config,
        tls=tls,
        c2s_port=ports["CHINWAG_C2S_PORT"],
        direct_tls_port=ports["CHINWAG_C2S_TLS_PORT"],
        https_port=ports["CHINWAG_HTTPS_PORT"],
        env=env,
        process=process,
        prosodyctl=prosodyctl,
    )


def shared_prosody(request: pytest.FixtureRequest) -> ProsodyServer:
    """The session's Prosody, started on first use and stopped (by pid) when the session ends."""
    config = request.config
    server = config.stash.get(_STASH_KEY, None)
    if server is None:
        factory: pytest.TempPathFactory = request.getfixturevalue("tmp_path_factory")
        server = start_prosody(factory.mktemp("prosody"))
        config.stash[_STASH_KEY] = server
        config.add_cleanup(server.stop)
    return server


@pytest.fixture(scope="session")
def prosody(request: pytest.FixtureRequest) -> ProsodyServer:
    return shared_prosody(request)
