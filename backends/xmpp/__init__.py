"""XMPP backend for Chinwag (slixmpp). See ``docs/xmpp.md`` for what it implements and why."""

from backends.xmpp.backend import XmppBackend

__all__ = ["XmppBackend"]
