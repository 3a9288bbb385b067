"""The core thread: commands run on its loop; after it stopped they are refused, not lost in a
crash (a widget's timer can still fire while the app shuts down)."""

from __future__ import annotations

import gc
import warnings
from typing import Any, cast

import pytest

from app.core import Core
from app.runtime import CoreStopped, CoreThread


class _Core:
    stopped = False

    async def stop(self) -> None:
        self.stopped = True


async def _answer() -> int:
    return 42


def test_commands_run_on_the_core_loop_and_are_refused_after_stop() -> None:
    core = _Core()
    runner = CoreThread(lambda: cast(Core, core))
    runner.start()
    assert runner.submit(_answer()).result(5) == 42

    runner.stop()
    assert core.stopped
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "coroutine ... was never awaited" would be one
        late = runner.submit(_answer())
        with pytest.raises(CoreStopped):
            late.result(1)
        gc.collect()


def test_a_core_that_fails_to_start_raises_in_start() -> None:
    def broken() -> Any:
        raise ValueError("no store")

    runner = CoreThread(broken)
    with pytest.raises(ValueError, match="no store"):
        runner.start()
