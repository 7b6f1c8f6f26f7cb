"""Random export documents and random bytes fed to restore: a plain refusal or a good workshop,
never a traceback, never half a write."""

from __future__ import annotations

import copy
import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.io.test_restore import full_dump, opens
from workbook import InputError, Workshop
from workbook.io import exchange
from workbook.io.ingest import import_file
from workbook.sample import build_sample

_n = itertools.count()
FUZZ = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ENUMS = [("statements", "kind"), ("statements", "perspective"), ("votes", "target"),
         ("success_statements", "perspective"), ("actions", "status"), ("actions", "due"),
         ("ideas", "kind"), ("ladder_scenarios", "stage"), ("ladder_scenarios", "suggestions"),
         ("tender_bidders", "price"), ("tender_rankings", "bidder_order"),
         ("indicators", "baseline_on")]
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(),
                                                         max_size=2),
)


@pytest.fixture(scope="module")
def sample_doc(tmp_path_factory) -> dict:
    with build_sample(tmp_path_factory.mktemp("fuzz") / "sample") as ws:
        return json.loads(json.dumps(exchange.dump(ws)))


def _pick_row(doc: dict, data: st.DataObject) -> dict:
    rows = [row for rows in doc["tables"].values() for row in rows if isinstance(row, dict)]
    return rows[data.draw(st.integers(0, len(rows) - 1))]


def mutate(doc: dict, data: st.DataObject) -> None:
    if not (isinstance(doc.get("tables"), dict) and isinstance(doc.get("meta"), dict)):
        return  # an earlier mutation dropped them: the document is broken enough
    how = data.draw(st.sampled_from(["drop key", "drop column", "retype", "enum", "dangling",
                                     "meta key", "junk row", "drop table"]))
    if how == "drop key":
        doc.pop(data.draw(st.sampled_from(sorted(doc))))
    elif how == "drop table" and doc["tables"]:
        doc["tables"].pop(data.draw(st.sampled_from(sorted(doc["tables"]))))
    elif how in ("drop column", "retype"):
        row = _pick_row(doc, data)
        column = data.draw(st.sampled_from(sorted(row)))
        if how == "drop column":
            del row[column]
        else:
            row[column] = data.draw(VALUES)
    elif how == "enum":
        table, column = data.draw(st.sampled_from(ENUMS))
        rows = [r for r in doc["tables"].get(table, []) if isinstance(r, dict)]
        if rows:
            rows[data.draw(st.integers(0, len(rows) - 1))][column] = data.draw(
                st.one_of(st.text(max_size=12), st.sampled_from(["banana", "", " working "])))
    elif how == "dangling":
        row = _pick_row(doc, data)
        refs = sorted(c for c in row if c.endswith("_id") or c in ("id", "target_id"))
        if refs:
            row[data.draw(st.sampled_from(refs))] = data.draw(st.integers(-3, 10**6))
    elif how == "meta key":
        doc["meta"][data.draw(st.text(max_size=20))] = data.draw(VALUES)
    elif how == "junk row" and doc["tables"]:
        doc["tables"][data.draw(st.sampled_from(sorted(doc["tables"])))].append(
            data.draw(VALUES))


def attempt(tmp_path, db_url, payload: bytes) -> None:
    """Import the file into a new workshop: either it is restored and the workshop works,
    or an InputError says why and not one row of any table changed."""
    ws = Workshop.create(tmp_path / f"ws{next(_n)}", "Fuzz", db_url=db_url)
    path = tmp_path / f"export{next(_n)}.json"
    path.write_bytes(payload)
    before = full_dump(ws)
    try:
        import_file(ws, path)
    except InputError:
        assert full_dump(ws) == before
    opens(ws)
    ws.close()


@FUZZ
@given(data=st.data())
def test_random_export_documents(tmp_path, backend, sample_doc, data):
    doc = copy.deepcopy(sample_doc)
    for _ in range(data.draw(st.integers(1, 3))):
        mutate(doc, data)
    attempt(tmp_path, backend(), json.dumps(doc).encode("utf-8"))


@FUZZ
@given(prefix=st.sampled_from([b"", b'{"format": "wtfc-workbook-export", ']),
       body=st.binary(max_size=400))
def test_random_bytes_as_the_file(tmp_path, prefix, body):
    attempt(tmp_path, None, prefix + body)
