"""Chinwag's core: models, the adapter interface, stores, dispatch and the command API.

Nothing in this package imports Qt, a backend or a protocol library (a test enforces it), so the
core runs with no UI at all.
"""

__version__ = "0.1.0"
