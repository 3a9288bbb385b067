"""The IRC servers of the test session: InspIRCd 3 + Atheme services, and ngIRCd.

Both are Debian packages started with generated configs on free loopback ports, each once per
pytest session, and stopped by their own pid. This module is registered as a pytest plugin (see
:func:`ensure_plugin`) by the IRC integration tests *and* by the contract harness, so one session
starts one server whichever suites it runs.

InspIRCd gets TLS with a per-run CA, the modules for the IRCv3 features the backend uses, and a
server link to Atheme, which provides NickServ and SASL (PLAIN and EXTERNAL). Facts learnt the hard
way: config comments must be ``#``; ``&env.NAME;`` reads the ports from the environment; every
client registration takes about a second (a server timer); ``commandrate``/``threshold``/
``localmax`` must be raised or the tests trip the flood limits; Atheme's ``protocol/inspircd`` needs
``m_deaf`` (and likes ``svshold``/``servprotect``), a ``<link>``, a ``<uline>`` and
``<sasl target=…>``; SASL shows up in CAP LS a moment after Atheme has linked; NickServ refuses
``@localhost`` e-mail addresses.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import ssl
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from chinwag.testing.support import TlsFiles, free_port, make_tls_files, require_binary
from tests.integration.support import LOOPBACK, ServerProcess

PLUGIN_NAME = "chinwag-irc-servers"
INSTALL_HINT = "apt-get install inspircd atheme-services ngircd"
LINK_PASSWORD = "chinwag-link-secret"
SERVER_PASSWORD = "let-me-in"
PASSWORD = "correct-horse-battery"
"""The services password of every pre-registered account."""
ACCOUNTS = ("chinwag", "contract", "reconnect", "nickserv1")
"""Accounts registered with NickServ at start (password :data:`PASSWORD`)."""
CERT_ACCOUNT = "certuser"
"""An account that knows the client certificate (SASL EXTERNAL)."""


@dataclass
class ClientCert:
    cert: Path  # PEM, certificate and key together
    fingerprint_sha256: str


@dataclass
class IrcServer:
    """One running test network, as the tests need to know it."""

    kind: str  # "inspircd" | "ngircd"
    port: int  # plain text
    tls_port: int | None = None
    password_port: int | None = None  # a port that wants SERVER_PASSWORD
    tls: TlsFiles | None = None
    services: bool = False
    client_cert: ClientCert | None = None
    processes: list[ServerProcess] = field(default_factory=list)
    directory: Path | None = None

    host: str = LOOPBACK

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.stop()

    def log_tail(self, lines: int = 40) -> str:
        return "\n\n".join(f"== {p.name}\n{p.log_tail(lines)}" for p in self.processes)


# -- a tiny blocking client, for setting things up -------------------------------------------


class _Blocking:
    """Just enough IRC to register accounts before the tests start (no asyncio: this may run
    while the test's event loop is already running)."""

    def __init__(self, port: int, nick: str, *, tls: ssl.SSLContext | None = None) -> None:
        raw = socket.create_connection((LOOPBACK, port), timeout=15)
        self.sock: socket.socket = (
            tls.wrap_socket(raw, server_hostname="localhost") if tls is not None else raw
        )
        self.sock.settimeout(15)
        self.buffer = b""
        self.nick = nick
        self.send(f"NICK {nick}")
        self.send(f"USER {nick[:10]} 0 * :{nick}")
        self.wait_for(lambda line: f" 001 {nick} " in line)

    def send(self, line: str) -> None:
        self.sock.sendall(line.encode() + b"\r\n")

    def lines(self, deadline: float) -> Iterator[str]:
        while time.monotonic() < deadline:
            while b"\n" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\n", 1)
                line = raw.decode(errors="replace").rstrip("\r")
                if line.startswith("PING"):
                    self.send("PONG" + line[4:])
                yield line
            try:
                chunk = self.sock.recv(65536)
            except TimeoutError:
                continue
            if not chunk:
                return
            self.buffer += chunk

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 60.0) -> str:
        for line in self.lines(time.monotonic() + timeout):
            if predicate(line):
                return line
        raise TimeoutError(f"{self.nick}: no expected line within {timeout} s")

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.send("QUIT :done")
        self.sock.close()


