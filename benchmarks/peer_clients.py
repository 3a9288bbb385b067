"""The clients compared by ``peers_bench.py``: how each is configured, started, shown and watched.

Each peer function gets a :class:`PeerContext` (its fresh config folder and HOME, the server, its
nick and flood room) and returns a :class:`Launch`: the command line, the process to measure,
how to tell that the flood's last line arrived (a detector), and a ``focus`` hook that makes the
flooded room the visible one (every client would otherwise show the last room it was put in).

Peers other than Chinwag run as the unprivileged user ``benchpeer`` (HexChat refuses root with a
modal dialog), each under its own Xvfb and private D-Bus session bus. Chinwag runs as the user
running the benchmark, from the project's venv, the way a user runs it: ``python -m app
--profile P`` under the same kind of Xvfb; its account was added through the core beforehand
(:mod:`benchmarks.chinwag_profile`), so its secrets are in the session's keyring.

Figures of a peer are its process tree's: a D-Bus daemon or gnome-keyring the harness starts is
not in it.
"""

from __future__ import annotations

import glob
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from benchmarks.procfs import find_process

ROOT = Path(__file__).resolve().parents[1]
CHINWAG_NAMES = ("python", "python3", "python3.11", "chinwag")
# Every peer's window is made 640x400 (HexChat's default main window; Pidgin's conversation
# window and Chinwag's main window are sized to it), so each draws about as many rows.
WINDOW_SIZE = (640, 400)

# A session bus without service directories: nothing is D-Bus-activated behind a peer's back (no
# second gnome-keyring with a "new keyring" prompt, no accessibility bus).
SESSION_BUS_CONF = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class Detector(Protocol):
    files: set[str]

    def poll(self, token: str) -> tuple[bool, int]:
        """(END-<token> seen, lines carrying the token seen so far)."""
        ...


@dataclass
class PeerContext:
    protocol: str  # "irc" | "xmpp"
    port: int
    cfgdir: Path
    home: Path
    nick: str
    room: str  # IRC: "#bench…"; XMPP: the flood room's bare JID
    extra_rooms: list[str]  # XMPP: bare JIDs the peer must be in besides the flood room
    server: Any  # IrcServer | ProsodyServer
    account: Any = None  # XMPP: the peer's tests.integration.xmpp.server.Account
    launcher_pid: int = 0
    uid: int | None = None
    gid: int | None = None
    trace_dir: Path | None = (
        None  # Chinwag: run it under tracemalloc (traced_app.py), snapshots here
    )


@dataclass
class Launch:
    argv: list[str]
    names: tuple[str, ...]  # comm of the process to measure (its tree)
    detector: Detector
    gui: bool = True
    env: dict[str, str] = field(default_factory=dict)
    focus: Callable[[dict[str, str]], None] | None = None
    as_user: bool = True  # run as the unprivileged peer user (False: Chinwag, as we are)
    joins_itself: bool = False  # the peer joins the extra rooms by itself (no SAJOIN/D-Bus)
    private_bus: bool = True  # start it in its own dbus-run-session
    setup_online: bool = False  # its set-up signed in (the watcher saw it come and go)
    note: str = ""


# -- detectors -----------------------------------------------------------------------------------


