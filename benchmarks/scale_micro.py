"""Micro-benchmarks behind the scale curves' explanations (docs/performance.md, "Scale").

One class each, offscreen, no servers; they explain a bend, they are not the figures users feel:

- ``sidebar 50,200,1000``: ``SidebarModel`` + ``Sidebar`` (proxy and tree) fed one
  ``ConversationsChanged`` per account (three accounts) as at start; ms to fill and paint.
- ``members 1000,5000``: ``MemberPanel`` with faces, ``set_members`` + layout + paint, then one
  member more; with and without uniform item sizes.
- ``fts STORE.sqlite3``: per query of ``store_bench.QUERIES`` on one account store (read-only),
  the store's search statement with the last word as a prefix (what the app asks) and exact.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

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


def fts(store: Path) -> None:
    from app.store.fts import fts_query
    from benchmarks.store_bench import QUERIES

    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    sql = (
        "SELECT seq FROM messages WHERE seq IN (SELECT rowid FROM messages_fts"
        " WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 50) ORDER BY seq DESC"
    )
    count = "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?"
    for query in QUERIES:
        parts = []
        prefix = fts_query(query)
        for variant, text in (("prefix", prefix), ("exact", prefix.removesuffix("*"))):
            con.execute(sql, (text,)).fetchall()
            times = []
            for _ in range(3):
                began = time.perf_counter()
                con.execute(sql, (text,)).fetchall()
                times.append(time.perf_counter() - began)
            matches = con.execute(count, (text,)).fetchone()[0]
            parts.append(f"{variant} {statistics.median(times) * 1000:6.2f} ms ({matches} rows)")
        print(f"{query!r:18} " + " | ".join(parts))
    con.close()


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("sidebar", "members", "fts"):
        print(__doc__, file=sys.stderr)
        return 2
    what, arg = sys.argv[1], sys.argv[2]
    if what == "fts":
        fts(Path(arg))
    elif what == "sidebar":
        sidebar([int(n) for n in arg.split(",")])
    else:
        members([int(n) for n in arg.split(",")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
