"""The running app as a screen reader reads it through AT-SPI (Debian's pyatspi): names of every
control in the window and in each dialog, the Tab cycle of the window and of each dialog, focus
events while moving in lists, announcements of a burst, and no dialog left behind once closed.

Same scene as test_orca.py (Orca runs too): the app on Xvfb, signed in to InspIRCd, a bot in
the channel. Keys are real key presses through the AT-SPI registry.
"""

from __future__ import annotations

import pytest

from tests.a11y.agent import INTERACTIVE_ROLES, Node
from tests.a11y.desktop import wait_until
from tests.a11y.scene import Scene, told_count

ITEMS = ("list item", "table cell", "tree item", "table column header")
DIALOGS = (
    ("ctrl+k", "Go to conversation"),
    ("ctrl+f", "Search in"),
    ("ctrl+shift+f", "Search all accounts"),
    ("ctrl+j", "Join a room"),
    ("ctrl+shift+n", "Start a conversation"),
    ("ctrl+shift+j", "Browse rooms"),
    ("ctrl+n", "Add an account"),
    ("F1", "Keyboard shortcuts"),
    ("ctrl+i", "Activity"),
    ("ctrl+semicolon", "Insert emoji"),  # from the composer, where scene.reset() leaves us
)


def controls(nodes: list[Node]) -> list[Node]:
    """What a person operates: shown controls of an interactive role, list items aside (they
    are the content of their list)."""
    return [n for n in nodes if n.role in INTERACTIVE_ROLES and n.showing]


def unnamed(nodes: list[Node]) -> list[str]:
    return [f"{n.role} at {n.path}" for n in controls(nodes) if not n.name.strip()]


def badly_spaced(nodes: list[Node]) -> list[str]:
    """Names starting or ending with white space (a newline read first, say)."""
    return [repr(n.name) for n in nodes if n.name and n.name != n.name.strip()]


def reachable(nodes: list[Node]) -> set[tuple[str, str]]:
    """What Tab must reach: shown, enabled, focusable controls (lists count, not their items)."""
    return {
        (n.role, n.name)
        for n in controls(nodes)
        if "focusable" in n.states and "enabled" in n.states and n.role not in ITEMS
    }


def focus_key(node: Node) -> tuple[str, str]:
    """What Tab reached: a list's item stands for its list."""
    if node.role in ITEMS and node.container is not None:
        return node.container
    return (node.role, node.name)


def tab_cycle(scene: Scene, start: Node, limit: int = 40, key: str = "Tab") -> list[Node]:
    """Press Tab until the focus is back on ``start``; every object it visited, in order."""
    visited: list[Node] = []
    current = start
    for _ in range(limit):
        before = scene.agent.mark()
        scene.agent.keys(key)
        event = scene.agent.wait_event(
            lambda e: e["type"] == "object:state-changed:focused" and e["detail1"] == 1,
            before,
            f"a focus change after {key} from {current.role} {current.name!r}",
        )
        node = scene.focused()
        assert node is not None, f"{key} from {current.name!r} left nothing focused ({event})"
        current = node
        if focus_key(node) == focus_key(start):
            return visited
        visited.append(node)
    raise AssertionError(f"{key} never came back to {start.name!r}: {[n.name for n in visited]}")


def test_every_control_of_the_window_is_named(scene: Scene) -> None:
    scene.reset()
    frame = scene.windows()[0]
    nodes = scene.subtree(frame)
    assert unnamed(nodes) == []
    assert badly_spaced(nodes) == []
    # The clear button Qt puts in the filter field has a name of its own.
    assert ("push button", "Clear the filter") in {(n.role, n.name) for n in nodes}
    # Exactly one object claims the keyboard focus (plus, at most, its list's current item).
    focused = [n for n in nodes if "focused" in n.states and n.role not in ITEMS]
    assert [n.name for n in focused] == [f"Message to {scene.channel}"]


