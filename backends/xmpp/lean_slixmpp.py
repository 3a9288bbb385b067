"""slixmpp imported without Pygments.

At import, ``slixmpp.xmlstream.tostring`` builds a highlighter for its debug log from Pygments,
if Pygments is installed: the XML lexer and a 256-colour terminal formatter, 41 modules and
4.2 MB resident in every Chinwag with an XMPP account (Pygments is installed as a dependency of
other tools, and nothing in Chinwag uses it). The highlighter only ever adds terminal colour codes
to slixmpp's DEBUG lines, which Chinwag writes to a log file, where they are noise. Without
Pygments slixmpp falls back to plain text, so the import is made to see none.
"""

from __future__ import annotations

import sys


def import_slixmpp() -> None:
    """Import slixmpp with ``import pygments`` failing meanwhile (once, before anything else
    imports slixmpp; a process that has either already is left as it is).

    ``sys.modules[name] = None`` is Python's documented way to make an import of ``name`` raise
    ``ImportError``; it is undone at once. Nothing else in the process imports Pygments."""
    if "slixmpp" in sys.modules or "pygments" in sys.modules:
        return
    sys.modules["pygments"] = None  # type: ignore[assignment]
    try:
        import slixmpp  # noqa: F401, PLC0415
    finally:
        entry: object = sys.modules.get("pygments", sys)
        if entry is None:  # still the block (not a Pygments imported meanwhile)
            del sys.modules["pygments"]
