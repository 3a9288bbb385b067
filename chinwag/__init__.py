"""Chinwag's public, installable extras for people outside this tree (``chinwag.testing``).

The application itself lives in ``app``, ``backends`` and ``ui``; this package holds what a
plugin author imports besides :mod:`app.api`.
"""
