"""Consent: a review without it still counts everywhere, but its words reach nobody else."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pandas as pd
import pytest

from tests.consent_room import SECRET, SECRET_TOO, SHOWN, fill, set_consent
from workbook.charts import stages as charts
from workbook.consent.rule import WITHHELD, placeholder, shown_text, withheld
from workbook.io import exchange
from workbook.report import write_report
from workbook.stages.search import StatementFilter, find_statements, get_statement
from workbook.stages.theme_board import BoardFilter, board_data, card_label
from workbook.stages.thread import golden_thread, thread_frame


@pytest.mark.parametrize("consent, hidden", [
    (False, True), (np.False_, True), (True, False), (np.True_, False), (None, False),
    (pd.NA, False), (float("nan"), False),
])
def test_only_a_recorded_no_withholds_the_words(consent, hidden):
    assert withheld(consent) is hidden
    shown = shown_text("My own words", consent, "working", "family")
    assert (shown == "My own words") is not hidden


def test_the_placeholder_says_it_counts_by_kind_and_whose_view():
    words = placeholder("not_working", "family")
    assert words == f"{WITHHELD} (not working, family carer)"
    assert words.startswith("Words not shown: no consent to use them")
    assert placeholder("bogus", "bogus") == WITHHELD  # never a traceback


@pytest.fixture
def room(workshop):
    return fill(workshop)


def test_statements_frame_withholds_words_but_counts_them(workshop, room):
    st = workshop.statements.set_index("statement_id")
    assert SECRET not in st["text"].tolist() and SECRET_TOO not in st["text"].tolist()
    assert st.loc[room["secret"], "text"] == placeholder("not_working", "family")
    assert bool(st.loc[room["secret"], "words_withheld"])
    assert st.loc[room["shown"], "text"] == SHOWN
    assert st.loc[room["old"], "text"] == "Rotas change"  # not recorded: shown as today
    stats = workshop.stats()
    assert stats["reviews"] == 3 and sum(stats["statements"].values()) == 4
    assert workshop.themes.iloc[0]["statements"] == 4
    chart = charts.collect_chart(workshop.statements)
    assert "4 statements" in chart.alt
    # the facilitator's own use (never a page, a report or an export for others)
    from workbook.store import frames
    assert SECRET in frames.statements(workshop.store, all_words=True)["text"].tolist()


def test_collect_finder_shows_a_placeholder_and_searching_the_words_finds_nothing(
        workshop, room):
    page = find_statements(workshop.store)
    assert page.total == 4
    texts = [r.text for r in page.rows]
    assert SECRET not in texts and placeholder("not_working", "family") in texts
    assert get_statement(workshop.store, room["secret"]).words_withheld
    assert get_statement(workshop.store, room["secret"]).text != SECRET
    assert find_statements(workshop.store, StatementFilter(text="giraffe")).total == 0
    assert find_statements(workshop.store, StatementFilter(text="keyworker")).total == 1
    # filters that do not read the words still find it
    assert find_statements(workshop.store, StatementFilter(review="R-NO")).total == 2


def test_theme_board_cards_and_search(workshop, room):
    data = board_data(workshop.store, workshop.themes)
    blob = json.dumps(data, ensure_ascii=False)
    assert "giraffe" not in blob and "zebra" not in blob and SHOWN in blob
    cards = data["themes"][0]["cards"]
    assert len(cards) == 4 and data["themes"][0]["total"] == 4
    secret = next(c for c in cards if c["id"] == room["secret"])
    assert secret["text"].startswith(WITHHELD) and "giraffe" not in card_label(secret)
    found = board_data(workshop.store, workshop.themes, BoardFilter(search="giraffe"))
    assert found["themes"][0]["matching"] == 0 and found["themes"][0]["cards"] == []


def test_golden_thread_and_its_table_quote_no_withheld_words(workshop, room):
    (thread,) = golden_thread(workshop, examples=10)
    said = [s.text for s in thread.said]
    assert thread.said_total == 4 and SHOWN in said
    assert not any("giraffe" in s or "zebra" in s for s in said)
    assert any(s.startswith(WITHHELD) for s in said)
    table = thread_frame([thread]).to_csv()
    assert "giraffe" not in table and WITHHELD in table


def _docx_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


def test_reports_hold_no_withheld_words(workshop, room, tmp_path):
    # ten statements quoted per action: make sure the thread would quote the secret one
    html = write_report(workshop, "html", tmp_path / "r.html").read_text(encoding="utf-8")
    docx = _docx_text(write_report(workshop, "docx", tmp_path / "r.docx"))
    easy = write_report(workshop, "easy-read", tmp_path / "e.html").read_text(encoding="utf-8")
    for text in (html, docx, easy):
        assert "giraffe" not in text and "zebra" not in text
    assert WITHHELD in html and WITHHELD in docx  # the thread quotes it as a placeholder
    assert "4 statements" in html or "4</td>" in html


def test_undo_message_of_a_deleted_statement_keeps_the_words_out(workshop, room):
    workshop.delete_statement(room["secret"], actor="Table 1")
    message = workshop.undo("Table 1")
    assert "giraffe" not in message and WITHHELD[:20] in message
    assert "giraffe" not in " ".join(workshop.history["summary"])


def test_chart_csvs_for_others_hold_no_words(workshop, room, tmp_path):
    png, csv = charts.collect_chart(workshop.statements).save(tmp_path)
    assert "giraffe" not in csv.read_text(encoding="utf-8")


def test_the_facilitators_whole_workshop_export_keeps_the_words(workshop, room, tmp_path):
    # The backup that restores the workshop is the facilitator's own, not for others.
    path = exchange.export_json(workshop, tmp_path / "backup.json")
    assert SECRET in path.read_text(encoding="utf-8")


def test_consent_given_later_shows_the_words_again(workshop, room):
    set_consent(workshop, "R-NO", True)
    assert SECRET in workshop.statements["text"].tolist()