class LogTail:
    """Follows the log files matching a glob; counts lines with the token and spots the END line.
    Reads only the bytes added since the last poll."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.offsets: dict[str, int] = {}
        self.partial: dict[str, bytes] = {}
        self.count = 0
        self.end = False
        self.files: set[str] = set()

    def poll(self, token: str) -> tuple[bool, int]:
        marker = "END-" + token
        for path in glob.glob(self.pattern, recursive=True):
            self.files.add(path)
            try:
                with open(path, "rb") as f:
                    f.seek(self.offsets.get(path, 0))
                    data = f.read()
            except OSError:
                continue
            if not data:
                continue
            self.offsets[path] = self.offsets.get(path, 0) + len(data)
            *lines, rest = (self.partial.get(path, b"") + data).split(b"\n")
            self.partial[path] = rest
            for raw in lines:
                text = raw.decode("utf-8", "replace")
                if token in text:
                    self.count += 1
                    self.end = self.end or marker in text
        return self.end, self.count


class ChinwagStore:
    """Lines seen = rows of the account's store whose body carries the token, read over a
    read-only connection (rows newer than the last poll only). The UI's own progress is in the
    figures as the CPU used until the process is quiet again."""

    def __init__(self, accounts_dir: Path) -> None:
        self.accounts_dir = accounts_dir
        self.con: sqlite3.Connection | None = None
        self.last = 0
        self.count = 0
        self.end = False
        self.files: set[str] = set()

    def _connect(self) -> sqlite3.Connection | None:
        if self.con is None:
            stores = sorted(self.accounts_dir.glob("*.sqlite3"))
            if not stores:
                return None
            self.con = sqlite3.connect(f"file:{stores[0]}?mode=ro", uri=True, timeout=1)
            self.files.add(str(stores[0]))
        return self.con

    def poll(self, token: str) -> tuple[bool, int]:
        con = self._connect()
        if con is None:
            return self.end, self.count
        try:
            rows = con.execute(
                "SELECT seq, body FROM messages WHERE seq > ? ORDER BY seq", (self.last,)
            ).fetchall()
        except sqlite3.Error:
            return self.end, self.count
        for seq, body in rows:
            self.last = seq
            if token in body:
                self.count += 1
                self.end = self.end or ("END-" + token) in body
        return self.end, self.count

    def conversations(self) -> dict[str, int]:
        con = self._connect()
        if con is None:
            return {}
        rows = con.execute("SELECT kind, joined, count(*) FROM conversations GROUP BY 1, 2")
        return {f"{kind}/joined={joined}": n for kind, joined, n in rows}


# -- helpers -------------------------------------------------------------------------------------


def _xdotool(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=30, check=False
    )


def _process_env(pid: int) -> dict[str, str]:
    with open(f"/proc/{pid}/environ", "rb") as f:
        items = [x.decode(errors="replace") for x in f.read().split(b"\0") if b"=" in x]
    return dict(item.split("=", 1) for item in items)


# -- IRC peers -----------------------------------------------------------------------------------


def hexchat(ctx: PeerContext) -> Launch:
    d = ctx.cfgdir
    (d / "hexchat.conf").write_text(
        f"version = 2.16.1\nirc_nick1 = {ctx.nick}\nirc_nick2 = {ctx.nick}_\n"
        f"irc_nick3 = {ctx.nick}__\nirc_user_name = {ctx.nick}\nirc_real_name = bench\n"
        "irc_logging = 1\nirc_logmask = %n/%c.log\ngui_slist_skip = 1\ngui_join_dialog = 0\n"
        "gui_tab_newtofront = 0\n"
    )
    # F = cycle (1) | use global user info (2) | auto-connect (8)
    (d / "servlist.conf").write_text(
        f"v=2.16.1\n\nN=BenchNet\nE=UTF-8 (Unicode)\nF=11\nD=0\nS=127.0.0.1/{ctx.port}\n"
        f"J={ctx.room}\n\n"
    )

    def focus(env: dict[str, str]) -> None:
        # gui_tab_newtofront=0 keeps the server tab in front: click the flood channel, the 2nd
        # row of the channel tree (fixed layout under Xvfb without a window manager)
        _until_shown(env, "--class", "hexchat")
        _xdotool(env, "mousemove", "80", "66", "click", "1")

    return Launch(
        ["hexchat", "-d", str(d)],
        ("hexchat",),
        LogTail(f"{d}/logs/**/*{ctx.room}.log"),
        focus=focus,
    )


def _pidgin_prefs(d: Path) -> None:
    (d / "prefs.xml").write_text(
        "<?xml version='1.0' encoding='UTF-8' ?>\n<pref version='1' name='/'>\n <pref name='purple'>\n"
        "  <pref name='logging'>\n   <pref name='log_ims' type='bool' value='1'/>\n"
        "   <pref name='log_chats' type='bool' value='1'/>\n"
        "   <pref name='log_system' type='bool' value='0'/>\n"
        "   <pref name='format' type='string' value='txt'/>\n  </pref>\n </pref>\n"
        " <pref name='pidgin'>\n  <pref name='debug'><pref name='enabled' type='bool' value='0'/></pref>\n"
        " </pref>\n</pref>\n"
    )


def _until_shown(env: dict[str, str], *args: str, timeout: float = 60) -> None:
    """Run ``xdotool search … <actions>`` until a matching window exists (a loaded machine
    may take seconds to map a GTK window after the client is already online)."""
    deadline = time.monotonic() + timeout
    while True:
        done = _xdotool(env, "search", "--onlyvisible", *args)
        if done.returncode == 0:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"no window for xdotool search {args[:2]}: {done.stderr.strip()}")
        time.sleep(0.5)


def _pidgin_focus(title: str) -> Callable[[dict[str, str]], None]:
    def focus(env: dict[str, str]) -> None:
        # without a window manager the conversation window opens at 0,0 under the buddy list
        w, h = WINDOW_SIZE
        _until_shown(env, "--name", f"^{title}$", "windowmove", "%@", "260", "0")
        _until_shown(env, "--name", f"^{title}$", "windowsize", "%@", str(w), str(h))

    return focus


def pidgin_irc(ctx: PeerContext) -> Launch:
    d = ctx.cfgdir
    account = f"{ctx.nick}@127.0.0.1"
    (d / "accounts.xml").write_text(f"""<?xml version='1.0' encoding='UTF-8' ?>
