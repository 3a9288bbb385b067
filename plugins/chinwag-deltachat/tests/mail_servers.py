"""Dovecot (IMAP) and Postfix (SMTP) on loopback, run as the tests' own foreground processes.

Nothing in /etc is used or changed: :func:`start` writes a fresh configuration under ``base`` and
runs ``dovecot -F -c BASE/dovecot/dovecot.conf`` and ``postfix -c BASE/postfix start-fg`` on free
high ports of 127.0.0.1. Users live in a passwd-file, mail in Maildirs under ``BASE/mail`` owned by
``nobody``; Postfix's own virtual(8) agent delivers into them and SMTP AUTH goes through Dovecot's
auth service over TCP. Both offer STARTTLS with a throwaway certificate and accept plaintext AUTH
(loopback only).

The pitfalls this avoids (learnt in ``shared/reference/deltachat-omemo``):

- ``virtual_mailbox_limit`` must be at least ``message_size_limit`` (0 = none), otherwise
  virtual(8) dies and mail sits in the queue with no error a client can see;
- ``maillog_file`` must lie under one of ``maillog_file_prefixes``;
- ``postfix check`` reports only to syslog, so its failure is re-run under ``script`` to read why;
- ``base`` and every parent must be searchable (o+x) by ``postfix`` and ``nobody``;
- ``postfix start-fg`` is a shell script whose ``master`` survives a TERM sent to the script, so it
  is stopped with ``postfix -c DIR stop``; Dovecot's master exits on TERM but may leave ``anvil``,
  ``log``, ``stats`` and ``auth`` behind. Each is started in its own session, and whatever is left
  of that process group (whose leader is our own child) is TERMed at the end.
"""

from __future__ import annotations

import contextlib
import grp
import imaplib
import os
import pwd
import signal
import smtplib
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from chinwag.testing.support import LOOPBACK, free_port, make_tls_files

MESSAGE_SIZE_LIMIT = 52_428_800  # Postfix's default (50 MiB, of encoded mail)
WIRE_ARCHIVE = "wire-archive"
"""Every message is also copied (``always_bcc``) into this mailbox, which no client reads: Delta
Chat expunges what it fetched, so this is where a test looks at what went over the wire."""


