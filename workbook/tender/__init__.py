"""Tender scoring by adult and young people's panels: rules, workbook, store and reports."""

from .model import Evaluation, Problem
from .parse import build
from .rules import as_json, borda, results
from .xlsx import read_evaluation, write_evaluation

__all__ = ["Evaluation", "Problem", "as_json", "borda", "build", "read_evaluation", "results",
           "write_evaluation"]
