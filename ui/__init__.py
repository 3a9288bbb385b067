"""The Qt front end: a thin layer of models and widgets over the core (see DESIGN §1)."""

from ui.fast_enums import install as _make_enums_faster
from ui.memory import limit_malloc_arenas as _limit_malloc_arenas
from ui.pyside_import_hook import lighten_when_imported as _lighten_pyside_imports

_limit_malloc_arenas()  # before the core's threads start
_lighten_pyside_imports()  # once PySide6 is imported (see the module's docstring)
_make_enums_faster()  # before PySide6 makes its enums (see ui.fast_enums)
