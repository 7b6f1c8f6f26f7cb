"""The WTfC report: one gathering of the workshop's facts, rendered as HTML, DOCX or easy read."""

from __future__ import annotations

from workbook.report.content import Report, gather
from workbook.report.render import FORMATS, write_report

__all__ = ["FORMATS", "Report", "gather", "write_report"]
