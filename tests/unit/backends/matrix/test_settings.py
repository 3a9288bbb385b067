"""The Matrix account form: fields the dialog shows and what settings are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.backend import FieldKind
from app.registry import BackendRegistry
from backends.matrix import MatrixBackend


def test_fields_and_registry() -> None:
    fields = {f.name: f for f in MatrixBackend.account_fields}
    assert list(fields)[:2] == ["user_id", "password"]
    assert fields["password"].secret and fields["password"].kind is FieldKind.PASSWORD
    assert fields["homeserver"].advanced and fields["ca_file"].advanced
    assert fields["ca_file"].kind is FieldKind.FILE
    assert fields["trusted_fingerprint"].advanced
    assert BackendRegistry().add_class(MatrixBackend).loaded
    assert MatrixBackend.account_label({"user_id": "@a:b.org"}) == "@a:b.org"


@pytest.mark.parametrize(
    ("settings", "problems"),
    [
        ({"user_id": "@alice:example.org"}, set()),
        ({"user_id": "alice"}, {"user_id"}),
        ({"user_id": "@alice:example.org", "ca_file": "/nonexistent/ca.pem"}, {"ca_file"}),
    ],
)
def test_validate_settings(settings: dict[str, str], problems: set[str]) -> None:
    assert set(MatrixBackend.validate_settings(settings)) == problems


def test_an_existing_ca_file_is_accepted(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("x")
    assert MatrixBackend.validate_settings({"user_id": "@a:b.c", "ca_file": str(ca)}) == {}
