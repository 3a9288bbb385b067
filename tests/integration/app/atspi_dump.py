"""Print the accessibility tree of one application as a screen reader sees it (AT-SPI).

Run with the *system* python3 (Debian's python3-pyatspi); prints one JSON line per node:
{"role": ..., "name": ..., "depth": ...}. Usage: atspi_dump.py APP_NAME [TIMEOUT_SECONDS]
"""

import json
import sys
import time

import pyatspi


def find_app(name):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == name:
            return app
    return None


def walk(node, depth, out):
    if node is None or depth > 40:
        return
    try:
        role = node.getRoleName()
        name = node.name
        states = node.getState()
        showing = states.contains(pyatspi.STATE_SHOWING)
    except Exception:
        return
    out.append({"role": role, "name": name, "depth": depth, "showing": showing})
    for i in range(node.childCount):
        walk(node.getChildAtIndex(i), depth + 1, out)


def main():
    name = sys.argv[1]
    deadline = time.monotonic() + float(sys.argv[2] if len(sys.argv) > 2 else 20)
    while True:
        app = find_app(name)
        if app is not None:
            out = []
            walk(app, 0, out)
            if any(n["role"] == "push button" and n["showing"] for n in out):
                for node in out:
                    print(json.dumps(node))
                return 0
        if time.monotonic() > deadline:
            print(json.dumps({"error": f"no accessible application {name!r}"}))
            return 1
        time.sleep(0.25)


sys.exit(main())
