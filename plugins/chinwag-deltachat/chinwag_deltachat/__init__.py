"""Delta Chat (chat over e-mail) for Chinwag: a plugin written only against ``app.api``."""

from chinwag_deltachat.backend import DeltaChatBackend

__all__ = ["DeltaChatBackend"]
