"""Two events compared per review: themes matched by mapping or folded name, rates, the chart,
the facilitator's mapping stored and undone, and the report's "Since last time" section."""

from __future__ import annotations

import io
import math
import zipfile

import pandas as pd
import pytest
from cycle_cases import EVIL, last_event

from workbook import InputError, Workshop
from workbook.cycle.carry import start_next
from workbook.cycle.compare import (
    EventFigures,
    compare_chart,
    compare_events,
    figures_of,
    since_last_time,
)
from workbook.cycle.origin import last_themes, set_mapping
from workbook.report import write_report


def _event(name: str, reviews: int, rows: list[tuple[str, int, int]]) -> EventFigures:
    df = pd.DataFrame([(n, s, s - nw, nw, 0) for n, s, nw in rows],
                      columns=["name", "statements", "working", "not_working", "future"])
    return EventFigures(name, reviews, df)


def test_rates_per_review_not_raw_counts():
    # 60 reviews gave 12 on transport; 40 gave 10: fewer statements, but more per review
    last = _event("Spring", 60, [("Transport", 12, 9), ("Money", 6, 6)])
    this = _event("Autumn", 40, [("TRANSPORT", 10, 4), ("Friends", 2, 0)])
    df = compare_events(last, this)
    row = df.loc["TRANSPORT"]
    assert (row.statements_last, row.statements_this) == (12, 10)
    assert (row.per_review_last, row.per_review_this) == (0.2, 0.25)
    assert math.isclose(row.change, 0.05)
    assert (row.not_working_per_review_last, row.not_working_per_review_this) == (0.15, 0.1)
    assert row.last_names == "Transport"  # matched by folded name
    assert df.loc["Money", "statements_this"] == 0 and df.loc["Friends", "last_names"] == ""
    assert df.attrs == {"last": "Spring", "this": "Autumn", "reviews_last": 60,
                        "reviews_this": 40}


def test_the_mapping_wins_over_the_name_and_two_old_themes_can_become_one():
    last = _event("Spring", 10, [("Buses", 4, 4), ("Taxis", 2, 2), ("Straße", 3, 0)])
    this = _event("Autumn", 20, [("Getting about", 6, 3), ("STRASSE", 2, 0)])
    df = compare_events(last, this, {"buses": "Getting about", "Taxis": "Getting about"})
    assert df.loc["Getting about", "last_names"] == "Buses; Taxis"
    assert df.loc["Getting about", "statements_last"] == 6
    assert df.loc["Getting about", "per_review_last"] == 0.6
    assert df.loc["Getting about", "per_review_this"] == 0.3
    assert df.loc["STRASSE", "last_names"] == "Straße"  # Unicode-folded
    # a mapping to a theme this event does not have falls back to the name
    df = compare_events(last, this, {"Buses": "Nowhere"})
    assert df.loc["Buses", "statements_this"] == 0


def test_no_reviews_gives_no_rate_rather_than_a_division_by_zero():
    df = compare_events(_event("A", 5, [("X", 5, 1)]), _event("B", 0, [("X", 0, 0)]))
    assert df.loc["X", "per_review_last"] == 1.0 and pd.isna(df.loc["X", "per_review_this"])


def test_chart_states_its_figures_and_saves_png_and_csv(tmp_path):
    df = compare_events(_event("Spring", 60, [("Transport", 12, 9)]),
                        _event("Autumn", 40, [("Transport", 10, 4)]))
    chart = compare_chart(df)
    assert ("Spring (60 reviews) then Autumn (40 reviews). Transport: 0.20 then 0.25 "
            "(12 then 10 statements).") in chart.alt
    assert chart.smallest_font_pt() * 100 / 72 >= 18  # text at least 18 px
    png, csv = chart.save(tmp_path)
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert "per_review_last" in csv.read_text(encoding="utf-8")


def _next(workshop, tmp_path) -> Workshop:
    last_event(workshop)
    start_next(workshop, tmp_path / "next", "Autumn")
    nxt = Workshop.open(tmp_path / "next")
    themes = nxt.themes.set_index("name")["theme_id"]
    a = nxt.add_statement("N-1", "not_working", "person", "Still no bus")
    b = nxt.add_statement("N-2", "working", "person", "Taxi works")
    nxt.assign([a, b], int(themes["Getting out"]))
    return nxt


