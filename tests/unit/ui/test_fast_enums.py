"""ui.fast_enums: every Qt enum built the faster way is the class ``enum`` itself would build.

Each enum PySide6 has made for QtCore, QtGui and QtWidgets (every class of the three touched) is
built again from its ``(name, value)`` pairs, once by ``enum``'s own ``_create_`` and once by
``ui.fast_enums._create_``, and the two classes are compared attribute by attribute, member by
member (values, names, order, aliases, the flag masks, iteration, lookups, ``repr``/``str``).
"""

from __future__ import annotations

import enum
import pickle
import types
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from ui import fast_enums

KINDS = (enum.IntFlag, enum.Flag, enum.IntEnum, enum.Enum)
Spec = tuple[Any, str, list[tuple[str, int]]]


def _qt_enums() -> Iterator[Spec]:
    """Every enum of the three modules' classes, as shiboken asked for it."""
    seen: set[int] = set()

    def visit(owner: object) -> Iterator[Spec]:
        for key in dir(owner):
            try:
                value = getattr(owner, key)
            except Exception:  # a property of a type object, not ours
                continue
            if not isinstance(value, type) or id(value) in seen:
                continue
            if not value.__module__.startswith("PySide6"):
                continue
            seen.add(id(value))
            if isinstance(value, enum.EnumType):
                kind = next(k for k in KINDS if issubclass(value, k))
                pairs = [(name, member._value_) for name, member in value._member_map_.items()]
                yield kind, value.__name__, pairs
            else:
                yield from visit(value)

    for module in (QtCore, QtGui, QtWidgets):
        yield from visit(module)


def _original() -> Any:
    return fast_enums._original[0] if fast_enums._original else enum.EnumType._create_


def _same_value(a: Any, b: Any, ca: Any, cb: Any, where: list[object]) -> None:
    if type(a) is ca or type(b) is cb:  # a member
        assert type(a) is ca and type(b) is cb, where
        assert list(vars(a)) == list(vars(b)), where
        for key, value in vars(a).items():
            if key == "__objclass__":
                assert value is ca and vars(b)[key] is cb, where
            else:
                assert type(value) is type(vars(b)[key]) and value == vars(b)[key], where
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for key in a:
            _same_value(a[key], b[key], ca, cb, [*where, key])
    elif isinstance(a, list):
        assert len(a) == len(b), where
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            _same_value(x, y, ca, cb, [*where, index])
    elif isinstance(a, types.MethodType):
        assert a.__func__ is b.__func__ and a.__self__ is ca and b.__self__ is cb, where
    else:
        assert type(a) is type(b) and (a is b or a == b), where


def assert_same_enum(ca: Any, cb: Any) -> None:
    """``cb`` is ``ca`` again: the same attributes, members, lookups and texts."""
    assert type(ca) is type(cb) and ca.__bases__ == cb.__bases__
    assert (ca.__name__, ca.__qualname__, ca.__module__) == (
        cb.__name__,
        cb.__qualname__,
        cb.__module__,
    )
    da, db = dict(vars(ca)), dict(vars(cb))
    # the members come after the class's own attributes in cb's __dict__: only the order differs
    assert set(da) == set(db), set(da) ^ set(db)
    for key in da.keys() - {"__dict__", "__weakref__"}:
        _same_value(da[key], db[key], ca, cb, [ca.__name__, key])
    assert [repr(m) for m in ca] == [repr(m) for m in cb]
    assert [str(m) for m in ca] == [str(m) for m in cb]
    assert [format(m) for m in ca] == [format(m) for m in cb]
    assert list(ca.__members__) == list(cb.__members__)
    for name, member in ca.__members__.items():
        assert (
            cb[name]._name_ == member._name_
            and cb(member._value_)._name_ == ca(member._value_)._name_
        )
    if issubclass(ca, enum.Flag) and len(ca):
        assert repr(ca(ca._flag_mask_)) == repr(cb(cb._flag_mask_))
        assert repr(~ca(0)) == repr(~cb(0))


def _build(create: Any, spec: Spec) -> Any:
    kind, name, pairs = spec
    return create(kind, name, list(pairs), module="PySide6.QtTest", boundary=enum.KEEP)


def test_every_qt_enum_is_built_as_enum_builds_it() -> None:
    specs = list(_qt_enums())
    assert len(specs) > 500  # QtCore, QtGui and QtWidgets have ~630: the walk found them
    assert any(len(pairs) > 400 for _, _, pairs in specs)  # Qt.Key
    assert fast_enums.install()
    original = _original()
    added: list[str] = []
    real_add = fast_enums._add_members

    def counted(enum_class: Any, names: dict[str, int]) -> None:
        added.append(enum_class.__name__)
        real_add(enum_class, names)

    fast_enums._add_members = counted  # type: ignore[assignment]
    try:
        for spec in specs:
            assert_same_enum(_build(original, spec), _build(fast_enums._create_, spec))
    finally:
        fast_enums._add_members = real_add  # type: ignore[assignment]
    assert len(added) == len(specs)  # all took the faster path: the comparison covered it


def test_pyside_makes_its_enums_through_the_faster_path() -> None:
    assert fast_enums.install()
    assert enum.EnumType._create_ is fast_enums._create_
    made = QtCore.Qt.Key  # made when the app's QtCore was imported: already a full enum
    assert made.Key_A.value == 0x41 and made(0x41) is made.Key_A
    assert made.__module__ == "PySide6.QtCore" and made.__qualname__ == "Qt.Key"


@pytest.mark.parametrize(
    ("kind", "pairs"),
    [
        (enum.IntEnum, [("x", 1), ("y", 2), ("z", 1)]),  # an alias
        (enum.Enum, [("None_", 0), ("True_", 1)]),  # trailing underscores are plain names
        (enum.Flag, [("None_", 0), ("a", 1), ("b", 2), ("ab", 3), ("c", 8), ("alias", 3)]),
        (enum.IntFlag, [("high", 64), ("low", 1), ("mid", 6)]),  # not in value order
        (enum.IntEnum, []),
    ],
)
def test_aliases_flags_and_order_match_enum(kind: Any, pairs: list[tuple[str, int]]) -> None:
    assert fast_enums.install()
    spec = (kind, "Sample", pairs)
    assert_same_enum(_build(_original(), spec), _build(fast_enums._create_, spec))


@pytest.mark.parametrize(
    "names",
    [
        [("name", 1), ("other", 2)],  # a base's descriptor: enum makes a redirecting property
        [("_sunder_", 1)],
        [("x", 1), ("x", 2)],
        [("x", 1.5)],
        "a b c",
        [("x", 1, 2)],
    ],
)
def test_anything_else_is_enums_own_path(names: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert fast_enums.install()
    original = _original()
    added: list[object] = []
    monkeypatch.setattr(fast_enums, "_add_members", lambda *args: added.append(args))

    def outcome(create: Any) -> Any:
        try:
            made = create(enum.Enum, "Other", names, module=__name__)
        except Exception as error:  # the same error is expected from both
            return type(error)
        return [(n, m.value) for n, m in made.__members__.items()]

    assert outcome(fast_enums._create_) == outcome(original)
    assert added == []  # enum's own path made it (or refused it)


MADE_WITH = enum.EnumType._create_
Here = enum.IntEnum("Here", [("a", 1)])  # at import, after ``ui`` installed the faster path


def test_the_caller_module_is_found_as_enum_finds_it() -> None:
    assert MADE_WITH is fast_enums._create_
    assert Here.__module__ == __name__
    assert pickle.loads(pickle.dumps(Here.a)) is Here.a
