"""``python -m app`` does what the ``chinwag`` command does."""

from app.cli import main

raise SystemExit(main())
