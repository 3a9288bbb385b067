"""IRC for Chinwag: TLS, SASL, IRCv3 and a watch list, on asyncio streams. See ``backend.py``."""

from backends.irc.backend import IrcBackend

__all__ = ["IrcBackend"]
