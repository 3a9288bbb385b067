"""Guards against PySide6 defects that would crash a long-running app.

PySide6 6.12.0's ``QModelIndex.data()`` returned ``None`` without a reference of its own, so each
call for a role without data dropped one reference to ``None``; Python 3.11 aborts when that count
reaches zero. Our delegates call ``data()`` on every paint, so the app died after a while.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt


class _Model(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        return True if role == Qt.ItemDataRole.UserRole else None


def test_empty_data_keeps_references_to_none_and_bools() -> None:
    model = _Model()
    index = model.index(0)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        index.data(Qt.ItemDataRole.DecorationRole)
        index.data(Qt.ItemDataRole.UserRole)
    assert sys.getrefcount(None) - none_before > -50, "QModelIndex.data() leaks None references"
    assert sys.getrefcount(True) - true_before > -50, "QModelIndex.data() leaks bool references"
