"""The running scene of the accessibility tests and the steps they share: the app, Orca, the bot,
and how to get the window to a known place by keyboard alone.

Every wait here is on a condition (the tree, an event, a line of Orca's log) with a generous
deadline; none is a fixed pause.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.a11y.agent import Agent, Node
from tests.a11y.desktop import Desktop, wait_until
from tests.a11y.irc_bot import IrcBot

APP = "Chinwag"
MERGED = re.compile(r"(\d+) new (?:private )?messages?\b")


def told_count(line: str, marker: str) -> int:
    """How many messages one spoken announcement stands for: a merged count ("19 new messages
    in #a11y, from bob") or each message it reads whose text contains ``marker``."""
    return sum(int(n) for n in MERGED.findall(line)) + line.count(marker)


@dataclass
class Scene:
    desktop: Desktop
    agent: Agent
    app: subprocess.Popen[bytes]
    bot: IrcBot
    nick: str
    channel: str
    root: Path
    offer: list[str] = field(default_factory=list)  # what Orca said when the mode was offered

    # -- reading the tree ---------------------------------------------------------------------

    def tree(self) -> list[Node]:
        return self.agent.tree(APP)

    def focused(self) -> Node | None:
        """The object of the last focus event, if it still has the focus (as Orca follows it)."""
        node = self.agent.focus()
        if node is None or "focused" not in node.states:
            return None
        return node

    def wait_focus(self, predicate: Callable[[Node], bool], what: str, timeout: float = 30) -> Node:
        def check() -> Node | None:
            node = self.focused()
            return node if node is not None and predicate(node) else None

        try:
            return wait_until(check, timeout, what)  # type: ignore[return-value]
        except AssertionError:
            node = self.focused()
            raise AssertionError(
                f"timed out waiting for {what}; focus is on {node.role if node else None} "
                f"{node.name if node else ''!r}"
            ) from None

    def windows(self) -> list[Node]:
        """The application's top-level windows (frame and dialogs), shown or not."""
        return self.agent.windows(APP)

    def dialogs(self) -> list[Node]:
        return [n for n in self.windows() if n.role in ("dialog", "alert", "file chooser")]

    def wait_no_dialog(self, timeout: float = 30) -> None:
        wait_until(lambda: not self.dialogs(), timeout, "every dialog to leave the tree")

    def wait_dialog(self, name: str, timeout: float = 30) -> Node:
        def found() -> Node | None:
            return next((n for n in self.dialogs() if name in n.name and n.showing), None)

        return wait_until(found, timeout, f"the dialog {name!r}")  # type: ignore[return-value]

    def subtree(self, root: Node) -> list[Node]:
        return self.agent.tree(APP, window=root.path[0])

    # -- what Orca says -----------------------------------------------------------------------

    def spoken(self, since: int) -> list[str]:
        return self.desktop.spoken()[since:]

    def wait_spoken(
        self, predicate: Callable[[str], bool], since: int, what: str, timeout: float = 45
    ) -> str:
        return self.desktop.wait_spoken(predicate, since, what, timeout)

    # -- the app ------------------------------------------------------------------------------

    def wait_joined(self) -> None:
        """The app's nick joined the channel (the bot saw it) and the sidebar shows it."""
        self.bot.wait_for(lambda line: f":{self.nick}!" in line and " JOIN " in line, 90)
        wait_until(
            lambda: any(n.name.startswith(self.channel) for n in self.tree()),
            60,
            "the channel in the sidebar",
        )

    def answer_offer(self) -> None:
        """At first start with a screen reader running, the app offers screen-reader mode:
        keep what Orca said about it, and turn it on (Enter on the default button)."""
        since = self.desktop.mark()
        self.wait_dialog("Screen-reader mode", 90)
        self.wait_focus(lambda n: n.name == "Turn on screen-reader mode", "the offer's button")
        self.wait_spoken(lambda s: "A screen reader is running" in s, since, "the offer spoken")
        self.offer = self.spoken(since)
        self.agent.keys("Return")
        self.wait_no_dialog()

    def reset(self) -> None:
        """Close what is open (Escape), then open the channel with Ctrl+K: focus in the composer."""
        for _ in range(4):
            if not self.dialogs():
                break
            self.agent.keys("Escape")
            try:
                wait_until(lambda: not self.dialogs(), 5, "the dialog to close")
            except AssertionError:
                continue
        self.switch_to(self.channel)

    def switch_to(self, name: str) -> None:
        """Ctrl+K, type the name, wait for it to be the first match, Enter."""
        self.agent.keys("ctrl+k")
        self.wait_focus(lambda n: n.name == "Conversation name", "the quick switcher's field")
        self.agent.type(name)
        self.wait_first_match(name)
        self.agent.keys("Return")
        self.wait_no_dialog()
        self.wait_focus(lambda n: n.name == f"Message to {name}", f"the composer of {name}")

    def wait_first_match(self, name: str) -> None:
        def first() -> bool:
            dialogs = self.dialogs()
            if not dialogs:
                return False
            items = [
                n
                for n in self.subtree(dialogs[0])
                if n.role in ("list item", "table cell") and n.showing
            ]
            return bool(items) and items[0].name.startswith(name)

        wait_until(first, 30, f"{name!r} first in the quick switcher")

    def ensure_direct(self) -> None:
        """The bot has written to us directly, so a conversation with it exists."""
        cells = [n for n in self.subtree(self.windows()[0]) if n.role == "table cell"]
        if not any(n.name.startswith(self.bot.nick) for n in cells):
            since = self.desktop.mark()
            self.bot.say(self.nick, "Hello from the bot, in private")
            self.wait_spoken(lambda s: "in private" in s, since, "the private message spoken")
