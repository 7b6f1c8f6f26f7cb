"""wtfc-workbook core: the workshop store, importers, analysis and charts (no widgets here)."""

from .model import InputError, Kind, Perspective, StatementIn
from .workshop import Workshop

__all__ = ["InputError", "Kind", "Perspective", "StatementIn", "Workshop"]
__version__ = "0.1.0"
