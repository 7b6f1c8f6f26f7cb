"""wtfc-workbook core: the workshop store, importers, analysis and charts (no widgets here)."""

from workbook.model import InputError, Kind, Perspective, StatementIn
from workbook.workshop import Workshop

__all__ = ["InputError", "Kind", "Perspective", "StatementIn", "Workshop"]
__version__ = "0.1.0"
WTFC_WORKBOOK = True  # `wtfc` checks it: another package may be called "workbook" too