def wait_banner(port: int, prefix: bytes, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection((LOOPBACK, port), 0.5) as s:
            s.settimeout(5)
            if s.recv(200).startswith(prefix):
                return
        time.sleep(0.1)
    raise TimeoutError(f"no {prefix!r} banner on {LOOPBACK}:{port} after {timeout} s")


DOVECOT_CONF = """\
base_dir = {base}/dovecot/run
state_dir = {base}/dovecot/state
instance_name = chinwag-test-{imap}
log_path = {base}/dovecot/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{base}/tls/server.pem
ssl_key = <{base}/tls/server.key
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 100
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {base}/dovecot/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={base}/mail/%d/%n
}}
protocol imap {{
  mail_max_userip_connections = 50
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service auth {{
  inet_listener {{
    address = 127.0.0.1
    port = {auth}
  }}
}}
"""

POSTFIX_MAIN = """\
compatibility_level = 3.6
queue_directory = {base}/postfix-queue
data_directory = {base}/postfix-data
mail_owner = postfix
setgid_group = postdrop
myhostname = localhost
mydomain = localhost
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
maillog_file = {base}/postfix.log
maillog_file_prefixes = /var, /dev/stdout, {base}
alias_maps =
alias_database =
biff = no
smtputf8_enable = no
relayhost =
default_transport = error:no delivery outside the test domains
smtp_dns_support_level = disabled
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:{auth}
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
smtpd_tls_security_level = may
smtpd_tls_cert_file = {base}/tls/server.pem
smtpd_tls_key_file = {base}/tls/server.key
message_size_limit = {size_limit}
virtual_mailbox_limit = 0
virtual_mailbox_domains = {domains}
virtual_mailbox_base = {base}/mail
virtual_mailbox_maps = texthash:{base}/postfix/vmailbox
virtual_uid_maps = static:{uid}
virtual_gid_maps = static:{gid}
always_bcc = {archive}@{domain0}
"""


def _master_cf(smtp_port: int) -> str:
    """Debian's master.cf, read as a template: no chroot anywhere (our queue is elsewhere) and
    smtpd only on 127.0.0.1:PORT."""
    out = []
    for line in Path("/etc/postfix/master.cf").read_text().splitlines():
        fields = line.split()
        if line and not line[0].isspace() and not line.startswith("#") and len(fields) >= 8:
            if fields[0] == "smtp" and fields[1] == "inet":
                fields[0] = f"{LOOPBACK}:{smtp_port}"
            fields[4] = "n"
            out.append(" ".join(fields))
        else:
            out.append(line)
    return "\n".join(out) + "\n"


@dataclass
class MailServers:
    """A running Dovecot and Postfix; ``stop`` ends both by their own pids."""

    base: Path
    ports: dict[str, int]
    domain: str
    users: dict[str, str] = field(default_factory=dict)
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def add_user(self, address: str, password: str) -> None:
        """A new mailbox, usable at once (Dovecot re-reads its passwd-file; Postfix's texthash
        map is read at start, so new users get a fresh map and a reload)."""
        self.users[address] = password
        self._make_maildir(address)
        _replace(
            self.base / "dovecot" / "users",
            "".join(f"{u}:{pw}\n" for u, pw in self.users.items()),
        )
        self._write_vmailbox()
        subprocess.run(
            ["postfix", "-c", str(self.base / "postfix"), "reload"], capture_output=True, check=True
        )
        self.wait_login(address, password)

    def wait_login(self, address: str, password: str, timeout: float = 30.0) -> None:
        """Until Dovecot lets ``address`` in (it re-reads its passwd-file when it changes; a
        test must not race that)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                with imaplib.IMAP4(LOOPBACK, self.ports["imap"], timeout=10) as imap:
                    imap.login(address, password)
                    imap.logout()
                    return
            except (imaplib.IMAP4.error, OSError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def maildir(self, address: str) -> Path:
        local, dom = address.split("@", 1)
        return self.base / "mail" / dom / local / "Maildir"

    def wire_copies(self) -> list[bytes]:
        """Every message that went through Postfix, as raw bytes (oldest first)."""
        box = self.maildir(f"{WIRE_ARCHIVE}@{self.domain}")
        files = [p for sub in ("new", "cur") for p in (box / sub).glob("*") if p.is_file()]
        return [p.read_bytes() for p in sorted(files, key=lambda p: p.stat().st_mtime)]

    def inject(self, address: str, raw: bytes) -> Path:
        """Put a raw message straight into ``address``'s Maildir (as if delivered), bypassing
        Postfix's checks, for hostile mail it would refuse (too large) or rewrite."""
        box = self.maildir(address)
        name = f"{time.time():.6f}.{uuid.uuid4().hex}.chinwag-test"
        tmp = box / "tmp" / name
        tmp.write_bytes(raw)
        uid, gid = _mail_ids()
        os.chown(tmp, uid, gid)
        final = box / "new" / name
        tmp.rename(final)
        return final

    def smtp_send(self, message: EmailMessage | bytes, sender: str, recipients: list[str]) -> None:
        """Hand a message to Postfix unauthenticated, as a stranger's server would."""
        with smtplib.SMTP(LOOPBACK, self.ports["smtp"], timeout=60) as smtp:
            if isinstance(message, EmailMessage):
                smtp.send_message(message, sender, recipients)
            else:
                smtp.sendmail(sender, recipients, message)

    def wait_taken(self, address: str, delivered_before: int, timeout: float = 60.0) -> None:
        """Until more mail than ``delivered_before`` went through Postfix and ``address``'s
        Maildir is empty again: Delta Chat deletes what it fetched, after storing it."""
        box = self.maildir(address)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.wire_copies()) > delivered_before and not any(
                p.is_file() for sub in ("new", "cur") for p in (box / sub).iterdir()
            ):
                return
            time.sleep(0.1)
        raise AssertionError(f"mail to {address} was not fetched in {timeout} s")

    def wait_delivered(self, address: str, delivered_before: int, timeout: float = 60.0) -> None:
        """Until more mail than ``delivered_before`` went through Postfix into ``address``'s
        Maildir. Mail sent after this has a higher IMAP UID, and Delta Chat fetches in UID
        order: once a later message has arrived, this one has been dealt with."""
        box = self.maildir(address)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.wire_copies()) > delivered_before and any(
                p.is_file() for sub in ("new", "cur") for p in (box / sub).iterdir()
            ):
                return
            time.sleep(0.05)
        raise AssertionError(f"no mail delivered to {address} in {timeout} s")

    def queue_is_empty(self) -> bool:
        out = subprocess.run(
            ["postqueue", "-c", str(self.base / "postfix"), "-p"],
            capture_output=True,
            text=True,
            check=False,
        )
        return "Mail queue is empty" in out.stdout

    def stop(self) -> None:
        postfix = self.procs.get("postfix")
        if postfix is not None and postfix.poll() is None:
            subprocess.run(
                ["postfix", "-c", str(self.base / "postfix"), "stop"],
                capture_output=True,
                check=False,
            )
        dovecot = self.procs.get("dovecot")
        if dovecot is not None and dovecot.poll() is None:
            dovecot.send_signal(signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGTERM)
                proc.wait(10)
        for proc in self.procs.values():  # leftovers in the groups whose leaders we started
            _reap_group(proc.pid)

    def _make_maildir(self, address: str) -> None:
        uid, gid = _mail_ids()
        box = self.maildir(address)
        for sub in ("cur", "new", "tmp"):
            (box / sub).mkdir(parents=True, exist_ok=True)
        for path in (box.parent.parent, box.parent, box, *(box / s for s in ("cur", "new", "tmp"))):
            os.chown(path, uid, gid)

    def _write_vmailbox(self) -> None:
        boxes = [*self.users, f"{WIRE_ARCHIVE}@{self.domain}"]
        _replace(
            self.base / "postfix" / "vmailbox",
            "".join(f"{u} {u.split('@')[1]}/{u.split('@')[0]}/Maildir/\n" for u in boxes),
        )


