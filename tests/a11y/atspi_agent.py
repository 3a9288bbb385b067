"""A screen reader's view of one application, driven over stdin/stdout (JSON lines).

Runs under the *system* Python (Debian's python3-pyatspi and its GObject bindings), so the tests,
which run in the project's virtualenv, talk to it as a subprocess: one request per line
``{"id": n, "cmd": ..., ...}``, one answer per line ``{"id": n, "ok": true, "result": ...}``.

It reads the tree as an assistive technology does (roles, names, descriptions, states), types keys
through the AT-SPI registry (XTest underneath, so Orca hears them as real key presses) and records
the events a screen reader reacts to: focus changes, notification objects being shown, windows
activated. It deliberately does NOT listen for ``object:announcement``: an application asks the
registry who listens to what, and this agent must not pretend that the screen reader under test
(Orca 43) understands announcements.
"""

import json
import os
import sys
import time
import traceback

import gi

gi.require_version("Atspi", "2.0")
gi.require_version("Gdk", "3.0")
import pyatspi  # noqa: E402
from gi.repository import Gdk, GLib  # noqa: E402

# Only what the tests look at: every event costs the app a few D-Bus calls to describe it, and
# an agent that asks about everything slows the app (and Orca, waiting on the app) for nothing.
EVENTS = (
    "object:state-changed:focused",
    "object:state-changed:showing",
    "window:activate",
)
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "password text",
    "entry",
    "spin button",
    "slider",
    "list",
    "tree",
    "tree table",
    "table",
    "menu item",
    "check menu item",
    "radio menu item",
    "page tab",
    "list item",
    "tree item",
    "table cell",
    "link",
}
MODIFIERS = {"ctrl": "Control_L", "shift": "Shift_L", "alt": "Alt_L"}

recorded = []  # every event seen, in order
_state = {"keymap": None, "pending": b"", "focus": None}


def describe(obj):
    try:
        states = obj.getState().getStates()
        info = {
            "role": obj.getRoleName(),
            "name": obj.name or "",
            "description": obj.description or "",
            "states": sorted(pyatspi.stateToString(s) for s in states),
            "children": obj.childCount,
        }
        if info["role"] in ("list item", "table cell", "tree item"):
            parent = obj.parent
            info["container"] = [parent.getRoleName(), parent.name or ""] if parent else None
        return info
    except Exception as exc:  # defunct objects
        return {"role": "", "name": "", "description": "", "states": [], "error": str(exc)}


def on_event(event):
    if event.type == "object:state-changed:showing":
        try:  # only notifications matter, and their role is one call away
            if event.source.getRoleName() != "notification":
                return
        except Exception:
            return
    try:
        source = describe(event.source)
    except Exception:
        source = {}
    if event.type == "object:state-changed:focused" and event.detail1:
        _state["focus"] = event.source
    recorded.append(
        {
            "type": event.type,
            "detail1": event.detail1,
            "t": time.monotonic(),
            "any": event.any_data if isinstance(event.any_data, str) else "",
            **source,
        }
    )


def find_app(name):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == name:
            return app
    return None


def walk(node, path, out, depth=0):
    if node is None or depth > 60:
        return
    info = describe(node)
    info["path"] = path
    out.append(info)
    try:
        count = node.childCount
    except Exception:
        return
    # Long lists: the items are many and alike; their first ones are enough to judge them.
    if info["role"] in ("list", "tree", "table", "tree table") and count > 40:
        count = 40
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, [*path, i], out, depth + 1)