def test_the_window_tab_cycle_reaches_every_control_and_returns(scene: Scene) -> None:
    scene.reset()
    start = scene.focused()
    assert start is not None and start.name == f"Message to {scene.channel}"
    forward = tab_cycle(scene, start)
    names = [n.name for n in forward]
    print("Tab from the composer:", names)
    frame = scene.windows()[0]
    expected = reachable(scene.subtree(frame)) - {focus_key(start)}
    seen = {focus_key(n) for n in forward}
    missing = expected - seen
    assert missing == set(), f"Tab never reached {missing}"
    # Reading order: the sidebar first, then the conversation's header, messages, Send.
    order = [focus_key(n)[1] for n in forward]
    assert order.index("Send message") < order.index("Filter conversations")
    assert order.index("Filter conversations") < order.index("Accounts and conversations")
    assert order.index("Show members") < order.index(f"Messages in {scene.channel}")
    assert "More conversation actions" in order
    backward = tab_cycle(scene, start, key="shift+Tab")
    assert [focus_key(n) for n in backward] == [focus_key(n) for n in reversed(forward)]


def test_moving_in_the_lists_sends_focus_events(scene: Scene) -> None:
    """Entering the messages lands on a message (the one last read if it is in sight, else the
    newest in sight); End, Up, Home move with a focus event each. Entering the sidebar lands on
    the open conversation, selected."""
    scene.reset()
    for text in ("First of three", "Second of three", "Third of three"):
        scene.bot.say(scene.channel, text)
    since = scene.desktop.mark()
    scene.wait_spoken(lambda s: "Third of three" in s or "3 new messages" in s, since, "them")

    def focus_after(keys: tuple[str, ...], match: str, what: str) -> dict[str, object]:
        mark = scene.agent.mark()
        scene.agent.keys(*keys)
        return scene.agent.wait_event(
            lambda e: (
                e["type"] == "object:state-changed:focused"
                and e["detail1"] == 1
                and e["role"] in ("list item", "table cell")
                and match in e["name"]
            ),
            mark,
            what,
        )

    focus_after(("F6",), f"{scene.bot.nick}, ", "a message on entering the list")
    focus_after(("Up",), f"{scene.bot.nick}, ", "Up: the one before")
    assert focus_after(("End",), "Third of three", "End: the newest")["role"] == "list item"
    focus_after(("Up",), "Second of three", "Up")
    focus_after(("Up",), "First of three", "Up again")
    focus_after(("End",), "Third of three", "End again")
    home = focus_after(("Home",), "", "Home: the first loaded message")
    assert "Third of three" not in str(home["name"])
    # The sidebar (messages → composer → sidebar): the open conversation, selected.
    event = focus_after(("shift+F6", "shift+F6"), scene.channel, "the sidebar's open item")
    assert event["role"] == "table cell"
    assert "selected" in event["states"]


def test_a_burst_of_20_is_told_in_full(scene: Scene) -> None:
    """Notifications shown (what Orca 43 speaks) together count all 20 messages, merged."""
    scene.reset()
    mark = scene.agent.mark()
    for i in range(1, 21):
        scene.bot.say(scene.channel, f"Flood line {i} of 20")

    def notices() -> list[str]:
        return [
            e["name"]
            for e in scene.agent.events(mark)
            if e["type"] == "object:state-changed:showing"
            and e["detail1"] == 1
            and e["role"] == "notification"
        ]

    wait_until(lambda: sum(told_count(n, "Flood line") for n in notices()) >= 20, 60, "20 told")
    print("notifications:", notices())
    assert sum(told_count(n, "Flood line") for n in notices()) == 20
    assert len(notices()) <= 3  # merged, not one per message
    # Old notifications leave the tree: a burst does not leave twenty objects behind.
    frame = scene.windows()[0]
    left = [n for n in scene.subtree(frame) if n.role == "notification"]
    assert len(left) <= 2


