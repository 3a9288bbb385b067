"""fast_init: the same constructor as the dataclass's own, cheaper, and still frozen."""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass, field

import pytest

from app.facts import MessageReceived
from app.frozen import fast_init
from app.models import Message
from backends.irc.protocol import Line


@dataclass(frozen=True, slots=True)
class _Base:
    a: int


@dataclass(frozen=True, slots=True)
class _Plain(_Base):
    b: str = "b"
    c: list[int] = field(default_factory=list)


@fast_init
@dataclass(frozen=True, slots=True)
class _Fast(_Base):  # the same fields as _Plain
    b: str = "b"
    c: list[int] = field(default_factory=list)


def _params(cls: type) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(cls).parameters.values()]


def test_same_parameters_defaults_factories_and_frozen() -> None:
    assert [(n, k) for n, k, _ in _params(_Fast)] == [(n, k) for n, k, _ in _params(_Plain)]
    for args, kwargs in [((1,), {}), ((1, "x"), {}), ((), {"a": 2, "c": [3]})]:
        fast, plain = _Fast(*args, **kwargs), _Plain(*args, **kwargs)
        assert dataclasses.astuple(fast) == dataclasses.astuple(plain)  # type: ignore[arg-type]
    one, two = _Fast(1), _Fast(1)
    assert one.c == [] and one.c is not two.c  # a fresh list each time, as default_factory
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.a = 5  # type: ignore[misc]
    with pytest.raises(TypeError):
        _Fast()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Fast(1, b="x", d=2)  # type: ignore[call-arg]


@pytest.mark.parametrize("cls", [Message, MessageReceived, Line])
def test_the_hot_classes_keep_their_signature(cls: type) -> None:
    fields = dataclasses.fields(cls)
    names = [p.name for p in inspect.signature(cls).parameters.values()]
    assert names == [f.name for f in fields]
    defaults = [p.default for p in inspect.signature(cls).parameters.values()]
    for f, default in zip(fields, defaults, strict=True):
        if f.default is not dataclasses.MISSING:
            assert default is f.default
        elif f.default_factory is dataclasses.MISSING:
            assert default is inspect.Parameter.empty


def test_classes_it_cannot_copy_are_refused() -> None:
    @dataclass(frozen=True, slots=True)
    class WithPost:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True, slots=True)
    class KeywordOnly:
        a: int = field(kw_only=True)

    @dataclass(frozen=True)
    class NoSlots:
        a: int

    for cls in (WithPost, KeywordOnly, NoSlots):
        with pytest.raises(TypeError):
            fast_init(cls)