<account version='1.0'>
 <account>
  <protocol>prpl-irc</protocol>
  <name>{account}</name>
  <statuses><status type='available' name='Available' active='true'><attributes/></status></statuses>
  <settings>
   <setting name='port' type='int'>{ctx.port}</setting>
   <setting name='ssl' type='bool'>0</setting>
   <setting name='encoding' type='string'>UTF-8</setting>
   <setting name='autodetect_utf8' type='bool'>1</setting>
   <setting name='username' type='string'>{ctx.nick}</setting>
   <setting name='realname' type='string'>bench</setting>
  </settings>
  <settings ui='gtk-gaim'><setting name='auto-login' type='bool'>1</setting></settings>
 </account>
</account>
""")
    (d / "blist.xml").write_text(f"""<?xml version='1.0' encoding='UTF-8' ?>
<purple version='1.0'>
 <blist>
  <group name='Chats'>
   <setting name='collapsed' type='bool'>0</setting>
   <chat proto='prpl-irc' account='{account}'>
    <component name='channel'>{ctx.room}</component>
    <setting name='gtk-autojoin' type='bool'>1</setting>
   </chat>
  </group>
 </blist>
 <privacy><account proto='prpl-irc' name='{account}' mode='1'/></privacy>
</purple>
""")
    _pidgin_prefs(d)
    return Launch(
        ["pidgin", "-c", str(d)],
        ("pidgin",),
        LogTail(f"{d}/logs/irc/**/{ctx.room}.chat/*.txt"),
        focus=_pidgin_focus(ctx.room),
    )


def weechat(ctx: PeerContext) -> Launch:
    d = ctx.cfgdir
    commands = ";".join(
        [
            "/set logger.file.flush_delay 0",  # default 120 s: the log would land late
            "/set weechat.look.save_config_on_exit off",
            f"/server add bench 127.0.0.1/{ctx.port} -notls",
            f"/set irc.server.bench.nicks {ctx.nick}",
            f"/set irc.server.bench.username {ctx.nick}",
            f"/set irc.server.bench.autojoin {ctx.room}",
            "/connect bench",
        ]
    )
    return Launch(
        ["weechat-headless", "-d", str(d), "-r", commands],
        ("weechat-headles",),
        LogTail(f"{d}/logs/irc.bench.{ctx.room}.weechatlog"),
        gui=False,
        private_bus=False,
        note="weechat-headless: no terminal rendering",
    )


# -- XMPP peers ----------------------------------------------------------------------------------


def pidgin_xmpp(ctx: PeerContext) -> Launch:
    d = ctx.cfgdir
    server = ctx.server
    account = f"{ctx.account.jid}/pidgin"
    room, muc = ctx.room.split("@", 1)
    # STARTTLS to 127.0.0.1: a certificate in Pidgin's peer cache is trusted without a prompt
    peers = d / "certificates" / "x509" / "tls_peers"
    peers.mkdir(parents=True)
    for host in ("127.0.0.1", "localhost"):
        (peers / host).write_bytes(server.tls.cert.read_bytes())
    (d / "accounts.xml").write_text(f"""<?xml version='1.0' encoding='UTF-8' ?>
