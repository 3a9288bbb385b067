"""Micro-benchmarks behind the scale curves' explanations (docs/performance.md, "Scale").

One class each, offscreen, no servers; they explain a bend, they are not the figures users feel:

- ``sidebar 50,200,1000``: ``SidebarModel`` + ``Sidebar`` (proxy and tree) fed one
  ``ConversationsChanged`` per account (three accounts) as at start; ms to fill and paint.
- ``rowpaint 1000``: every conversation row of a 1,000-room sidebar painted by its delegate into
  an image, 20 times: microseconds a row (what a flooded room's repaint costs per row), as JSON;
  where the code knows drafts, again with a draft in every room.
- ``members 1000,5000``: ``MemberPanel`` with faces, ``set_members`` + layout + paint, then one
  member more; with and without uniform item sizes.
- ``churn 5000``: ``MemberPanel`` with faces and N members, shown; then 300 deliveries of one
  change each (a join, a part, a rename in turn) through ``change_members``, each laid out and
  painted as the event loop does: the median and longest ms a delivery, and the Python calls
  one delivery makes (cProfile), by function.
- ``fts STORE.sqlite3``: per query of ``store_bench.QUERIES`` on one account store (read-only),
  the store's search statement with the last word as a prefix (what the app asked before schema
  0009), exact, and expanded into the whole words it begins (what the app asks now, once the
  store's term table is complete; ``-`` when it is not), and the cost of that expansion.
- ``crossover STORE.sqlite3``: for prefixes that begin more and more words (each word in few
  rows, the case where a prefix query is cheapest), the prefix query against the expanded one:
  where ``app.store.search.EXPAND_MOST`` should lie. Run ``terms STORE.sqlite3`` first.
- ``terms STORE.sqlite3 [N]``: build the store's term table now (timed), after adding N messages
  (default 0) of random rare words ``q`` + 5 letters, for ``crossover``. Writes the store.
- ``mentions 50,5000``: what a Matrix message costs to send in a room of N members (random
  two-word names) for its intentional mentions: who it mentions, its pills, its content
  (``backends/matrix/mentions.py``, on the core's thread); ms a message, median of 5 runs of 50.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def sidebar(sizes: list[int]) -> None:
    from PySide6.QtWidgets import QApplication

    from app import events as ev
    from app.models import Account, Conversation, ConversationId, ConversationKind
    from ui.models.sidebar_model import SidebarModel
    from ui.widgets.sidebar import Sidebar

    app = QApplication.instance() or QApplication([])
    for n in sizes:
        model = SidebarModel()
        bar = Sidebar(model)
        bar.resize(300, 700)
        bar.show()
        app.processEvents()
        accounts = tuple(
            Account(f"a{i}", p, p, {}) for i, p in enumerate(("xmpp", "matrix", "irc"))
        )
        model.handle_events([ev.AccountsChanged(accounts)])
        batches = [
            ev.ConversationsChanged(
                tuple(
                    Conversation(ConversationId(a.id, f"#s1234r{j}"), ConversationKind.GROUP)
                    for j in range(n // 3)
                )
            )
            for a in accounts
        ]
        began = time.perf_counter()
        for batch in batches:
            model.handle_events([batch])
        app.processEvents()
        bar.repaint()
        print(f"{n} rooms: sidebar filled in {(time.perf_counter() - began) * 1000:.1f} ms")


def rowpaint(n: int) -> None:
    import dataclasses
    import json

    from PySide6.QtCore import QModelIndex, QRect
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

    from app import events as ev
    from app.models import Account, Conversation, ConversationId, ConversationKind
    from ui.models.sidebar_model import SidebarModel
    from ui.widgets.sidebar import Sidebar

    app = QApplication.instance() or QApplication([])
    fields = {f.name for f in dataclasses.fields(Conversation)}
    result: dict[str, Any] = {"rows": n}
    for with_drafts in (False, True) if "draft" in fields else (False,):
        model = SidebarModel()
        bar = Sidebar(model)
        bar.resize(300, 700)
        bar.show()
        app.processEvents()
        account = Account("a0", "irc", "irc", {})
        model.handle_events([ev.AccountsChanged((account,))])
        extra: dict[str, Any] = {}
        if with_drafts:
            from app.models import Draft  # (not in older code)

            extra["draft"] = Draft("half a thought")
        convs = tuple(
            Conversation(ConversationId("a0", f"#s1234r{j}"), ConversationKind.GROUP, **extra)
            for j in range(n)
        )
        model.handle_events([ev.ConversationsChanged(convs)])
        app.processEvents()
        tree, proxy = bar.tree, bar.proxy
        delegate = tree.itemDelegate()
        parent = proxy.index(0, 0, QModelIndex())
        image = QImage(300, 40, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        option = QStyleOptionViewItem()
        option.initFrom(tree)
        option.rect = QRect(0, 0, 300, 32)
        rows = [proxy.index(r, 0, parent) for r in range(proxy.rowCount(parent))]
        times = []
        for _ in range(20):
            began = time.perf_counter()
            for index in rows:
                delegate.paint(painter, option, index)
            times.append((time.perf_counter() - began) / len(rows) * 1e6)
        painter.end()
        result["us_per_row_drafts" if with_drafts else "us_per_row"] = round(
            statistics.median(times), 1
        )
        bar.deleteLater()
        app.processEvents()
    print(json.dumps(result))


def members(sizes: list[int]) -> None:
    from PySide6.QtWidgets import QApplication

    from app.models import ConversationId, Member
    from ui.avatars import AvatarStore
    from ui.widgets.member_panel import MemberPanel

    app = QApplication.instance() or QApplication([])
    conv = ConversationId("a", "#big")
    for n in sizes:
        for uniform in (False, True):
            panel = MemberPanel()
            panel.resize(250, 700)
            panel.set_avatars(AvatarStore(panel))
            panel.list.setUniformItemSizes(uniform)
            panel.show()
            app.processEvents()
            people = tuple(Member(conv, f"user{i:05d}") for i in range(n))
            began = time.perf_counter()
            panel.set_members(people, can_kick=False)
            panel.list.doItemsLayout()
            panel.list.viewport().repaint()
            first = time.perf_counter() - began
            began = time.perf_counter()
            panel.set_members((*people, Member(conv, "zz-new")), can_kick=False)
            panel.list.doItemsLayout()
            panel.list.viewport().repaint()
            again = time.perf_counter() - began
            print(
                f"{n} members, uniform item sizes {uniform}: set + layout + paint"
                f" {first * 1000:.0f} ms, one member more {again * 1000:.0f} ms"
            )
            panel.deleteLater()
            app.processEvents()


def _deliver(panel: Any, people: dict[str, Any], step: int) -> None:
    """One delivery of one change (a join, a part, a rename in turn), laid out and painted."""
    from app.models import Member

    conv = panel.model.conversation()
    upserted: tuple[Any, ...] = ()
    removed: tuple[str, ...] = ()
    if step % 3 == 0:
        new = Member(conv, f"new{step:05d}")
        people[new.native_id] = new
        upserted = (new,)
    elif step % 3 == 1:
        people.pop(f"user{step:05d}", None)
        removed = (f"user{step:05d}",)
    else:
        renamed = Member(conv, f"user{step + 1:05d}", f"renamed{step:05d}")
        people[renamed.native_id] = renamed
        upserted = (renamed,)
    panel.change_members(conv, upserted, removed, len(people), can_kick=False)
    panel.list.doItemsLayout()
    panel.list.viewport().repaint()


def churn(sizes: list[int]) -> None:
    import cProfile
    import pstats

    from PySide6.QtWidgets import QApplication

    from app.models import ConversationId, Member
    from ui.avatars import AvatarStore
    from ui.widgets.member_panel import MemberPanel

    app = QApplication.instance() or QApplication([])
    conv = ConversationId("a", "#big")
    for n in sizes:
        panel = MemberPanel()
        panel.resize(250, 700)
        panel.set_avatars(AvatarStore(panel))
        panel.show()
        people = {f"user{i:05d}": Member(conv, f"user{i:05d}") for i in range(n)}
        panel.set_members(tuple(people.values()), can_kick=False)
        app.processEvents()
        panel.list.scrollTo(panel.model.index(n // 2))
        app.processEvents()
        times = []
        for step in range(300):
            began = time.perf_counter()
            _deliver(panel, people, step)
            times.append((time.perf_counter() - began) * 1000)
        profiler = cProfile.Profile()
        profiler.enable()
        for step in range(300, 303):
            _deliver(panel, people, step)
        profiler.disable()
        calls: dict[Any, Any] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
        print(
            f"{n} members, one change a delivery: median {statistics.median(times):.2f} ms,"
            f" longest {max(times):.2f} ms;"
            f" Python calls a delivery {sum(row[1] for row in calls.values()) / 3:.0f}"
        )
        for (file, line, name), row in sorted(calls.items(), key=lambda kv: -kv[1][1])[:8]:
            print(f"  {row[1] / 3:8.0f} calls  {name} ({Path(file).name}:{line})")
        panel.deleteLater()
        app.processEvents()


SEARCH = (
    "SELECT seq FROM messages WHERE seq IN (SELECT rowid FROM messages_fts"
    " WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 50) ORDER BY seq DESC"
)


def _timed(con: sqlite3.Connection, sql: str, param: str, runs: int = 3) -> float:
    """Median ms of ``runs`` after one warm-up."""
    con.execute(sql, (param,)).fetchall()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        con.execute(sql, (param,)).fetchall()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def _searcher(store: Path) -> object:
    from app.store.search import StoreSearch

    return StoreSearch(store, "bench", {}, {})


def fts(store: Path) -> None:
    from app.store.fts import fts_query
    from app.store.terms import is_complete
    from benchmarks.store_bench import QUERIES

    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    searcher = _searcher(store)
    complete = is_complete(con)
    count = "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?"
    for query in QUERIES:
        parts = []
        prefix = fts_query(query)
        variants = [("prefix", prefix), ("exact", prefix.removesuffix("*"))]
        if complete:
            began = time.perf_counter()
            expanded = searcher.query(con, query)  # type: ignore[attr-defined]
            lookup = (time.perf_counter() - began) * 1000
            variants.append(("expanded", expanded))
        for variant, text in variants:
            if not text:
                parts.append(f"{variant} nothing to find")
                continue
            ms = _timed(con, SEARCH, text)
            matches = con.execute(count, (text,)).fetchone()[0]
            parts.append(f"{variant} {ms:6.2f} ms ({matches} rows)")
        if complete:
            parts.append(f"expansion {lookup:5.2f} ms ({expanded.count(' OR ') + 1} words)")
        else:
            parts.append("expanded - (term table not complete)")
        print(f"{query!r:18} " + " | ".join(parts))
    con.close()


def terms(store: Path, extra: int) -> None:
    import dataclasses
    import random
    import threading

    from app.models import ConversationKind
    from app.store.account_store import AccountStore
    from app.store.terms import TermsBuild, is_complete
    from benchmarks.store_bench import make_messages

    s = AccountStore("bench", store)
    if extra:
        rng = random.Random(7)
        s.ensure_conversation("rare", ConversationKind.GROUP, "Rare words")
        made = make_messages(rng, "bench", "rare", 10**9, extra)
        letters = "abcdefghijklmnopqrstuvwxyz"
        made = [dataclasses.replace(m, body="q" + "".join(rng.choices(letters, k=5))) for m in made]
        with s.transaction():
            s.append(made)
    s.close()
    con = sqlite3.connect(store)
    if is_complete(con):
        print("complete already")
        return
    began = time.perf_counter()
    build = TermsBuild(store, threading.Lock(), delay=0)
    build.start()
    while not is_complete(con):
        time.sleep(0.05)
    build.stop()
    words = con.execute("SELECT count(*) FROM search_terms").fetchone()[0] - 1
    print(f"built {words} terms in {time.perf_counter() - began:.2f} s")


def crossover(store: Path) -> None:
    from app.store.terms import is_complete

    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    if not is_complete(con):
        print("the term table is not complete: run `terms` first", file=sys.stderr)
        return
    searcher = _searcher(store)
    searcher.expand_most = 10**9  # type: ignore[attr-defined]
    for prefix in ("qabcd", "qabc", "qab", "qa", "q", "t", "th", "co", "zebra0", "zebra", "z"):
        began = time.perf_counter()
        expanded = searcher.query(con, prefix)  # type: ignore[attr-defined]
        lookup = (time.perf_counter() - began) * 1000
        words = expanded.count(" OR ") + 1 if expanded else 0
        plain = _timed(con, SEARCH, f'"{prefix}"*')
        whole = _timed(con, SEARCH, expanded) if expanded else 0.0
        print(
            f"{prefix!r:9} {words:7d} words: prefix {plain:8.2f} ms | expanded {whole:8.2f} ms"
            f" + expansion {lookup:6.2f} ms"
        )
    con.close()


def mentions(sizes: list[int]) -> None:
    import random
    import string

    from backends.matrix import convert as cv
    from backends.matrix.mentions import Audience, find_mentions

    rng = random.Random(1)

    def word(k: int) -> str:
        return "".join(rng.choices(string.ascii_letters, k=k))

    body = "Bob Peer: could you look at the build log again, it fails at the second step"
    for n in sizes:
        names = {f"@u{i}:example.org": f"{word(8)} {word(6)}" for i in range(n - 1)}
        names["@bob:example.org"] = "Bob Peer"
        audience = Audience("@me:example.org", names, may_notify_room=True)
        runs = []
        for _ in range(5):
            began = time.perf_counter()
            for _ in range(50):
                found = find_mentions(body, audience)
                cv.text_content(body, mentions=found, audience=audience)
            runs.append((time.perf_counter() - began) / 50)
        print(f"{n} members: {statistics.median(runs) * 1000:.2f} ms a message")


def main() -> int:
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    if (
        what
        not in ("sidebar", "rowpaint", "members", "churn", "fts", "crossover", "terms", "mentions")
        or len(sys.argv) < 3
    ):
        print(__doc__, file=sys.stderr)
        return 2
    arg = sys.argv[2]
    if what == "fts":
        fts(Path(arg))
    elif what == "crossover":
        crossover(Path(arg))
    elif what == "terms":
        terms(Path(arg), int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    elif what == "sidebar":
        sidebar([int(n) for n in arg.split(",")])
    elif what == "rowpaint":
        rowpaint(int(arg))
    elif what == "churn":
        churn([int(n) for n in arg.split(",")])
    elif what == "mentions":
        mentions([int(n) for n in arg.split(",")])
    else:
        members([int(n) for n in arg.split(",")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
