"""Scale, members: one room with thousands of members, opened in the real window.

Per service, a crowd of raw clients fills one room (see ``crowds.py``): IRC 5,000 members on
InspIRCd, an XMPP MUC with 1,000 occupants on Prosody, a Matrix room with 1,000 members on Synapse
(lazy-loaded by the client). Then the real app (core thread + main window, offscreen; a child
process, as in ``memory_bench.py``) adds one account, joins the room, opens it and shows its member
list, and scrolls the list from top to bottom. Figures:

- ``join_s``: the join command until the members are in the store (Matrix: until the join
  returns: members are lazy-loaded, fetched when the list is shown);
- ``open_s``: opening the room and showing the member panel until every member is a row of the
  list, painted (target ≤ 1 s);
- ``max_stall_ms`` during join + open, and ``scroll_max_stall_ms`` while the list scrolls a page
  per frame to the end (a 5 ms heartbeat timer on the GUI thread; target ≤ 50 ms);
- ``kb_per_member``: RSS after minus RSS before the join (both after a garbage collection), per
  member;
- with ``--churn N`` (IRC): N fresh clients join, a third rename, then each parts or quits while
  the room is open with its list shown (``churn_*``: wall and CPU seconds of the app until the
  last change is a row, the longest GUI stall, and whether the rows are the stored list);
  with ``CHINWAG_STALL_STACKS=1`` also ``churn_stall_stacks``: the GUI thread's innermost
  Python frames, counted every 5 ms while its heartbeat is over 20 ms late.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.app_driver import ChildProcess, now, process_figures  # noqa: E402

HEARTBEAT_MS = 5
TARGETS = {"open_s": 1.0, "scroll_max_stall_ms": 50}


# -- the app side (child process) ----------------------------------------------------------------


def driver(config_path: str) -> int:
    config = json.loads(Path(config_path).read_text())
    from PySide6.QtCore import QTimer

    from app.models import ConnectionState, ConversationId
    from benchmarks.app_driver import open_app
    from benchmarks.history_bench import wait_until

    running = open_app()
    bridge, window = running.bridge, running.window
    core = bridge.core
    gaps = {"last": now(), "max": 0.0, "over": 0, "ticks": 0}

    def tick() -> None:
        gaps["ticks"] += 1
        stamp = now()
        gap = stamp - gaps["last"]
        gaps["last"] = stamp
        gaps["max"] = max(gaps["max"], gap)
        gaps["over"] += gap > 0.05

    def reset_gaps() -> None:
        gaps.update(last=now(), max=0.0, over=0)

    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(tick)
    heartbeat.start()

    def call(coro: Any, timeout: float = 120) -> Any:
        answers: list[Any] = []
        bridge.call(coro, answers.append)
        wait_until(lambda: bool(answers), timeout)
        if not answers[0].ok:
            raise RuntimeError(f"core command failed: {answers[0].error}")
        return answers[0].value

    def memory() -> dict[str, float]:
        gc.collect()
        return process_figures()

    expected = int(config["expected"])
    result: dict[str, Any] = {"service": config["protocol"], "members": expected}
    try:
        wait_until(window.isVisible, 30)
        account = call(
            core.accounts.add_account(config["protocol"], config["settings"], config["secrets"])
        )

        def connected() -> bool:
            return core.sessions[account.id].state.state is ConnectionState.CONNECTED

        wait_until(connected, 120)
        before = memory()
        reset_gaps()
        began = time.perf_counter()
        outcome = call(core.rooms.join(account.id, config["room"], config.get("nick", "")))
        if not outcome.ok:
            raise RuntimeError(f"join failed: {outcome.failure}")
        conv = ConversationId(account.id, str(outcome.value or config["room"]))
        if config["protocol"] != "matrix":  # the join brings the whole list (NAMES / presences)
            counts = [0]

            def stored() -> bool:
                counts[0] = len(call(core.rooms.members(conv)))
                return counts[0] >= expected

            wait_until(stored, 300)
        result["join_s"] = round(time.perf_counter() - began, 3)

        began = time.perf_counter()
        window.show_conversation(conv)
        window.pane.header.members_button.setChecked(True)  # shows it, fetches lazy members
        panel = window.pane.members
        wait_until(lambda: panel.model.rowCount() >= expected, 300)
        # The rows may have arrived in this very callback (Matrix: the lazy members come later
        # than the panel); the view lays them out on a timer, so run a pending layout now.
        panel.list.executeDelayedItemsLayout()
        panel.list.viewport().repaint()
        result["open_s"] = round(time.perf_counter() - began, 3)
        ticks = gaps["ticks"]  # a heartbeat after the paint, so a stall in it is counted
        wait_until(lambda: gaps["ticks"] > ticks, 30)
        result["rows"] = panel.model.rowCount()
        result["max_stall_ms"] = round(gaps["max"] * 1000, 1)
        result["stalls_over_50ms"] = gaps["over"]

        settle = time.perf_counter() + 2
        wait_until(lambda: time.perf_counter() > settle, 10)
        after = memory()
        result["rss_before_mb"] = before["rss_mb"]
        result["rss_after_mb"] = after["rss_mb"]
        result["kb_per_member"] = round((after["rss_mb"] - before["rss_mb"]) * 1024 / expected, 2)
        result["uss_kb_per_member"] = round(
            (after.get("uss_mb", 0) - before.get("uss_mb", 0)) * 1024 / expected, 2
        )

        bar = panel.list.verticalScrollBar()
        bar.setValue(0)
        steps = [0]

        def page() -> None:
            bar.setValue(bar.value() + max(1, bar.pageStep()))
            steps[0] += 1

        scroller = QTimer()
        scroller.setInterval(16)  # a page per frame: faster than anyone scrolls
        scroller.timeout.connect(page)
        reset_gaps()
        began = time.perf_counter()
        scroller.start()
        wait_until(lambda: bar.value() >= bar.maximum(), 600)
        scroller.stop()
        result["scroll_s"] = round(time.perf_counter() - began, 3)
        result["scroll_pages"] = steps[0]
        result["scroll_max_stall_ms"] = round(gaps["max"] * 1000, 1)
        result["scroll_stalls_over_50ms"] = gaps["over"]
        reset_gaps()
        began = time.perf_counter()
        bar.setValue(0)  # a jump back to the top (drag the thumb)
        panel.list.viewport().repaint()
        result["jump_to_top_ms"] = round((time.perf_counter() - began) * 1000, 1)
        if config.get("churn"):
            churn(config, result, panel, lambda: call(core.rooms.members(conv)), reset_gaps, gaps)
    except Exception as exc:
        result["error"] = f"{type(exc).__name__}: {exc}"
    print("RESULT " + json.dumps(result), flush=True)
    heartbeat.stop()
    running.close()
    return 0


def churn(  # noqa: PLR0917
    config: dict[str, Any],
    result: dict[str, Any],
    panel: Any,
    stored: Callable[[], list[Any]],
    reset_gaps: Callable[[], None],
    gaps: dict[str, Any],
) -> None:
    """The churn phase (IRC): the harness makes fresh clients join, rename, part and quit while
    the room is open with its member list shown; until the last one (``churn_sentinel``, who
    joins after all the others are gone) is a row: wall and CPU seconds of the whole app
    (core and window threads), the longest GUI stall, and whether the rows are then the
    stored list read afresh, in order."""
    from benchmarks.history_bench import wait_until
    from ui.models.member_model import sort_key

    sentinel = config["churn_sentinel"]
    seen = {"inserted": 0, "removed": 0, "resets": 0}  # the churn reached the list (not hidden)

    def bump(name: str) -> None:
        seen[name] += 1

    panel.model.rowsInserted.connect(lambda *_: bump("inserted"))
    panel.model.rowsRemoved.connect(lambda *_: bump("removed"))
    panel.model.modelReset.connect(lambda: bump("resets"))
    reset_gaps()
    sampler = StallSampler(gaps) if os.environ.get("CHINWAG_STALL_STACKS") else None
    cpu = time.process_time()
    began = time.perf_counter()
    print("CHURN-READY", flush=True)
    wait_until(lambda: panel.model.row_of(sentinel) >= 0, 600)
    if sampler is not None:
        result["churn_stall_stacks"] = sampler.stop()
    result["churn_s"] = round(time.perf_counter() - began, 3)
    result["churn_cpu_s"] = round(time.process_time() - cpu, 3)
    result["churn_max_stall_ms"] = round(gaps["max"] * 1000, 1)
    result["churn_stalls_over_50ms"] = gaps["over"]
    result["churn_list_signals"] = seen
    members = stored()
    result["churn_rows"] = panel.model.rowCount()
    result["churn_rows_match_store"] = panel.model.members() == sorted(members, key=sort_key)


class StallSampler:
    """With ``CHINWAG_STALL_STACKS=1``: what the GUI thread was doing in its stalls. A thread
    looks every 5 ms; while the heartbeat is over 20 ms late it counts the GUI thread's
    innermost Python frames (the Python that called into Qt, or the slot at work)."""

    def __init__(self, gaps: dict[str, Any]) -> None:
        import threading

        self.gaps = gaps
        self.counts: dict[str, int] = {}
        self.gui = threading.main_thread().ident
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.done.wait(0.005):
            if now() - self.gaps["last"] < 0.02:
                continue
            frame = sys._current_frames().get(self.gui or 0)
            where = []
            while frame is not None and len(where) < 4:
                code = frame.f_code
                where.append(f"{Path(code.co_filename).stem}.{code.co_name}:{frame.f_lineno}")
                frame = frame.f_back
            key = " < ".join(where) or "(in Qt, no Python)"
            self.counts[key] = self.counts.get(key, 0) + 1

    def stop(self) -> list[tuple[str, int]]:
        self.done.set()
        self.thread.join()
        return sorted(self.counts.items(), key=lambda kv: -kv[1])[:12]


# -- the harness (parent process) ----------------------------------------------------------------


def run_app(
    config: dict[str, Any],
    work: Path,
    timeout: float,
    on_churn: Callable[[], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    path = work / f"members-{config['protocol']}.json"
    path.write_text(json.dumps(config))
    child = ChildProcess([sys.executable, __file__, "--driver", str(path)])
    try:
        extra: dict[str, Any] = {}
        if on_churn is not None:
            child.expect("CHURN-READY", timeout)
            extra = on_churn()
        result: dict[str, Any] = json.loads(child.expect("RESULT", timeout))
        return {**result, **extra}
    finally:
        child.stop(grace=30)


def irc_members(work: Path, count: int, churners: int = 0) -> dict[str, Any]:
    from benchmarks.bench_servers import IrcWatcher, start_bench_inspircd
    from benchmarks.crowds import irc_churn, irc_crowd

    server = start_bench_inspircd(work / "inspircd-members")
    crowd = None
    last = None
    try:
        watcher = IrcWatcher(server.port, "owner")
        watcher.join(["#big"])
        watcher.bot.send("MODE #big +u")  # auditorium while the crowd joins: no N² JOIN lines
        began = time.monotonic()
        crowd = irc_crowd(server.port, "#big", count)
        crowd_s = time.monotonic() - began
        watcher.bot.send("MODE #big -u")
        settings = {
            "server": "127.0.0.1",
            "port": server.port,
            "nick": "scalebench",
            "plain_text": True,
            "auth": "none",
        }
        config = {
            "protocol": "irc",
            "settings": settings,
            "secrets": {},
            "room": "#big",
            "expected": count + 2,  # the crowd, the owner, us
            "churn": churners,
            "churn_sentinel": "churnend0",
        }

        def on_churn() -> dict[str, Any]:
            """Churners seen by channel operators only (we are made one): the crowd is not
            told, so the server's work is the churn's, not churn × members."""
            nonlocal last
            watcher.bot.send("MODE #big +o scalebench")
            watcher.bot.send("MODE #big +u")
            began = time.monotonic()
            irc_churn(server.port, "#big", churners)
            last = irc_crowd(server.port, "#big", 1, prefix="churnend")  # after all of them
            return {
                "churners": churners,
                "churn_changes": churners * 2 + (churners + 2) // 3,
                "churn_harness_s": round(time.monotonic() - began, 1),
            }

        result = run_app(config, work, 300 + count / 10, on_churn if churners else None)
        result["crowd_join_s"] = round(crowd_s, 1)
        return result
    finally:
        server.stop()  # first: no QUIT of 5,000 members announced to each other
        if crowd is not None:
            crowd.close()
        if last is not None:
            last.close()


def xmpp_members(work: Path, count: int) -> dict[str, Any]:
    from benchmarks.bench_servers import CLIENT, XmppBot
    from benchmarks.crowds import xmpp_crowd
    from tests.integration.xmpp.server import start_prosody

    server = start_prosody(work / "prosody-members")
    crowd = None
    owner = None
    try:
        room = f"big{uuid.uuid4().hex[:6]}@{server.muc}"
        answers: dict[str, ET.Element] = {}

        def on_stanza(_stamp: float, element: ET.Element) -> None:
            if element.tag == CLIENT + "iq" and element.get("id"):
                answers[element.get("id", "")] = element
            elif element.tag == CLIENT + "presence" and element.get("from", "").startswith(room):
                answers.setdefault("joined", element)

        acct = server.new_account("owner")
        owner = XmppBot(
            server.c2s_port, acct.jid, acct.password, server.tls.ca_cert, on_stanza=on_stanza
        )
        owner.join(room, "owner")
        _wait(lambda: "joined" in answers, 30, "the owner's room")

        owner.unlock(room)  # an instant room with the default configuration
        _wait(lambda: "unlock" in answers, 30, "the room's unlocking")
        if answers["unlock"].get("type") != "result":
            raise RuntimeError(f"room not unlocked: {ET.tostring(answers['unlock'])!r}")
        accounts = [server.new_account("crowd") for _ in range(max(1, count // 50))]
        began = time.monotonic()
        crowd = xmpp_crowd(
            server.c2s_port,
            [(a.jid, a.password) for a in accounts],
            room,
            count,
            server.tls.ca_cert,
        )
        crowd_s = time.monotonic() - began
        me = server.new_account("scalebench")
        config = {
            "protocol": "xmpp",
            "settings": server.settings(me),
            "secrets": {"password": me.password},
            "room": room,
            "nick": "scalebench",
            "expected": count + 2,
        }
        result = run_app(config, work, 300 + count / 10)
        result["crowd_join_s"] = round(crowd_s, 1)
        return result
    finally:
        server.stop()
        if crowd is not None:
            crowd.close()
        if owner is not None:
            owner.close()


def matrix_members(work: Path, count: int) -> dict[str, Any]:
    from benchmarks.crowds import matrix_crowd
    from tests.integration.matrix.synapse import start_synapse

    synapse = start_synapse(work / "synapse-members")
    try:
        owner = synapse.unique_name("owner")
        token = synapse.login(synapse.register(owner, "owner-pw"), "owner-pw")
        alias = f"big{uuid.uuid4().hex[:6]}"
        status, room = synapse.request(
            "POST",
            "/_matrix/client/v3/createRoom",
            {"preset": "public_chat", "room_alias_name": alias, "name": "Big room"},
            token,
        )
        if status != 200:
            raise RuntimeError(f"createRoom: {status} {room}")
        crowd_s = matrix_crowd(synapse, room["room_id"], count)
        me = synapse.unique_name("scalebench")
        user_id = synapse.register(me, "scalebench-pw")
        config = {
            "protocol": "matrix",
            "settings": {
                "user_id": user_id,
                "homeserver": synapse.tls_base_url,
                "ca_file": str(synapse.ca_file),
            },
            "secrets": {"password": "scalebench-pw"},
            "room": f"#{alias}:{synapse.server_name}",
            "expected": count + 2,
        }
        result = run_app(config, work, 300 + count / 10)
        result["crowd_join_s"] = round(crowd_s, 1)
        return result
    finally:
        assert synapse.process is not None
        synapse.process.stop()


def _wait(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"no answer: {what}")
        time.sleep(0.05)


def members_bench(work: Path, sizes: dict[str, int], churn: int = 0) -> dict[str, Any]:
    """``churn``: that many fresh clients join, rename (a third), part or quit in the IRC
    channel while it is open (see :func:`churn`)."""
    runners: dict[str, Callable[[Path, int], dict[str, Any]]] = {
        "irc": lambda w, n: irc_members(w, n, churn),
        "xmpp": xmpp_members,
        "matrix": matrix_members,
    }
    out: dict[str, Any] = {}
    for service, count in sizes.items():
        load = os.getloadavg()[0]
        try:
            out[service] = runners[service](work, count)
        except Exception as exc:
            out[service] = {"members": count, "error": f"{type(exc).__name__}: {exc}"}
        out[service]["load_1m_before"] = round(load, 2)
        print(f"scale members {service}: {json.dumps(out[service])}", file=sys.stderr, flush=True)
    out["targets"] = TARGETS
    return out


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "--driver":
    raise SystemExit(driver(sys.argv[2]))