<account version='1.0'>
 <account>
  <protocol>prpl-jabber</protocol>
  <name>{account}</name>
  <password>{ctx.account.password}</password>
  <statuses><status type='available' name='Available' active='true'><attributes/></status></statuses>
  <settings>
   <setting name='connect_server' type='string'>127.0.0.1</setting>
   <setting name='port' type='int'>{ctx.port}</setting>
   <setting name='connection_security' type='string'>require_tls</setting>
   <setting name='ft_proxies' type='string'></setting>
  </settings>
  <settings ui='gtk-gaim'><setting name='auto-login' type='bool'>1</setting></settings>
 </account>
</account>
""")
    (d / "blist.xml").write_text(f"""<?xml version='1.0' encoding='UTF-8' ?>
<purple version='1.0'>
 <blist>
  <group name='Chats'>
   <chat proto='prpl-jabber' account='{account}'>
    <component name='handle'>{ctx.nick}</component>
    <component name='room'>{room}</component>
    <component name='server'>{muc}</component>
    <setting name='gtk-autojoin' type='bool'>1</setting>
   </chat>
  </group>
 </blist>
</purple>
""")
    _pidgin_prefs(d)
    return Launch(
        ["pidgin", "-c", str(d)],
        ("pidgin",),
        LogTail(f"{d}/logs/jabber/**/{ctx.room}.chat/*.txt"),
        focus=_pidgin_focus(room),
    )


def pidgin_join_rooms(ctx: PeerContext, env: dict[str, str]) -> None:
    """Pidgin joins each extra room when told over its D-Bus API (``purple-remote``)."""
    pid = find_process(ctx.launcher_pid, ("pidgin",), timeout=5)
    bus = _process_env(pid)["DBUS_SESSION_BUS_ADDRESS"]
    ids: dict[str, Any] = (
        {} if ctx.uid is None else {"user": ctx.uid, "group": ctx.gid, "extra_groups": []}
    )
    for jid in ctx.extra_rooms:
        room, muc = jid.split("@", 1)
        # purple-remote is "#!/usr/bin/env python3": use Debian's, which has python3-dbus
        done = subprocess.run(
            [
                "/usr/bin/python3",
                "/usr/bin/purple-remote",
                f"jabber:gochat?room={room}&server={muc}&handle={ctx.nick}",
            ],
            env={**env, "DBUS_SESSION_BUS_ADDRESS": bus},
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
            **ids,
        )
        if done.returncode:
            raise RuntimeError(f"purple-remote failed: {done.stdout} {done.stderr}")


# -- Chinwag -------------------------------------------------------------------------------------


_PREPARED: list[bool] = []


def compile_code(code: Path) -> None:
    """That version's modules byte-compiled (and its dataclass methods, app/dataclass_code.py)
    as after an install and an earlier start: a run must not time the compiler, whatever
    ``PYTHONDONTWRITEBYTECODE`` says."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(code)
    for argv in (["-m", "compileall", "-q", "app", "backends", "ui", "plugins"], ["-c", _WARM]):
        subprocess.run(
            [sys.executable, *argv], cwd=code, env=env, stdout=subprocess.DEVNULL, check=True
        )


_WARM = """
try:
    from app import dataclass_code
except ImportError:  # a version from before it
    dataclass_code = None
if dataclass_code is not None:
    dataclass_code.install()
import ui.main, ui.main_window, backends.irc, backends.xmpp
if dataclass_code is not None:
    dataclass_code.save()
"""


def prepare_chinwag_code() -> None:
    """Once: the app's modules byte-compiled, and its dataclass methods kept
    (app/dataclass_code.py), as after installing it and an earlier start, whatever
    ``PYTHONDONTWRITEBYTECODE`` says: a start must not time the compiler."""
    if _PREPARED:
        return
    compile_code(ROOT)
    _PREPARED.append(True)


