"""Matrix for Chinwag, through matrix-nio (registered as the ``matrix`` backend)."""

from backends.matrix.backend import MatrixBackend

__all__ = ["MatrixBackend"]
