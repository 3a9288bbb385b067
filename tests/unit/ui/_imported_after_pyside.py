"""A module for test_pyside_import_hook: imported after PySide6, its source mentions it."""

MARKER = "PySide6 is mentioned here"
