"""Per-account persistence: one SQLite file per account (see :class:`AccountStore`)."""

from app.store.account_store import AccountStore, OutboxEntry, StoreError

__all__ = ["AccountStore", "OutboxEntry", "StoreError"]
