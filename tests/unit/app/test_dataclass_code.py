"""Dataclass methods compiled once and kept: the same classes, no compiling the second time, and
a file that cannot be read is ignored."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import dataclass_code


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    file = tmp_path / "code.bin"
    dataclass_code.release()  # whatever the test process had installed
    assert dataclass_code.install(file)
    try:
        yield file
    finally:
        dataclass_code.release()


def _make() -> type:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Point:
        x: int
        y: int = 2
        tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)

    return Point


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = compile

    def counting(source: str, *args: object, **kwargs: object) -> object:
        seen.append(source)
        return real(source, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(dataclass_code, "compile", counting, raising=False)
    return seen


def test_the_classes_are_the_same_and_the_second_time_nothing_is_compiled(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled = _compiles(monkeypatch)
    first = _make()
    assert compiled  # new sources: compiled once
    dataclass_code.save()
    assert kept.exists()

    compiled.clear()
    second = _make()
    assert compiled == []  # every method came from the file
    p = second(1)
    assert (p.x, p.y, p.tags) == (1, 2, ())
    assert p == second(1) and hash(p) == hash(second(1))
    assert repr(p).endswith("Point(x=1, y=2, tags=())")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 3  # type: ignore[misc]
    # Compiled as dataclasses.py compiles it (no __future__ flags from this package): the
    # annotations of __init__ are the fields' own, not the names of its locals.
    assert second.__init__.__annotations__ == first.__init__.__annotations__
    assert second.__init__.__annotations__["x"] == "int"


def test_a_file_that_cannot_be_read_is_ignored_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    file = tmp_path / "code.bin"
    for junk in (b"", b"not ours", dataclass_code.MAGIC + b"\x00" * 20):
        file.write_bytes(junk)
        dataclass_code.release()
        assert dataclass_code.install(file)
        try:
            compiled = _compiles(monkeypatch)
            assert _make()(1).y == 2
            assert compiled
            dataclass_code.save()
            assert file.read_bytes().startswith(dataclass_code.MAGIC)
        finally:
            dataclass_code.release()


def test_nothing_is_written_where_python_writes_no_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    file = tmp_path / "code.bin"
    dataclass_code.release()
    assert dataclass_code.install(file)
    try:
        _make()
        dataclass_code.save()
        assert not file.exists()
    finally:
        dataclass_code.release()
    assert not hasattr(dataclasses, "exec")  # released: the builtin again


def test_other_code_is_kept_by_its_name_and_source_as_a_future_annotations_module_compiles_it(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PySide6's support modules (ui.pyside_import_hook): compiled the first time only."""
    source = b"def f(x: Undefined) -> None: ...\nNAME = __name__\n"
    compiled = _compiles(monkeypatch)
    first = dataclass_code.compiled(source, "support/a.py")
    assert len(compiled) == 1
    dataclass_code.save()

    compiled.clear()
    again = dataclass_code.compiled(source, "support/a.py")
    assert compiled == []
    assert again.co_filename == "support/a.py" and again.co_code == first.co_code
    namespace: dict[str, object] = {"__name__": "m"}
    exec(again, namespace)
    assert namespace["NAME"] == "m"
    assert namespace["f"].__annotations__ == {"x": "Undefined", "return": "None"}  # type: ignore[attr-defined]
    other = dataclass_code.compiled(source, "support/b.py")  # another file, compiled anew
    assert len(compiled) == 1 and other.co_filename == "support/b.py"
