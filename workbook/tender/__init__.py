"""Tender scoring by adult and young people's panels: rules, workbook, store and reports."""

from workbook.tender.model import Evaluation, Problem
from workbook.tender.parse import build
from workbook.tender.rules import as_json, borda, results
from workbook.tender.xlsx import read_evaluation, write_evaluation

__all__ = ["Evaluation", "Problem", "as_json", "borda", "build", "read_evaluation", "results",
           "write_evaluation"]
