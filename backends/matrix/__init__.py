"""Matrix for Chinwag, through matrix-nio (registered as the ``matrix`` backend)."""

from backends.matrix.lean_nio import import_nio

import_nio()  # before any module of the backend imports nio or pycryptodome

from backends.matrix.backend import MatrixBackend  # noqa: E402

__all__ = ["MatrixBackend"]
