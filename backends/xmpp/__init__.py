"""XMPP backend for Chinwag (slixmpp). See ``docs/xmpp.md`` for what it implements and why."""

from backends.xmpp.lean_slixmpp import import_slixmpp

import_slixmpp()  # before any module of the backend imports slixmpp

from backends.xmpp.backend import XmppBackend  # noqa: E402

__all__ = ["XmppBackend"]
