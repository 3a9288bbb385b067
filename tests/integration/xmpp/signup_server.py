"""A second Prosody for signing up and finding servers, and the DNS server that points at it.

The session's main Prosody serves ``localhost`` and every test sets its host and port. This one
serves names under ``chinwag.test`` that only the test DNS server (dnsmasq, :mod:`tests.integration.dns`)
knows, so the backend must *find* it from the address alone:

================================  ==============================================================
``chinwag.test``                  SRV ``_xmpps-client`` (direct TLS, XEP-0368) before
                                  ``_xmpp-client`` (STARTTLS); in-band registration open
``starttls.chinwag.test``         only ``_xmpp-client`` (STARTTLS)
``failover.chinwag.test``         first a direct-TLS target where nothing listens, then STARTTLS
``none.chinwag.test``             SRV target ``.``: "no XMPP service here" (RFC 2782)
``closed.chinwag.test``           registration closed (refused)
``certs.chinwag.test``            SASL EXTERNAL with a client certificate (mod_auth_ccert)
``hostmeta.chinwag.test``         no SRV records: found through host-meta (XEP-0156/0487), which
                                  a test serves over HTTPS
================================  ==============================================================

One certificate, signed by a per-run CA, names them all.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from chinwag.testing.support import TlsFiles, free_port, in_ci, make_tls_files, require_binary
from tests.integration.dns import DnsServer, Srv
from tests.integration.support import LOOPBACK, ServerProcess
from tests.integration.xmpp.server import Account

ZONE = "chinwag.test"
DOMAIN = ZONE
STARTTLS_ONLY = f"starttls.{ZONE}"
FAILOVER = f"failover.{ZONE}"
NO_SERVICE = f"none.{ZONE}"
CLOSED = f"closed.{ZONE}"
CERTS = f"certs.{ZONE}"
HOST_META = f"hostmeta.{ZONE}"
TARGET = f"xmpp.{ZONE}"
DEAD_TARGET = f"dead.{ZONE}"
VHOSTS = (DOMAIN, STARTTLS_ONLY, FAILOVER, NO_SERVICE, CLOSED, CERTS, HOST_META)
_ids = itertools.count(1)

CONFIG = """\
run_as_root = true
pidfile = "{root}/prosody.pid"
data_path = "{root}/data"
log = {{ info = "{root}/prosody.log"; error = "{root}/prosody.err" }}
plugin_paths = {{ "/usr/lib/prosody/modules" }}
modules_enabled = {{ "roster"; "saslauth"; "tls"; "disco"; "ping"; "register"; "posix" }}
modules_disabled = {{ "s2s" }}
c2s_require_encryption = true
authentication = "internal_hashed"
storage = "internal"
allow_registration = false
c2s_ports = {{ {c2s} }}
c2s_interfaces = {{ "{host}" }}
c2s_direct_tls_ports = {{ {direct} }}
c2s_direct_tls_interfaces = {{ "{host}" }}
s2s_ports = {{ }}
component_ports = {{ }}
http_ports = {{ }}
https_ports = {{ }}
ssl = {{ certificate = "{tls}/server.pem"; key = "{tls}/server.key" }}

VirtualHost "{domain}"
  allow_registration = true
VirtualHost "{starttls}"
VirtualHost "{failover}"
VirtualHost "{none}"
VirtualHost "{hostmeta}"
VirtualHost "{closed}"
  allow_registration = false
VirtualHost "{certs}"
  authentication = "ccert"
  certificate_match = "xmppaddr"
  ssl = {{
    certificate = "{tls}/server.pem"; key = "{tls}/server.key";
    cafile = "{tls}/ca.pem"; verify = {{ "peer"; "client_once" }};
  }}