@pytest.mark.parametrize(("keys", "title"), DIALOGS, ids=[t for _k, t in DIALOGS])
def test_each_dialog_is_named_tabbable_and_gone_once_closed(
    scene: Scene, keys: str, title: str
) -> None:
    scene.reset()
    scene.agent.keys(keys)
    dialog = scene.wait_dialog(title)
    start = scene.wait_focus(
        lambda n: n.name != f"Message to {scene.channel}", f"the focus in {title}"
    )
    nodes = scene.subtree(dialog)
    assert unnamed(nodes) == [], title
    assert badly_spaced(nodes) == [], title
    named = [focus_key(n) for n in controls(nodes) if n.role not in ITEMS]
    doubles = {k for k in named if named.count(k) > 1}
    assert doubles == set(), f"{title}: two controls named alike: {doubles}"
    visited = tab_cycle(scene, start)
    seen = {focus_key(n) for n in visited} | {focus_key(start)}
    missing = reachable(nodes) - seen
    assert missing == set(), f"{title}: Tab never reached {missing}"
    scene.agent.keys("Escape")
    scene.wait_no_dialog()
    assert [w.role for w in scene.windows()] == ["frame"]


def test_settings_has_an_accessibility_page(scene: Scene) -> None:
    """Settings: both pages named, the accessibility page with its controls; then gone."""
    scene.reset()
    scene.agent.keys("ctrl+comma")
    dialog = scene.wait_dialog("Settings")
    general = scene.subtree(dialog)
    assert unnamed(general) == []
    scene.agent.keys("alt+c")  # the A&ccessibility page
    wait_until(
        lambda: any(n.name == "Screen-reader mode" and n.showing for n in scene.subtree(dialog)),
        30,
        "the accessibility page",
    )
    page = scene.subtree(dialog)
    assert unnamed(page) == []
    shown = {(n.role, n.name) for n in page if n.showing}
    assert ("check box", "Screen-reader mode") in shown
    assert ("list", "Parts read, in order") in shown
    assert ("text", "Preview") in shown
    # A combo box is named by its value (Qt); its label, the account, is a relation.
    assert ("combo box", "Mentions and direct messages") in shown  # the account's default
    scene.agent.keys("Escape")
    scene.wait_no_dialog()


def test_the_irc_account_form_names_each_field_once(scene: Scene) -> None:
    """Add an account, IRC chosen by typing in the service box: the services account ("Account
    name") and the name shown in the sidebar are two fields with two names."""
    scene.reset()
    scene.agent.keys("ctrl+n")
    dialog = scene.wait_dialog("Add an account")
    scene.wait_focus(lambda n: n.role in ("text", "password text"), "the first field")
    # The form is rebuilt once the services are known (on the core's thread): a Shift+Tab
    # pressed just before that lands where the rebuilt form no longer is, so press it again
    # until the service box has the focus (the dialog's tab chain is a cycle: it comes back).
    for _ in range(20):
        scene.agent.keys("shift+Tab")
        try:
            scene.wait_focus(lambda n: n.role == "combo box", "the service box", timeout=3)
            break
        except AssertionError:
            continue
    scene.wait_focus(lambda n: n.role == "combo box", "the service box")
    scene.agent.keys("i")  # IRC, by its first letter
    wait_until(
        lambda: any(n.name == "Nickname" for n in scene.subtree(dialog)), 30, "the IRC fields"
    )
    # Both name fields are under "Advanced": Tab to it and open it with Space.
    for _ in range(20):
        current = scene.focused()
        assert current is not None
        if current.name.startswith("Advanced"):
            break
        before = scene.agent.mark()
        scene.agent.keys("Tab")
        scene.agent.wait_event(
            lambda e: e["type"] == "object:state-changed:focused" and e["detail1"] == 1,
            before,
            f"a focus change after Tab from {current.name!r}",
        )
    scene.agent.keys("space")
    # The hidden field is in the tree while Advanced is collapsed: wait until it shows.
    wait_until(
        lambda: any(
            n.name == "Account name" and n.role == "text" for n in controls(scene.subtree(dialog))
        ),
        30,
        "Advanced open",
    )
    nodes = scene.subtree(dialog)
    assert unnamed(nodes) == []
    named = [focus_key(n) for n in controls(nodes) if n.role not in ITEMS]
    assert {k for k in named if named.count(k) > 1} == set()
    assert ("text", "Account name") in set(named)  # IRC services account
    assert ("text", "Name in the sidebar") in set(named)
    scene.agent.keys("Escape")
    scene.wait_no_dialog()
    assert [w.role for w in scene.windows()] == ["frame"]
