"""End-to-end encryption for XMPP: OMEMO 2 and OMEMO 0.3 (XEP-0384) on slixmpp-omemo, with the
XEP-0420 envelope OMEMO 2 needs, XEP-0454 encrypted files, and keys at rest under a keyring key.

:class:`~backends.xmpp.omemo.service.OmemoService` is the entry point; ``docs/xmpp.md`` ("End-to-end
encryption") says what is encrypted, when, and how trust is decided.
"""
