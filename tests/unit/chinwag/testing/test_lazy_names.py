"""The kit's names load on first use, so a program that wants only the in-memory keyring does
not import pytest (the benchmarks' window carried 10 MB of it)."""

from __future__ import annotations

import subprocess
import sys

import chinwag.testing


def test_the_in_memory_keyring_comes_without_pytest() -> None:
    code = (
        "import sys; from chinwag.testing import MemorySecretStore;"
        "print('pytest' in sys.modules, 'chinwag.testing.contract' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_every_advertised_name_is_there() -> None:
    from chinwag.testing import context, contract, harness

    homes = (context, contract, harness)
    for name in chinwag.testing.__all__:
        value = getattr(chinwag.testing, name)
        assert any(getattr(home, name, None) is value for home in homes), name
    assert set(chinwag.testing.__all__) <= set(dir(chinwag.testing))
    try:
        chinwag.testing.NoSuchThing  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchThing" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")
