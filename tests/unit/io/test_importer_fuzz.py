"""Random bytes and random cells fed to every importer: a plain refusal or an import, never a
traceback, never half a write, and the workshop always opens afterwards."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook import Workshop
from workbook.io.ingest import import_upload
from workbook.model import InputError
from workbook.tender import as_json, build, read_evaluation, write_evaluation

FUZZ = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
NAMES = st.sampled_from(["r.csv", "r.xlsx", "r.xlsm", "r.txt", "r.tsv", "r.json", "r.xls", "r"])
HEADER = ["Review ref", "Perspective", "Kind", "Statement"]
KINDS = ["Working", "Not working", "Future", "W", "nw", "What isn't working", "Other", ""]
# Text openpyxl can store (no control characters or lone surrogates).
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)
CELL = st.one_of(
    st.none(), TEXT, st.sampled_from(KINDS), st.integers(), st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["Infinity", "NaN", "1e999999999", "-0", "=1+1", "£1,250.50", "9" * 400]),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
)
ROWS = st.lists(st.lists(CELL, max_size=6), max_size=12)


def _xlsx(rows: list[list[object]], header: bool) -> bytes:
    book = openpyxl.Workbook()
    if header:
        book.active.append(HEADER)
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv(rows: list[list[object]], header: bool) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    if header:
        writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


def _damaged(data: bytes, at: list[int]) -> bytes:
    raw = bytearray(data)
    for i in at:
        raw[i % len(raw)] ^= 0x5A
    return bytes(raw)


def _state(ws: Workshop) -> tuple[int, int, int]:
    return ws.revision, len(ws.statements), len(ws.ladder_scenarios)


def _import_or_refuse(ws: Workshop, data: bytes, name: str) -> None:
    before = _state(ws)
    try:
        report = import_upload(ws, data, name, actor="fuzz")
    except InputError:  # FileUnreadable, TooBig: refused whole
        assert _state(ws) == before, "a refused file changed the store"
    else:
        assert len(ws.statements) == before[1] + report.added
    with Workshop.open(ws.folder) as again:  # the workshop always opens afterwards
        assert len(again.statements) == len(ws.statements)
        again.themes  # noqa: B018 - reading a page's tables must work too


@FUZZ
@given(data=st.one_of(st.binary(max_size=3000), st.binary(max_size=3000).map(
    lambda b: b"PK\x03\x04" + b)), name=NAMES)
def test_random_bytes(workshop, data, name):
    _import_or_refuse(workshop, data, name)


@FUZZ
@given(rows=ROWS, header=st.booleans(), delimiter=st.sampled_from([",", ";", "\t"]),
       name=st.sampled_from(["r.csv", "r.txt", "r.tsv"]))
def test_random_csv_cells(workshop, rows, header, delimiter, name):
    data = _csv(rows, header).replace(b",", delimiter.encode())
    _import_or_refuse(workshop, data, name)


@FUZZ
@given(rows=ROWS, header=st.booleans(), flips=st.lists(st.integers(0, 10**6), max_size=3))
def test_random_xlsx_cells_and_damage(workshop, rows, header, flips):
    _import_or_refuse(workshop, _damaged(_xlsx(rows, header), flips), "r.xlsx")


@FUZZ
@given(rows=ROWS, header=st.booleans(), as_xlsx=st.booleans())
def test_random_ladder_decks(workshop, tmp_path_factory, rows, header, as_xlsx):
    path = tmp_path_factory.mktemp("deck") / ("deck.xlsx" if as_xlsx else "deck.csv")
    heading = ["title", "situation", "stage", "hart"]
    if as_xlsx:
        book = openpyxl.Workbook()
        for row in ([heading] if header else []) + rows:
            book.active.append(row)
        book.save(path)
    else:
        out = io.StringIO()
        csv.writer(out).writerows(([heading] if header else []) + rows)
        path.write_bytes(out.getvalue().encode("utf-8", "surrogatepass"))
    before = _state(workshop)
    try:
        deck = workshop.load_scenarios(path, actor="fuzz")
    except InputError:
        assert _state(workshop) == before
    else:
        assert len(workshop.ladder_scenarios) == before[2] + len(deck.scenarios)


def _evaluation_bytes() -> bytes:
    import tempfile
    from pathlib import Path

    from tests.unit.tender.tender_cases import small

    with tempfile.TemporaryDirectory() as tmp:
        return write_evaluation(build(small())[0], Path(tmp) / "e.xlsx").read_bytes()


EVALUATION = _evaluation_bytes()
SHEETS = ["Setup", "Panels", "Questions", "Bidders", "Scores", "Agreed", "Rankings"]


@FUZZ
@given(changes=st.lists(st.tuples(st.sampled_from(SHEETS), st.integers(1, 8),
                                  st.integers(1, 6), CELL), max_size=8),
       flips=st.lists(st.integers(0, 10**6), max_size=2))
def test_random_tender_workbooks(changes, flips):
    book = openpyxl.load_workbook(io.BytesIO(EVALUATION))
    for sheet, row, column, value in changes:
        book[sheet].cell(row, column).value = value
    out = io.BytesIO()
    book.save(out)
    try:
        ev, problems = read_evaluation(_damaged(out.getvalue(), flips), "e.xlsx")
    except InputError:
        return
    as_json(ev, problems)  # `wtfc tender results`: never an OverflowError or other traceback
    assert all(p.sheet and p.message for p in problems)