def test_since_last_time_follows_the_facilitators_mapping(workshop, tmp_path):
    nxt = _next(workshop, tmp_path)
    df = since_last_time(nxt)
    assert df.loc["Getting out", ["statements_last", "statements_this"]].tolist() == [3, 2]
    assert df.loc["Getting out", "per_review_last"] == 0.75  # 3 of 4 reviews' statements
    assert df.loc["Getting out", "per_review_this"] == 1.0  # 2 statements, 2 reviews
    # renamed: the mapping made when it was carried still holds
    nxt.rename_theme(int(nxt.themes.set_index("name").loc["Getting out", "theme_id"]),
                     "Going out")
    assert since_last_time(nxt).loc["Going out", "last_names"] == "Getting out"
    # the facilitator says last time's "Économie" is this time's "Going out"
    eco = next(t for t in last_themes(nxt) if t.name == "Économie")
    going = int(nxt.themes.set_index("name").loc["Going out", "theme_id"])
    assert "now compared with 'Going out'" in set_mapping(nxt, eco.id, going, actor="fac")
    assert since_last_time(nxt).loc["Going out", "last_names"] == "Getting out; Économie"
    nxt.undo("fac")
    assert "Économie" in since_last_time(nxt).index
    with pytest.raises(InputError, match="no longer exists"):
        set_mapping(nxt, eco.id, 9999, actor="fac")
    nxt.close()


def test_a_deleted_mapped_theme_falls_back_to_the_name(workshop, tmp_path):
    nxt = _next(workshop, tmp_path)
    eco = int(nxt.themes.set_index("name").loc["Économie", "theme_id"])
    nxt.delete_theme(eco)
    assert next(t for t in last_themes(nxt) if t.name == "Économie").theme_id is None
    fresh = nxt.add_theme("ÉCONOMIE")
    nxt.assign([nxt.add_statement("N-3", "future", "staff", "Budget")], fresh)
    assert since_last_time(nxt).loc["ÉCONOMIE", "last_names"] == "Économie"
    nxt.close()


def test_the_report_says_since_last_time_in_html_and_word(workshop, tmp_path):
    nxt = _next(workshop, tmp_path)
    html = write_report(nxt, "html", tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<h2 id="since">Since last time: the themes, per review</h2>' in html
    assert "from &#39;Test workshop&#39;" in html and "4 reviews and 4 statements" in html
    assert "Test workshop (4 reviews) last time, Autumn (2 reviews) this time" in html
    assert "Said more often per review than last time: Getting out (0.75 to 1.00)." in html
    assert "<td>0.75</td><td>2</td><td>1.00</td><td>+0.25</td>" in html
    assert 'alt="Paired bar chart of statements per review' in html
    assert EVIL not in html
    doc = write_report(nxt, "docx", tmp_path / "r.docx").read_bytes()
    xml = zipfile.ZipFile(io.BytesIO(doc)).read("word/document.xml").decode("utf-8")
    assert "Since last time: the themes, per review" in xml
    assert "Getting out (0.75 to 1.00)" in xml and 'descr="Paired bar chart' in xml
    nxt.close()


def test_no_section_without_an_origin_and_no_chart_without_reviews(workshop, tmp_path):
    last_event(workshop)
    html = write_report(workshop, "html", tmp_path / "a.html").read_text(encoding="utf-8")
    assert 'id="since"' not in html
    start_next(workshop, tmp_path / "next", "Autumn")
    with Workshop.open(tmp_path / "next") as nxt:
        html = write_report(nxt, "html", tmp_path / "b.html").read_text(encoding="utf-8")
    assert "no reviews with statements yet, so there is nothing to compare" in html
    assert "Paired bar chart of statements per review" not in html


def test_figures_of_a_live_workshop(workshop):
    last_event(workshop)
    f = figures_of(workshop)
    assert f.reviews == 4 and sorted(f.themes["name"]) == ["Getting out", "Économie"]