def keycode(name):
    if _state["keymap"] is None:
        Gdk.init([])
        _state["keymap"] = Gdk.Keymap.get_for_display(Gdk.Display.get_default())
    keymap = _state["keymap"]
    keyval = Gdk.keyval_from_name(name)
    ok, keys = keymap.get_entries_for_keyval(keyval)
    if not ok or not keys:
        raise ValueError(f"no key for {name!r}")

    def on_keypad(key):
        # Home is also KP_7 without NumLock: Orca takes keypad keys for its flat review.
        found, _keys, keyvals = keymap.get_entries_for_keycode(key.keycode)
        return found and any((Gdk.keyval_name(v) or "").startswith("KP_") for v in keyvals)

    keys = sorted(keys, key=lambda k: (on_keypad(k), k.group, k.level))
    return keys[0].keycode, keys[0].level


def press(combo):
    """One key press like "ctrl+k", "shift+Tab", "Down" or "a" (X keysym names)."""
    *mods, key = combo.split("+") if combo != "+" else ["plus"]
    held = [keycode(MODIFIERS[m.lower()])[0] for m in mods]
    code, level = keycode(key)
    if level == 1 and "shift" not in [m.lower() for m in mods]:
        held.append(keycode("Shift_L")[0])
    for c in held:
        pyatspi.Registry.generateKeyboardEvent(c, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_PRESSRELEASE)
    for c in reversed(held):
        pyatspi.Registry.generateKeyboardEvent(c, None, pyatspi.KEY_RELEASE)


def handle(request):
    cmd = request["cmd"]
    if cmd == "wait_app":
        deadline = time.monotonic() + float(request.get("timeout", 30))
        while time.monotonic() < deadline:
            if find_app(request["name"]) is not None:
                return True
            time.sleep(0.2)
        raise TimeoutError(f"no accessible application {request['name']!r}")
    if cmd == "tree":
        app = find_app(request["name"])
        if app is None:
            raise LookupError(f"no accessible application {request['name']!r}")
        out = []
        window = request.get("window")
        if window is None:
            walk(app, [], out)
        else:  # one top-level window only (cheaper)
            walk(app.getChildAtIndex(int(window)), [int(window)], out)
        return out
    if cmd == "windows":
        app = find_app(request["name"])
        if app is None:
            raise LookupError(f"no accessible application {request['name']!r}")
        return [{**describe(app.getChildAtIndex(i)), "path": [i]} for i in range(app.childCount)]
    if cmd == "focus":
        source = _state["focus"]
        return None if source is None else {**describe(source), "path": []}
    if cmd == "keys":
        for combo in request["keys"]:
            press(combo)
            time.sleep(float(request.get("gap", 0.05)))
        return True
    if cmd == "type":
        pyatspi.Registry.generateKeyboardEvent(0, request["text"], pyatspi.KEY_STRING)
        return True
    if cmd == "events":
        return recorded[int(request.get("since", 0)) :]
    if cmd == "mark":
        return len(recorded)
    if cmd == "interactive_roles":
        return sorted(INTERACTIVE)
    raise ValueError(f"unknown command {cmd!r}")


def on_input(channel, condition):
    """Answer every complete request line that arrived (several may come in one read)."""
    chunk = os.read(sys.stdin.fileno(), 65536)
    if not chunk:
        pyatspi.Registry.stop()
        return False
    _state["pending"] += chunk
    while b"\n" in _state["pending"]:
        line, _state["pending"] = _state["pending"].split(b"\n", 1)
        if line.strip():
            answer(json.loads(line))
    return True


def answer(request):
    try:
        reply = {"id": request.get("id"), "ok": True, "result": handle(request)}
    except Exception as exc:
        reply = {
            "id": request.get("id"),
            "ok": False,
            "error": f"{type(exc).__name__}: {exc}",
            "trace": traceback.format_exc(),
        }
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()


def main():
    for event in EVENTS:
        pyatspi.Registry.registerEventListener(on_event, event)
    GLib.io_add_watch(sys.stdin.fileno(), GLib.IO_IN | GLib.IO_HUP, on_input)
    sys.stdout.write(json.dumps({"id": None, "ok": True, "result": "ready"}) + "\n")
    sys.stdout.flush()
    pyatspi.Registry.start()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("GDK_BACKEND", "x11")
    sys.exit(main())
