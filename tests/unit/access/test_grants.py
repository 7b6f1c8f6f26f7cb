"""The grant the server signs into a page's request: only the server's signature counts."""

from __future__ import annotations

from urllib.parse import parse_qsl

from workbook.access import grants
from workbook.access.roles import Access, Role

SECRET = "s" * 64


def test_a_signed_grant_reads_back():
    access = Access(Role.TABLE, "abc123", "Red")
    query = grants.granted_query("theme=dark", access, SECRET)
    assert grants.read_grant(query, SECRET) == access
    assert ("theme", "dark") in parse_qsl(query)


def test_keys_and_forged_fields_are_stripped_before_signing():
    forged = "key=SECRET1&token=SECRET2&wtfc_role=facilitator&wtfc_sig=00&table=Red"
    query = grants.granted_query(forged, Access(Role.TABLE, "t1", "Red"), SECRET)
    fields = parse_qsl(query)
    assert "SECRET1" not in query and "SECRET2" not in query
    assert [v for k, v in fields if k == "wtfc_role"] == ["table"]
    assert grants.read_grant(query, SECRET).is_table


def test_a_forged_or_altered_grant_is_refused():
    query = grants.granted_query("", Access(Role.TABLE, "t1", "Red"), SECRET)
    assert grants.read_grant(query.replace("wtfc_role=table", "wtfc_role=facilitator"),
                             SECRET) is None
    assert grants.read_grant(query, "another secret") is None
    assert grants.read_grant(query, None) is None  # a kernel without the secret trusts nothing
    assert grants.read_grant("wtfc_role=facilitator", SECRET) is None
    assert grants.read_grant("table=Big+screen", SECRET) is None


def test_labels_are_cleaned():
    assert grants.clean_label("  Table \n 3 ") == "Table 3"
    assert grants.clean_label("") is None
    assert len(grants.clean_label("x" * 500)) == grants.MAX_LABEL
