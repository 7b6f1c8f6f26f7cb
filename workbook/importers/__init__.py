"""Read review statements from the CSV and XLSX files facilitators bring; no database."""

from workbook.importers.decode import FileUnreadable
from workbook.importers.tabular import (
    ReadResult,
    Rejection,
    read_statements,
    read_statements_bytes,
    upload_name,
)

__all__ = ["FileUnreadable", "ReadResult", "Rejection", "read_statements", "read_statements_bytes",
           "upload_name"]