def register_account(
    port: int, name: str, password: str, *, tls: ssl.SSLContext | None = None, cert: bool = False
) -> None:
    """Register ``name`` with NickServ (and, with ``cert``, add the connection's client cert)."""
    client = _Blocking(port, name, tls=tls)
    try:
        client.send(f"PRIVMSG NickServ :REGISTER {password} {name}@example.org")
        client.wait_for(lambda line: "NOTICE" in line and "registered" in line.lower())
        if cert:
            client.send("PRIVMSG NickServ :CERT ADD")
            client.wait_for(lambda line: "NOTICE" in line and "added" in line.lower())
    finally:
        client.close()


def sasl_offered(port: int) -> bool:
    try:
        with socket.create_connection((LOOPBACK, port), timeout=5) as sock:
            sock.sendall(b"CAP LS 302\r\n")
            sock.settimeout(5)
            data = b""
            while b"\n" not in data:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                data += chunk
            return b" LS " in data and b"sasl" in data
    except OSError:
        return False


# -- config files ------------------------------------------------------------------------------

INSPIRCD_MODULES = (
    "cap",
    "ircv3",
    "ircv3_accounttag",
    "ircv3_batch",
    "ircv3_capnotify",
    "ircv3_chghost",
    "ircv3_ctctags",
    "ircv3_echomessage",
    "ircv3_invitenotify",
    "ircv3_labeledresponse",
    "ircv3_msgid",
    "ircv3_servertime",
    "monitor",
    "namesx",
    "uhnames",
    "sasl",
    "ssl_gnutls",
    "sslinfo",
    "services_account",
    "spanningtree",
    "deaf",
    "svshold",
    "servprotect",
    "chanhistory",
    "silence",
    "callerid",
)


def inspircd_config(directory: Path, tls: TlsFiles) -> str:
    modules = "\n".join(f'<module name="{m}">' for m in INSPIRCD_MODULES)
    return f"""# Generated for the Chinwag IRC tests; ports come from the environment.
<server name="irc.test" description="Chinwag test network" network="ChinwagTest" id="001">
<admin name="Chinwag tests" nick="tests" email="tests@example.org">
<bind address="{LOOPBACK}" port="&env.CHINWAG_IRC_PLAIN;" type="clients">
<bind address="{LOOPBACK}" port="&env.CHINWAG_IRC_TLS;" type="clients" sslprofile="Clients">
<bind address="{LOOPBACK}" port="&env.CHINWAG_IRC_LINK;" type="servers">
<bind address="{LOOPBACK}" port="&env.CHINWAG_IRC_PASS;" type="clients">
# Only the PASS port asks for a server password; the first matching class wins.
<connect name="withpass" allow="*" port="&env.CHINWAG_IRC_PASS;" password="{SERVER_PASSWORD}"
         timeout="60" threshold="1000" commandrate="1000000" fakelag="no" localmax="1000"
         globalmax="1000" useident="no" resolvehostnames="no">
<connect name="main" allow="*" port="&env.CHINWAG_IRC_PLAIN;,&env.CHINWAG_IRC_TLS;"
         timeout="60" threshold="1000" commandrate="1000000" fakelag="no"
         pingfreq="120" hardsendq="4194304" softsendq="1048576" recvq="65536"
         localmax="1000" globalmax="1000" useident="no" resolvehostnames="no" maxchans="200">
<pid file="{directory}/inspircd.pid">
<log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="{directory}/ircd.log">
<channels users="200" opers="200">
<dns timeout="1">
<options prefixquit="Quit: " syntaxhints="no" announcets="yes" hostintopic="yes"
         pingwarning="15" splitwhois="no" exemptchanops="">
<security hideserver="" userstats="Pu" customversion="" flatlinks="no" hidesplits="no"
          hideulines="no" hidebans="no" maxtargets="20">
<performance quietbursts="yes" softlimit="1024" somaxconn="128" netbuffersize="10240">
{modules}
<chanhistory maxlines="50" prefixmsg="no" bots="yes">
<sasl target="services.test" requiressl="no">
<sslprofile name="Clients" provider="gnutls" certfile="{tls.cert}" keyfile="{tls.key}"
            dhfile="" requestclientcert="yes" hash="sha256">
<link name="services.test" ipaddr="{LOOPBACK}" port="&env.CHINWAG_IRC_LINK;"
      allowmask="127.0.0.0/8" sendpass="{LINK_PASSWORD}" recvpass="{LINK_PASSWORD}">
<uline server="services.test" silent="yes">
"""


