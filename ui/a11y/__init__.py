"""Accessibility: what the screen reader says and when, and the helpers every widget uses.

- :mod:`ui.a11y.probe` asks the desktop's AT-SPI registry which assistive technology listens to
  what (is a screen reader running; does it understand announcements);
- :mod:`ui.a11y.speech` says a sentence through the way the running reader speaks;
- :mod:`ui.a11y.announcer` merges and paces what is said about new messages;
- :mod:`ui.a11y.levels` decides which conversations are read aloud;
- :mod:`ui.a11y.verbosity` builds a message's spoken text from the parts the person chose;
- :mod:`ui.a11y.widgets` holds the patterns new widgets follow (names, focus chain, lists).

See docs/accessibility.md for the rules these implement.
"""
