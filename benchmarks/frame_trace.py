"""What a long frame of the GUI thread is made of (issue 16: the stall under a flood).

A benchmark that runs the app with a heartbeat (``flood_bench.py --frames``) installs this
before the window is built: the GUI thread's slots, layouts, paints and delegates named in
:data:`TARGETS` are wrapped to record when each ran, its wall time and the GUI thread's CPU time
in it. At each heartbeat tick :meth:`FrameTrace.tick` looks at the gap since the last one; a gap
over the threshold is kept with what ran in it: each outermost call (wall, CPU), every traced
call's total by name (inclusive), the GUI thread's CPU over the whole gap, and what no traced
call covers (Qt's own work in C++, the event loop, waits for the interpreter's lock).

Wall time beyond CPU time in a span is time the GUI thread did not run: waiting for the lock
(the GIL) the core and store threads hold, or for a core of this 2-core machine.
Tracing costs a few microseconds a call; the sizes and paints it wraps are few per frame.
"""

from __future__ import annotations

import importlib
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any

TARGETS = (
    "ui.bridge:CoreBridge._flush",
    "ui.models.message_model:MessageListModel.handle_events",
    "ui.models.message_model:MessageListModel._added",
    "ui.models.message_model:MessageListModel._insert",
    "ui.models.message_model:MessageListModel.trim",
    "ui.models.live_pacer:LivePacer.flush",
    "ui.conversation_pane:ConversationPane.handle_events",
    "ui.models.sidebar_model:SidebarModel.handle_events",
    "ui.models.contact_model:ContactListModel.handle_events",
    "ui.models.space_model:SpaceTree.handle_events",
    "ui.notifications:NotificationCenter.handle_events",
    "ui.window_events:WindowEvents.handle_events",
    "ui.window_events:WindowEvents.update_title",
    "ui.preferences:Preferences.handle_events",
    "ui.avatars:AvatarStore.handle_events",
    "ui.a11y.announcer:Announcer._flush",
    "ui.widgets.message_view:MessageView.doItemsLayout",
    "ui.widgets.message_view:MessageView.paintEvent",
    "ui.widgets.message_view:MessageView._inserted",
    "ui.widgets.message_view:MessageView._removed",
    "ui.widgets.message_view:MessageView._range_changed",
    "ui.widgets.message_view:MessageView._follow_to_bottom",
    "ui.widgets.message_view:MessageView._settle_sight",
    "ui.widgets.message_view:MessageView._rows_filling",
    "ui.widgets.message_view:MessageView._select_newest_if_asked",
    "ui.widgets.message_view:MessageDelegate.sizeHint",
    "ui.widgets.message_view:MessageDelegate.paint",
    "ui.widgets.message_view:MessageDelegate._compute",
    "ui.widgets.sidebar:SidebarDelegate.paint",
    "ui.widgets.sidebar:SidebarDelegate.sizeHint",
)


class FrameTrace:
    """Records traced calls on the GUI thread and keeps the gaps over ``threshold`` seconds."""

    def __init__(self, threshold: float = 0.050, keep: int = 50_000) -> None:
        self.threshold = threshold
        self.gui = threading.get_ident()
        self._spans: deque[tuple[str, float, float, float, int]] = deque(maxlen=keep)
        self._depth = 0
        self.reset()

    def reset(self) -> None:
        """Forget the frames so far (the flood starts now)."""
        self._last_cpu = time.thread_time()
        self._last_tick = time.perf_counter()
        self.frames: list[dict[str, Any]] = []
        self.gaps: list[float] = []
        self.gaps_cpu: list[float] = []

    def install(self, targets: tuple[str, ...] = TARGETS) -> list[str]:
        """Wrap each ``module:Class.method`` (before instances connect their slots); returns
        those not found (a renamed method: the benchmark says so instead of tracing nothing)."""
        missing = []
        for target in targets:
            module_name, _, path = target.partition(":")
            class_name, _, method = path.partition(".")
            try:
                cls = getattr(importlib.import_module(module_name), class_name)
                original = getattr(cls, method)
            except (ImportError, AttributeError):
                missing.append(target)
                continue
            setattr(cls, method, self._wrap(original, f"{class_name}.{method}"))
        return missing

    def _wrap(self, original: Callable[..., Any], name: str) -> Callable[..., Any]:
        spans, gui = self._spans, self.gui
        clock, cpu = time.perf_counter, time.thread_time

        def traced(*args: Any, **kwargs: Any) -> Any:
            if threading.get_ident() != gui:
                return original(*args, **kwargs)
            depth = self._depth
            self._depth = depth + 1
            t0, c0 = clock(), cpu()
            try:
                return original(*args, **kwargs)
            finally:
                self._depth = depth
                spans.append((name, t0, clock(), cpu() - c0, depth))

        traced.__name__ = getattr(original, "__name__", name)
        traced.__qualname__ = getattr(original, "__qualname__", name)
        return traced

    def tick(self) -> None:
        """A heartbeat tick: the gap since the last one is over."""
        start, end = self._last_tick, time.perf_counter()
        self._last_tick = end
        cpu = time.thread_time()
        gap, gap_cpu = end - start, cpu - self._last_cpu
        self._last_cpu = cpu
        self.gaps.append(gap)
        self.gaps_cpu.append(gap_cpu)
        if gap <= self.threshold:
            return
        inside = [s for s in self._spans if s[1] >= start and s[2] <= end]
        outer = [s for s in inside if s[4] == 0]
        totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
        for name, t0, t1, c, _ in inside:
            total = totals[name]
            total[0] += t1 - t0
            total[1] += c
            total[2] += 1
        covered = sum(t1 - t0 for _, t0, t1, _, _ in outer)
        self.frames.append(
            {
                "gap_ms": round(gap * 1000, 1),
                "gui_cpu_ms": round(gap_cpu * 1000, 1),
                "untraced_ms": round((gap - covered) * 1000, 1),
                "outer": [
                    [
                        name,
                        round((t0 - start) * 1000, 1),
                        round((t1 - t0) * 1000, 1),
                        round(c * 1000, 1),
                    ]
                    for name, t0, t1, c, _ in outer
                ],
                "by_name": {
                    name: [round(w * 1000, 1), round(c * 1000, 1), n]
                    for name, (w, c, n) in sorted(totals.items(), key=lambda kv: -kv[1][0])
                },
            }
        )

    def summary(self) -> dict[str, Any]:
        """The long frames, and how the GUI thread's CPU compares to wall time over all gaps."""
        long_gaps = [
            (g, c) for g, c in zip(self.gaps, self.gaps_cpu, strict=True) if g > self.threshold
        ]
        return {
            "ticks": len(self.gaps),
            "gaps_over_threshold": len(long_gaps),
            "long_gap_wall_ms": round(sum(g for g, _ in long_gaps) * 1000, 1),
            "long_gap_gui_cpu_ms": round(sum(c for _, c in long_gaps) * 1000, 1),
            "frames": self.frames,
        }
