"""The running scene of the accessibility tests and the steps they share: the app, Orca, the bot,
and how to get the window to a known place by keyboard alone."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.a11y.agent import Agent, Node
from tests.a11y.desktop import Desktop, wait_until
from tests.a11y.irc_bot import IrcBot

APP = "Chinwag"


@dataclass
class Scene:
    desktop: Desktop
    agent: Agent
    app: subprocess.Popen[bytes]
    bot: IrcBot
    nick: str
    channel: str
    root: Path

    # -- reading the tree ---------------------------------------------------------------------

    def tree(self) -> list[Node]:
        return self.agent.tree(APP)

    def find(self, predicate: Callable[[Node], bool]) -> list[Node]:
        return [n for n in self.tree() if predicate(n)]

    def focused(self) -> Node | None:
        """The object that has the keyboard focus: focused, focusable, showing, and not an item
        of a list (Qt marks every view's current item "focused", see docs/accessibility.md)."""
        found = [
            n
            for n in self.tree()
            if "focused" in n.states
            and "focusable" in n.states
            and n.showing
            and n.role not in ("list item", "tree item", "table cell")
        ]
        return found[-1] if found else None

    def wait_focus(self, predicate: Callable[[Node], bool], what: str, timeout: float = 20) -> Node:
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

    def dialogs(self) -> list[Node]:
        return [n for n in self.tree() if len(n.path) == 1 and n.role in ("dialog", "alert")]

    # -- the app ------------------------------------------------------------------------------

    def wait_joined(self) -> None:
        """The app's nick joined the channel (the bot saw it) and the sidebar shows it."""
        self.bot.wait_for(lambda line: f":{self.nick}!" in line and " JOIN " in line, 90)
        wait_until(
            lambda: any(n.name.startswith(self.channel) for n in self.tree()),
            60,
            "the channel in the sidebar",
        )

    def reset(self) -> None:
        """Close what is open (Escape), then open the channel with Ctrl+K: focus in the composer."""
        for _ in range(3):
            if not self.dialogs():
                break
            self.agent.keys("Escape")
            time.sleep(0.3)
        self.switch_to(self.channel)

    def switch_to(self, name: str) -> None:
        self.agent.keys("ctrl+k")
        self.wait_focus(lambda n: n.role == "text", "the quick switcher's field")
        self.agent.type(name)
        time.sleep(0.5)
        self.agent.keys("Return")
        self.wait_focus(lambda n: n.role == "text" and not self.dialogs(), "the composer")