ATHEME_MODULES = (
    "protocol/inspircd",
    "backend/opensex",
    "crypto/pbkdf2v2",
    "nickserv/main",
    "nickserv/identify",
    "nickserv/register",
    "nickserv/cert",
    "nickserv/help",
    "nickserv/info",
    "nickserv/ghost",
    "nickserv/logout",
    "saslserv/main",
    "saslserv/plain",
    "saslserv/external",
)


def atheme_config(directory: Path, link_port: int) -> str:
    modules = "\n".join(f'loadmodule "modules/{m}";' for m in ATHEME_MODULES)
    return f"""/* Generated for the Chinwag IRC tests. */
{modules}

serverinfo {{
    name = "services.test";
    desc = "Chinwag test services";
    numeric = "00A";
    recontime = 1;
    netname = "ChinwagTest";
    hidehostsuffix = "users.test";
    adminname = "Chinwag tests";
    adminemail = "admin@example.org";
    registeremail = "noreply@example.org";
    loglevel = {{ error; info; admin; network; register; }};
    maxlogins = 100;
    maxusers = 100;
    maxnicks = 5;
    maxchans = 5;
    mdlimit = 30;
    emaillimit = 10;
    emailtime = 300;
    auth = none;
    casemapping = rfc1459;
}};

uplink "irc.test" {{
    host = "{LOOPBACK}";
    password = "{LINK_PASSWORD}";
    port = {link_port};
}};

nickserv {{
    nick = "NickServ";
    user = "NickServ";
    host = "services.test";
    real = "Nickname Services";
    maxregtime = 0;
    expire = 0;
    enforce_expire = 0;
    enforce_delay = 30;
}};

saslserv {{
    nick = "SaslServ";
    user = "SaslServ";
    host = "services.test";
    real = "SASL Authentication Agent";
}};

general {{
    permissive_mode = no;
    helpchan = "#help";
    helpurl = "https://example.org";
    verbose_wallops = no;
    join_chans = no;
    leave_chans = no;
    secure = no;
    uflags = {{ hidemail; }};
    cflags = {{ verbose; guard; }};
    raw = no;
    flood_msgs = 0;
    flood_time = 10;
    ratelimit_uses = 0;
    ratelimit_period = 60;
    kline_time = 7;
    commit_interval = 5;
    default_clone_allowed = 500;
    default_clone_warn = 400;
    clone_identified_increase_limit = no;
    uplink_sendq_limit = 1048576;
    language = "en";
}};

logfile "{directory}/atheme.log" {{ error; info; admin; network; register; }};
"""


def ngircd_config(directory: Path, port: int) -> str:
    (directory / "conf.d").mkdir(exist_ok=True)
    return f"""# Generated for the Chinwag IRC tests.
[Global]
    Name = ngircd.test
    Info = Chinwag test server without IRCv3
    Listen = {LOOPBACK}
    Ports = {port}
    PidFile = {directory}/ngircd.pid
    MotdPhrase = Welcome to the plain old IRC test server
[Limits]
    MaxConnectionsIP = 0
    MaxJoins = 0
    MaxNickLength = 30
    PingTimeout = 120
    PongTimeout = 60
[Options]
    IncludeDir = {directory}/conf.d
    DNS = no
    Ident = no
    PAM = no
    RequireAuthPing = no
"""