"""


@dataclass
class SignupServer:
    """The second Prosody and its DNS server."""

    root: Path
    config: Path
    tls: TlsFiles
    c2s_port: int
    direct_tls_port: int
    dead_port: int
    prosody: ServerProcess
    dns: DnsServer
    prosodyctl: str

    @property
    def nameservers(self) -> tuple[str, ...]:
        return (self.dns.nameserver,)

    def register(self, user: str, password: str, domain: str = DOMAIN) -> Account:
        subprocess.run(
            [self.prosodyctl, "--config", str(self.config), "register", user, domain, password],
            env=dict(os.environ),
            check=True,
            capture_output=True,
            timeout=30,
        )
        return Account(f"{user}@{domain}", password)

    def new_account(self, prefix: str = "user", domain: str = DOMAIN) -> Account:
        user = f"{prefix}{next(_ids)}x{uuid.uuid4().hex[:6]}"
        return self.register(user, f"pw-{uuid.uuid4().hex[:10]}", domain)

    def unique_user(self, prefix: str = "new") -> str:
        return f"{prefix}{next(_ids)}x{uuid.uuid4().hex[:6]}"

    def exists(self, user: str, domain: str = DOMAIN) -> bool:
        """Whether Prosody stored an account (its data file)."""
        host = domain.replace(".", "%2e")
        return (self.root / "data" / host / "accounts" / f"{user}.dat").exists()

    def stop(self) -> None:
        self.prosody.stop()
        self.dns.stop()


def start_signup_server(root: Path) -> SignupServer:
    prosody = require_binary("prosody")
    prosodyctl = require_binary("prosodyctl")
    if not Path("/usr/lib/prosody/modules/mod_auth_ccert").exists():
        message = "prosody-modules is not installed (install it with: bash scripts/setup test)"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    root.mkdir(parents=True, exist_ok=True)
    (root / "data").mkdir(exist_ok=True)
    tls = make_tls_files(root / "tls", DOMAIN, also=(*VHOSTS[1:], TARGET))
    ports = set()
    while len(ports) < 3:
        ports.add(free_port())
    c2s, direct, dead = sorted(ports)
    config = root / "prosody.cfg.lua"
    config.write_text(
        CONFIG.format(
            root=root,
            tls=root / "tls",
            host=LOOPBACK,
            c2s=c2s,
            direct=direct,
            domain=DOMAIN,
            starttls=STARTTLS_ONLY,
            failover=FAILOVER,
            none=NO_SERVICE,
            closed=CLOSED,
            certs=CERTS,
            hostmeta=HOST_META,
        )
    )
    dns = DnsServer(
        root / "dns",
        zones=(ZONE,),
        srv=(
            Srv("xmpps-client", DOMAIN, TARGET, direct, priority=5, weight=10),
            Srv("xmpp-client", DOMAIN, TARGET, c2s, priority=10, weight=10),
            Srv("xmpp-client", STARTTLS_ONLY, TARGET, c2s),
            Srv("xmpps-client", FAILOVER, DEAD_TARGET, dead, priority=0),
            Srv("xmpp-client", FAILOVER, TARGET, c2s, priority=10),
            Srv("xmpp-client", NO_SERVICE, ".", 0),
            Srv("xmpps-client", NO_SERVICE, ".", 0),
            Srv("xmpp-client", CLOSED, TARGET, c2s),
            Srv("xmpp-client", CERTS, TARGET, c2s),
        ),
        hosts={TARGET: LOOPBACK, DEAD_TARGET: LOOPBACK, HOST_META: LOOPBACK},
    )
    process = ServerProcess(
        "prosody-signup",
        [prosody, "--config", str(config), "-F"],
        log_path=root / "prosody.out",
        cwd=root,
    )
    process.start(wait_ports=(c2s, direct))
    try:
        dns.start()
    except BaseException:
        process.stop()
        raise
    return SignupServer(root, config, tls, c2s, direct, dead, process, dns, prosodyctl)


@pytest.fixture(scope="session")
def signup_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SignupServer]:
    server = start_signup_server(tmp_path_factory.mktemp("prosody-signup"))
    try:
        yield server
    finally:
        server.stop()
