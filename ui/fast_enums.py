"""PySide6's enums made the way ``enum`` makes them, without its per-member bookkeeping.

PySide6 6.11 makes every Qt enum as a Python ``enum`` class through the functional API
(``IntEnum(name, [(member, value), …], boundary=KEEP)``), all the enums of a Qt class when the
class is first touched: 321 enums with 4,244 members before the first window is ready, ~140 ms
of the start's CPU (docs/performance.md, "Which enums, and what touched them"). Most of that is
``enum``'s per-member path: each ``(name, value)`` goes through ``_EnumDict.__setitem__`` (name
checks), becomes a ``_proto_member`` and is turned into the member by its ``__set_name__``
(which also walks the class's bases for each name).

:func:`install` replaces ``EnumType._create_`` with :func:`_create_`, which, for the calls
shiboken makes (an exact ``Enum``/``IntEnum``/``Flag``/``IntFlag``, a list of ``(str, int)``
pairs, no ``type``, ``start`` 1), lets ``enum`` build the class with no members (all of the
class's own logic runs unchanged) and then adds the members with the same steps, in the same
order, as Python 3.11's ``_proto_member.__set_name__``. Any other call, a member name that
``enum`` treats specially (dunder, sunder, private, a descriptor of a base class, a repeated
name), or any error, goes to ``enum``'s own path. The classes are the same as ``enum``'s, member
for member (``tests/unit/ui/test_fast_enums.py`` builds every enum of QtCore, QtGui and
QtWidgets both ways and compares them); the steps are Python 3.11's, so it is installed on 3.11
only.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

_log = logging.getLogger(__name__)

_KINDS = (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)
_original: list[Callable[..., Any]] = []  # enum's own _create_, once installed


def _plain_names(names: object) -> dict[str, int] | None:
    """``names`` as a dict if it is a list of ``(str, int)`` pairs ``enum`` takes as they are.

    Not for a repeated name, a name starting with ``_`` (dunder, sunder and private names are
    ``enum``'s to judge), ``mro`` or the empty name (refused by ``enum``).
    """
    if type(names) is not list or set(map(type, names)) - {tuple}:
        return None
    try:
        pairs = dict(names)
    except (TypeError, ValueError):
        return None
    if len(pairs) != len(names) or set(map(type, pairs)) - {str} or "mro" in pairs:
        return None
    if set(map(type, pairs.values())) - {int} or "" in pairs:
        return None
    if any(name[0] == "_" for name in pairs):
        return None
    return pairs


def _add_members(enum_class: Any, names: dict[str, int]) -> None:
    """Python 3.11's ``_proto_member.__set_name__`` for each pair, in order."""
    new_member = enum_class._new_member_
    use_args = enum_class._use_args_
    member_type = enum_class._member_type_
    is_flag = issubclass(enum_class, enum.Flag)
    member_names = enum_class._member_names_
    member_map = enum_class._member_map_
    value2member = enum_class._value2member_map_
    flag_mask = singles_mask = 0
    for name, given in names.items():
        member = new_member(enum_class, given) if use_args else new_member(enum_class)
        if not hasattr(member, "_value_"):
            member._value_ = given if member_type is object else member_type(given)
        value = member._value_
        member._name_ = name
        member.__objclass__ = enum_class
        member.__init__(value)
        member._sort_order_ = len(member_names)
        single = value != 0 and value & (value - 1) == 0  # enum._is_single_bit
        if is_flag:
            flag_mask |= value
            if single:
                singles_mask |= value
        canonical = value2member.get(value)
        if canonical is None:
            if not is_flag or single:
                member_names.append(name)
            value2member.setdefault(value, member)
        else:
            member = canonical
        type.__setattr__(enum_class, name, member)
        member_map[name] = member
    if is_flag:
        enum_class._flag_mask_ = flag_mask
        enum_class._singles_mask_ = singles_mask
        enum_class._all_bits_ = 2 ** flag_mask.bit_length() - 1
        values = [m._value_ for m in enum_class]
        if values != sorted(values):
            enum_class._iter_member_ = enum_class._iter_member_by_def_


_base_names: dict[type, frozenset[str]] = {}


def _in_bases(enum_class: Any, names: dict[str, int]) -> bool:
    """True if a base class defines one of the names (enum then makes a redirecting property)."""
    bases = enum_class.__mro__[1:]
    known = _base_names.get(bases[0])
    if known is None:
        known = _base_names[bases[0]] = frozenset().union(*(vars(base) for base in bases))
    return not known.isdisjoint(names)


def _create_(
    cls: Any,
    class_name: str,
    names: Any,
    *,
    module: str | None = None,
    qualname: str | None = None,
    type: Any = None,  # enum's own keyword
    start: int = 1,
    boundary: Any = None,
) -> Any:
    """``EnumType._create_``, faster for the pairs shiboken passes (see the module docstring)."""
    original = _original[0]
    pairs = _plain_names(names) if cls in _KINDS and type is None and start == 1 else None
    known_module = module
    if known_module is None:
        # what enum's own _create_ finds two frames up: the functional call's caller
        with contextlib.suppress(AttributeError, ValueError, KeyError):
            known_module = sys._getframe(2).f_globals["__name__"]
    # called from here, enum's _create_ would find the wrong frame: it is told the module
    kwargs = {"module": known_module or "<unknown>", "qualname": qualname, "type": type}
    enum_class = None
    if pairs is not None:
        try:
            enum_class = original(cls, class_name, [], start=start, boundary=boundary, **kwargs)
            if _in_bases(enum_class, pairs):
                enum_class = None
            else:
                _add_members(enum_class, pairs)
        except Exception:  # shiboken does not expect an exception here: enum's own path decides
            _log.debug("enum %s made by enum itself", class_name, exc_info=True)
            enum_class = None
    if enum_class is None:
        enum_class = original(cls, class_name, names, start=start, boundary=boundary, **kwargs)
    if known_module is None:  # as enum does for a class whose module it cannot find
        enum._make_class_unpicklable(enum_class)  # type: ignore[attr-defined]
    return enum_class


def install() -> bool:
    """Make ``enum``'s functional API take the faster path; True if installed.

    Only on Python 3.11 (the steps copied are its own), and not when ``CHINWAG_PLAIN_ENUMS`` is
    set to anything but ``0`` (to rule this out when an enum misbehaves, and to measure it).
    """
    if _original:
        return True
    if sys.version_info[:2] != (3, 11):
        _log.debug("fast enums not installed: written for Python 3.11's enum")
        return False
    if os.environ.get("CHINWAG_PLAIN_ENUMS", "0") != "0":
        _log.debug("fast enums not installed: CHINWAG_PLAIN_ENUMS is set")
        return False
    _original.append(enum.EnumType._create_)  # type: ignore[attr-defined]
    enum.EnumType._create_ = _create_  # type: ignore[attr-defined]
    return True