def chinwag_launch(ctx: PeerContext, profile: Path, link: str) -> Launch:
    """``python -m app --profile P`` from the project's venv; focus = a second launch with a
    link, handed to the running instance over its single-instance socket, then the window is
    sized like the peers'."""
    runtime = ctx.home / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)

    def focus(env: dict[str, str]) -> None:
        penv = _process_env(find_process(ctx.launcher_pid, CHINWAG_NAMES, timeout=5))
        done = subprocess.run(
            [sys.executable, "-m", "app", "--profile", str(profile), link],
            env=penv,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"the link hand-over failed: {done.stderr[-500:]}")
        w, h = WINDOW_SIZE
        _until_shown(env, "--name", "Chinwag", "windowsize", "%@", str(w), str(h))

    argv = [sys.executable, "-m", "app", "--profile", str(profile)]
    env = {"XDG_RUNTIME_DIR": str(runtime), "QT_QPA_PLATFORM": "xcb"}
    if ctx.trace_dir is not None:  # investigation: heap snapshots (SIGUSR1), malloc_trim (SIGUSR2)
        argv[1:3] = [str(ROOT / "benchmarks" / "traced_app.py")]
        env["CHINWAG_TRACE_DIR"] = str(ctx.trace_dir)
        env["CHINWAG_TRACE_HEAP"] = "1" if ctx.trace_heap else "0"
    return Launch(
        argv,
        CHINWAG_NAMES,
        ChinwagStore(profile / "data" / "accounts"),
        env=env,
        focus=focus,
        as_user=False,
        private_bus=False,  # the benchmark's own session bus: its unlocked keyring holds the secrets
        setup_online=True,
        note="python -m app from the project's venv; secrets in the session's gnome-keyring",
    )


def write_chinwag_profile(
    profile: Path, spec: dict[str, Any], *, code: Path = ROOT, timeout: float = 600
) -> str:
    """The profile set up by ``code``'s own ``chinwag_profile.py`` (that version's core adds the
    accounts and joins the rooms); its standard output, JSON."""
    spec_file = profile.parent / f"{profile.name}-spec.json"
    spec_file.write_text(json.dumps(spec))
    done = subprocess.run(
        [
            sys.executable,
            str(code / "benchmarks" / "chinwag_profile.py"),
            "--profile",
            str(profile),
            str(spec_file),
        ],
        cwd=code,
        env={**os.environ, "PYTHONPATH": str(code)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"setting up the Chinwag profile failed: {done.stderr[-2000:]}")
    return done.stdout


def chinwag_setup(profile: Path, spec: dict[str, Any], timeout: float = 600) -> dict[str, Any]:
    """Add the accounts and join the rooms through the core (see chinwag_profile.py)."""
    prepare_chinwag_code()
    result: dict[str, Any] = json.loads(write_chinwag_profile(profile, spec, timeout=timeout))
    return result


def chinwag_irc_spec(ctx: PeerContext) -> dict[str, Any]:
    """The profile of one IRC account in ``ctx.room``, plain text, no authentication."""
    settings = {
        "server": "127.0.0.1",
        "port": ctx.port,
        "nick": ctx.nick,
        "plain_text": True,
        "auth": "none",
        "username": ctx.nick,
        "realname": "bench",
        "channels": ctx.room,
    }
    return {"accounts": [{"protocol": "irc", "settings": settings}]}


def chinwag_xmpp_spec(ctx: PeerContext) -> dict[str, Any]:
    """The profile of ``ctx.account`` on the XMPP server, its rooms saved."""
    account = {
        "protocol": "xmpp",
        "settings": ctx.server.settings(ctx.account),
        "secrets": {"password": ctx.account.password},
        "rooms": [ctx.room, *ctx.extra_rooms],
        "nick": ctx.nick,
    }
    return {"accounts": [account]}


def chinwag_irc(ctx: PeerContext) -> Launch:
    profile = ctx.cfgdir / "profile"
    chinwag_setup(profile, chinwag_irc_spec(ctx))
    return chinwag_launch(ctx, profile, f"irc://127.0.0.1:{ctx.port}/{ctx.room}")


def chinwag_xmpp(ctx: PeerContext) -> Launch:
    profile = ctx.cfgdir / "profile"
    chinwag_setup(profile, chinwag_xmpp_spec(ctx))
    launch = chinwag_launch(ctx, profile, f"xmpp:{ctx.room}?join")
    launch.joins_itself = True  # it rejoins its saved rooms at sign-in
    return launch


IRC_PEERS: dict[str, Callable[[PeerContext], Launch]] = {
    "hexchat": hexchat,
    "weechat": weechat,
    "pidgin": pidgin_irc,
    "chinwag": chinwag_irc,
}
XMPP_PEERS: dict[str, Callable[[PeerContext], Launch]] = {
    "pidgin": pidgin_xmpp,
    "chinwag": chinwag_xmpp,
}
NICKS = {"hexchat": "hcbench", "weechat": "wcbench", "pidgin": "pgbench", "chinwag": "cwbench"}
