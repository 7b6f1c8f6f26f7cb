"""Numbers in tender workbooks read with limits: NaN, infinities, huge exponents are problems."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
import zipfile
from fractions import Fraction

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tender_cases import small

from workbook.io.decode import FileUnreadable
from workbook.io.limits import limit_problem
from workbook.tender import build, read_evaluation, write_evaluation
from workbook.tender.parse import number

BEYOND = ["Infinity", "-inf", "inf", "NaN", "nan", "1e999999999", "-1e999999999", "1e-999999999",
          "9" * 5000, "1e400", "1" + "0" * 20, "£" + "9" * 60]
NOT_NUMBERS = ["0x10", "1_000", "abc", "1e", ".", "-", "12 apples", "x" * 5000]


def wtfc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbook.cli", *args], capture_output=True,
                          text=True, timeout=120)


def _book_with_price(tmp_path, price: object):
    ev, _ = build(small())
    path = write_evaluation(ev, tmp_path / "eval.xlsx")
    book = openpyxl.load_workbook(path)
    book["Bidders"]["C2"].value = price
    book.save(path)
    return path


def test_cli_results_names_an_infinite_price_instead_of_overflowing(tmp_path):
    path = _book_with_price(tmp_path, "Infinity")
    proc = wtfc("tender", "results", str(path), "--json")
    assert "Traceback" not in proc.stderr and "OverflowError" not in proc.stderr
    assert proc.returncode == 1, proc.stderr
    problems = json.loads(proc.stdout)["problems"]
    assert any(p.startswith("Bidders row 2: price 'Infinity'") and "infinite" in p
               for p in problems), problems


@pytest.mark.parametrize("raw", BEYOND)
def test_numbers_beyond_the_limits_are_refused_quickly_with_a_reason(raw):
    start = time.process_time()
    assert number(raw) is None
    assert limit_problem(raw)
    assert time.process_time() - start < 0.05


@pytest.mark.parametrize("raw", NOT_NUMBERS)
def test_text_that_is_no_number_is_simply_not_a_number(raw):
    assert number(raw) is None and limit_problem(raw) == ""


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), 10**30, 1e300])
def test_unusable_cell_numbers_are_refused(value):
    assert number(value) is None
    assert limit_problem(value)


@pytest.mark.parametrize(("raw", "want"), [
    (70, Fraction(70)), (0.5, Fraction(1, 2)), ("70", Fraction(70)), ("£1,250.50",
     Fraction(250100, 200)), ("70%", Fraction(70)), ("1e3", Fraction(1000)), ("-2", Fraction(-2)),
    (" 3 ", Fraction(3)), ("1.5E-2", Fraction(15, 1000)), (125000.0, Fraction(125000)),
])
def test_ordinary_numbers_still_read_exactly(raw, want):
    assert number(raw) == want
    assert limit_problem(raw) == ""


@pytest.mark.parametrize(("sheet", "column", "cell"), [
    ("Bidders", "price", "C2"), ("Panels", "share", "B2"), ("Questions", "weight", "C2"),
    ("Scores", "score", "E2"), ("Setup", "quality_weight", "B1"),
])
@pytest.mark.parametrize("raw", ["Infinity", "NaN", "1e999999999", "1e40"])
def test_each_bad_number_is_a_problem_naming_sheet_row_and_column(tmp_path, sheet, column,
                                                                  cell, raw):
    ev, _ = build(small())
    path = write_evaluation(ev, tmp_path / "eval.xlsx")
    book = openpyxl.load_workbook(path)
    book[sheet][cell].value = raw
    book.save(path)
    row = int(cell[1:])
    _, problems = read_evaluation(path)
    said = [str(p) for p in problems if p.sheet == sheet and p.row == row]
    assert any(s.startswith(f"{sheet} row {row}: {column} '{raw[:20]}") for s in said), said


def _raw_cell_book(tmp_path, value: str):
    """A workbook whose price cell holds `value` as a raw number, as no Excel would write it."""
    ev, _ = build(small())
    path = write_evaluation(ev, tmp_path / "eval.xlsx")
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet4.xml":  # Bidders
                text = data.decode()
                assert "<v>100</v>" in text
                data = text.replace("<v>100</v>", f"<v>{value}</v>", 1).encode()
            dst.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize("value", ["1e999999999", "nan", "inf", "9" * 5000])
def test_raw_numeric_cells_beyond_limits_are_problems_or_refusals(tmp_path, value):
    start = time.process_time()
    try:
        _, problems = read_evaluation(_raw_cell_book(tmp_path, value), "eval.xlsx")
    except FileUnreadable as exc:
        assert "eval.xlsx" in str(exc)
    else:
        assert any(p.sheet == "Bidders" and p.row == 2 and "price" in p.message
                   for p in problems), problems
    assert time.process_time() - start < 2


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(max_size=40), st.floats(), st.integers(), st.decimals().map(str),
                 st.from_regex(r"[-+]?[0-9]{0,5}(\.[0-9]{0,5})?([eE][-+]?[0-9]{1,12})?",
                               fullmatch=True)))
def test_number_never_raises_and_is_finite_when_given(value):
    got = number(value)
    assert got is None or (abs(got) <= 10**12 and limit_problem(value) == "")
