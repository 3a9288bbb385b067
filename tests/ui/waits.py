"""How long a UI test waits for a condition.

Generous on purpose: a loaded 2-core machine can hold the event loop (and a paced screen-reader
announcement) for seconds, and a passing wait returns as soon as its condition holds.
"""

UI_WAIT_MS = 30_000