def _replace(path: Path, text: str) -> None:
    """Write a file the servers read as a whole, never half-written (write, then rename)."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text)
    tmp.replace(path)


def _reap_group(pgid: int, timeout: float = 10.0) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _mail_ids() -> tuple[int, int]:
    return pwd.getpwnam("nobody").pw_uid, grp.getgrnam("nogroup").gr_gid


def start(base: Path, users: dict[str, str], *, domain: str = "example.org") -> MailServers:
    """Start both servers for ``users`` (address → password) under ``base``."""
    base = base.resolve()
    base.mkdir(parents=True, exist_ok=True)
    base.chmod(0o755)
    for parent in base.parents:
        if not parent.stat().st_mode & 0o001:
            raise PermissionError(f"{parent} is not searchable by others (chmod o+x)")
    uid, gid = _mail_ids()
    ports = {"imap": free_port(), "smtp": free_port(), "auth": free_port()}
    tls = make_tls_files(base / "tls")  # the project's throwaway CA and server certificate
    for path in (tls.cert, tls.key):
        path.chmod(0o644)  # read by Dovecot's and Postfix's unprivileged processes
    servers = MailServers(base, ports, domain, dict(users))
    domains = sorted({u.split("@", 1)[1] for u in users} | {domain})
    (base / "mail").mkdir(exist_ok=True)
    os.chown(base / "mail", uid, gid)
    for address in [*users, f"{WIRE_ARCHIVE}@{domain}"]:
        servers._make_maildir(address)

    dovecot_dir = base / "dovecot"
    dovecot_dir.mkdir(exist_ok=True)
    (dovecot_dir / "users").write_text("".join(f"{u}:{pw}\n" for u, pw in users.items()))
    (dovecot_dir / "dovecot.conf").write_text(
        DOVECOT_CONF.format(base=base, uid=uid, gid=gid, **ports)
    )
    with (dovecot_dir / "stdout.log").open("wb") as log:
        servers.procs["dovecot"] = subprocess.Popen(
            ["dovecot", "-F", "-c", str(dovecot_dir / "dovecot.conf")],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _start_postfix(servers, domains, uid, gid)
        wait_banner(ports["imap"], b"* OK")
        wait_banner(ports["smtp"], b"220")
    except BaseException:
        servers.stop()
        raise
    return servers


def _start_postfix(servers: MailServers, domains: list[str], uid: int, gid: int) -> None:
    base = servers.base
    conf = base / "postfix"
    conf.mkdir(exist_ok=True)
    (conf / "main.cf").write_text(
        POSTFIX_MAIN.format(
            base=base,
            uid=uid,
            gid=gid,
            auth=servers.ports["auth"],
            domains=", ".join(domains),
            domain0=servers.domain,
            archive=WIRE_ARCHIVE,
            size_limit=MESSAGE_SIZE_LIMIT,
        )
    )
    (conf / "master.cf").write_text(_master_cf(servers.ports["smtp"]))
    servers._write_vmailbox()
    (base / "postfix-queue").mkdir(exist_ok=True)
    (base / "postfix-data").mkdir(exist_ok=True)
    pf = pwd.getpwnam("postfix")
    os.chown(base / "postfix-data", pf.pw_uid, pf.pw_gid)
    check = subprocess.run(["postfix", "-c", str(conf), "check"], capture_output=True, check=False)
    if check.returncode != 0:  # it only tells a tty why
        why = subprocess.run(
            ["script", "-q", "-c", f"postfix -c {conf} check", "/dev/null"],
            capture_output=True,
            text=True,
            check=False,
        )
        raise RuntimeError(f"postfix check failed: {why.stdout}{why.stderr}")
    with (conf / "stdout.log").open("wb") as log:
        servers.procs["postfix"] = subprocess.Popen(
            ["postfix", "-c", str(conf), "start-fg"],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