def make_client_cert(directory: Path) -> ClientCert:
    """A self-signed client certificate (IRC CertFP does not care who signed it)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CERT_ACCOUNT)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    path = directory / "client.pem"
    path.write_bytes(
        cert.public_bytes(serialization.Encoding.PEM)
        + key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    path.chmod(0o600)
    fingerprint = ":".join(f"{b:02X}" for b in cert.fingerprint(hashes.SHA256()))
    return ClientCert(path, fingerprint)


# -- starting ---------------------------------------------------------------------------------


def start_inspircd(directory: Path) -> IrcServer:
    inspircd = require_binary("inspircd", INSTALL_HINT)
    atheme = require_binary("atheme-services", INSTALL_HINT)
    directory.mkdir(parents=True, exist_ok=True)
    tls = make_tls_files(directory / "tls")
    plain_port, tls_port, link_port, pass_port = free_port(), free_port(), free_port(), free_port()
    config = directory / "inspircd.conf"
    config.write_text(inspircd_config(directory, tls))
    server = IrcServer(
        "inspircd",
        plain_port,
        tls_port,
        pass_port,
        tls,
        services=True,
        client_cert=make_client_cert(directory),
        directory=directory,
    )
    ircd = ServerProcess(
        "inspircd",
        [inspircd, "--config", str(config), "--nofork", "--runasroot"],
        log_path=directory / "inspircd.out",
        env={
            "CHINWAG_IRC_PLAIN": str(plain_port),
            "CHINWAG_IRC_TLS": str(tls_port),
            "CHINWAG_IRC_LINK": str(link_port),
            "CHINWAG_IRC_PASS": str(pass_port),
        },
        cwd=directory,
    )
    server.processes.append(ircd.start(wait_ports=(plain_port, tls_port, link_port, pass_port)))
    try:
        services_dir = directory / "atheme"
        services_dir.mkdir()
        atheme_conf = services_dir / "atheme.conf"
        atheme_conf.write_text(atheme_config(services_dir, link_port))
        services = ServerProcess(
            "atheme",
            [
                atheme,
                "-n",
                "-c",
                str(atheme_conf),
                "-D",
                str(services_dir),
                "-l",
                str(services_dir / "atheme-main.log"),
                "-p",
                str(services_dir / "atheme.pid"),
            ],
            log_path=services_dir / "atheme.out",
            cwd=services_dir,
        )
        server.processes.append(services.start())
        deadline = time.monotonic() + 30
        while not sasl_offered(plain_port):
            if time.monotonic() > deadline:
                raise TimeoutError(f"Atheme never linked:\n{server.log_tail()}")
            time.sleep(0.1)
        register_all(server)
    except BaseException:
        server.stop()
        raise
    return server


def register_all(server: IrcServer) -> None:
    assert server.tls is not None and server.tls_port is not None
    assert server.client_cert is not None
    context = ssl.create_default_context(cafile=str(server.tls.ca_cert))
    context.load_cert_chain(str(server.client_cert.cert))
    with ThreadPoolExecutor(max_workers=len(ACCOUNTS) + 1) as pool:
        jobs = [pool.submit(register_account, server.port, name, PASSWORD) for name in ACCOUNTS]
        jobs.append(
            pool.submit(
                register_account,
                server.tls_port,
                CERT_ACCOUNT,
                PASSWORD,
                tls=context,
                cert=True,
            )
        )
        for job in jobs:
            job.result()


def start_ngircd(directory: Path) -> IrcServer:
    ngircd = require_binary("ngircd", INSTALL_HINT)
    directory.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = directory / "ngircd.conf"
    config.write_text(ngircd_config(directory, port))
    server = IrcServer("ngircd", port, directory=directory)
    process = ServerProcess(
        "ngircd", [ngircd, "--nodaemon", "--config", str(config)], log_path=directory / "ngircd.out"
    )
    server.processes.append(process.start(wait_ports=(port,)))
    return server


@pytest.fixture(scope="session")
def inspircd_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[IrcServer]:
    """InspIRCd 3 with Atheme, TLS and the IRCv3 modules; one for the session."""
    server = start_inspircd(tmp_path_factory.mktemp("inspircd"))
    try:
        yield server
    finally:
        if os.environ.get("CHINWAG_KEEP_IRC_LOG"):
            print(server.log_tail(200))
        server.stop()


@pytest.fixture(scope="session")
def ngircd_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[IrcServer]:
    """ngIRCd: a server with no IRCv3 to speak of, to prove the backend degrades gracefully."""
    server = start_ngircd(tmp_path_factory.mktemp("ngircd"))
    try:
        yield server
    finally:
        server.stop()


def ensure_plugin(config: pytest.Config) -> None:
    """Register this module as a plugin once, so its fixtures are visible to every test."""
    module = sys.modules[__name__]
    manager = config.pluginmanager
    if manager.get_plugin(PLUGIN_NAME) is None and not manager.is_registered(module):
        manager.register(module, PLUGIN_NAME)


__all__ = [
    "ACCOUNTS",
    "CERT_ACCOUNT",
    "PASSWORD",
    "SERVER_PASSWORD",
    "IrcServer",
    "ensure_plugin",
    "inspircd_server",
    "ngircd_server",
]
