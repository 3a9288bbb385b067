"""The Synapse fixture's rule: a missing server skips locally and fails under CI=true."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.matrix import synapse


@pytest.mark.parametrize(
    ("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)]
)
def test_missing_synapse(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ci: str, outcome: type[BaseException]
) -> None:
    monkeypatch.setattr(synapse, "SYNAPSE_PYTHON", tmp_path / "no-such-python")
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="bash scripts/setup-synapse"):
        synapse.require_synapse()
