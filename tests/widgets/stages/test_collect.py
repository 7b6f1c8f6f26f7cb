"""The Collect page, driven headless through its public controls; checked against the store."""

from __future__ import annotations

import datetime as dt

import ipywidgets as w
import pytest

from tests.widgets.helpers import html_values
from widgets.stages.collect.page import CollectView
from workbook import StatementIn

EVIL = "<img src=x onerror=alert(1)>"
NOW = dt.datetime(2025, 5, 1, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def wide_double_click_window(monkeypatch):
    """A double click is two presses within a time window: a loaded test machine must not
    stretch two presses in a row past it."""
    from widgets.stages.collect import form as collect_form

    monkeypatch.setattr(collect_form, "DOUBLE_CLICK_SECONDS", 60.0)


@pytest.fixture
def view(ws):
    v = CollectView(ws, table="Table 1")
    yield v
    v.close()


def upload(view: CollectView, *files: tuple[str, bytes]) -> None:
    # The shape ipywidgets 8 gives FileUpload.value (last_modified is needed to sync it).
    view.upload.value = tuple(
        {"name": name, "type": "text/csv", "size": len(data), "content": memoryview(data),
         "last_modified": NOW}
        for name, data in files
    )


def type_in(view: CollectView, text: str, kind="working", ref="R-001", perspective="person"):
    view.review_ref.value = ref
    view.perspective.value = perspective
    view.kind.value = kind
    view.text.value = text
    view.add_button.click()


def choose(view: CollectView, statement_id: int) -> None:
    view.edit_select.value = statement_id


# --- typing statements in --------------------------------------------------------------------
def test_add_statement_saves_it_and_keeps_review_and_perspective(view, ws):
    assert view.stage == "Step 2 · Collect: what people said"
    assert [label for label, _ in view.perspective.options] == [
        "The person", "Family carer", "Staff", "Other"]
    assert [label for label, _ in view.kind.options] == [
        "✔ Working", "✖ Not working", "➜ For the future"]
    type_in(view, "  I like my flat  ", kind="not_working", ref="R-017", perspective="family")
    st = ws.statements
    assert st[["review", "kind", "perspective", "text"]].values.tolist() == [
        ["R-017", "not_working", "family", "I like my flat"]]
    assert view.text.value == ""
    assert (view.review_ref.value, view.perspective.value) == ("R-017", "family")
    assert view.messages.kind == "ok" and "Added statement No." in view.messages.text
    assert "R-017" in view.messages.text
    assert not view.add_button.disabled
    assert ws.history["actor"].iloc[-1] == "Table 1"


def test_double_click_adds_one_statement(view, ws):
    type_in(view, "Two clicks, one statement")
    view.add_button.click()
    view.add_button.click()
    assert len(ws.statements) == 1
    # Not silence: the page says nothing more was added, and what was saved last.
    assert view.messages.kind == "info"
    assert "Nothing was added" in view.messages.text
    assert "Two clicks, one statement" in view.messages.text


@pytest.mark.parametrize(
    "ref, kind, text, message",
    [
        ("", "working", "Some words", "missing review reference"),
        ("R-1", None, "Some words", "Choose the kind"),
        ("R-1", "working", "   ", "blank"),
        ("R-1", "working", "x" * 1001, "the limit is 1,000"),
    ],
)
def test_bad_input_says_what_to_fix_and_writes_nothing(view, ws, ref, kind, text, message):
    before = ws.revision
    view.review_ref.value, view.kind.value, view.text.value = ref, kind, text
    view.add_button.click()
    assert view.messages.kind == "error"
    assert message in view.messages.text
    assert ws.revision == before and ws.statements.empty
    assert view.text.value == text  # what they typed is kept, to fix
    assert not view.add_button.disabled


# --- importing files -------------------------------------------------------------------------
GOOD_CSV = (
    "review,perspective,kind,text\n"
    "R-001,person,working,I like my flat\n"
    "R-001,family carer,not working,The bus stops at six\n"
    "R-002,staff,future,A job at the café\n"
    "R-003,person,maybe,This kind is wrong\n"
    ",person,working,No review here\n"
).encode()


def test_import_shows_added_duplicates_and_rejected_rows(view, ws):
    assert view.upload.multiple and view.upload.accept == ".csv,.xlsx,.xlsm,.txt,.tsv,.json"
    ws.add_statement("R-001", "working", "person", "I like my flat", actor="T")
    upload(view, ("council.csv", GOOD_CSV))
    assert ws.statements.shape[0] == 1  # choosing a file imports nothing yet
    view.import_button.click()
    assert sorted(ws.statements["text"]) == [
        "A job at the café", "I like my flat", "The bus stops at six"]
    report = view.import_report.value
    assert "2 added" in report and "1 already there" in report and "2 rows not imported" in report
    assert "<td" in report and ">5<" in report and ">6<" in report  # row numbers as in Excel
    assert "unknown kind" in report and "missing review reference" in report
    assert view.upload.value == ()
    assert view.messages.kind == "ok" and "2 statements added" in view.messages.text
    assert "3 statements from 2 reviews" in view.totals.value


def test_import_can_be_undone_and_a_second_click_does_nothing(view, ws):
    upload(view, ("council.csv", GOOD_CSV))
    view.import_button.click()
    view.import_button.click()  # the double click: the upload is already cleared
    assert view.messages.kind == "ok"
    assert len(ws.statements) == 3
    view.undo_button.click()
    assert ws.statements.empty
    assert "No statements yet" in view.totals.value


def test_import_without_a_file_says_what_to_do(view, ws):
    view.import_button.click()
    assert view.messages.kind == "error" and "Choose a file first" in view.messages.text


def test_unreadable_file_gives_its_plain_message_and_writes_nothing(view, ws):
    before = ws.revision
    upload(view, ("broken.xlsx", b"this is not a spreadsheet at all"))
    view.import_button.click()
    assert view.messages.kind == "error"
    assert "broken.xlsx could not be read" in view.messages.text
    assert "could not be read" in view.import_report.value
    assert ws.revision == before and ws.statements.empty
    assert view.upload.value == ()
    assert not view.import_button.disabled


def test_several_files_at_once(view, ws):
    other = b"review,perspective,kind,text\nR-009,staff,working,Good rota\n"
    upload(view, ("one.csv", GOOD_CSV), ("two.csv", other), ("bad.xlsx", b"nonsense"))
    view.import_button.click()
    assert len(ws.statements) == 4
    assert "Imported 2 files" in view.messages.text and "1 file could not" in view.messages.text
    report = view.import_report.value
    assert "one.csv" in report and "two.csv" in report and "bad.xlsx" in report


# --- escaping ----------------------------------------------------------------------------------
def test_participant_text_is_escaped_everywhere(view, ws):
    type_in(view, EVIL, ref="R-<b>1</b>")
    evil_csv = f'review,perspective,kind,text\nR-2,person,"{EVIL}",{EVIL}\n'.encode()
    upload(view, (f"{EVIL}.csv", evil_csv))
    view.import_button.click()
    choose(view, int(ws.statements["statement_id"].iloc[0]))
    view.search.value = "img"
    values = html_values(view)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in v for v in values)
    for value in values:
        assert "<img src=x" not in value and "<b>1" not in value
    assert "&lt;img src=x onerror=alert(1)&gt;" in view.list_html.value
    assert "R-&lt;b&gt;1&lt;/b&gt;" in view.list_html.value
    assert "&lt;img src=x onerror=alert(1)&gt;.csv" in view.import_report.value


# --- changing and deleting -----------------------------------------------------------------------
def test_edit_then_delete_then_undo(view, ws):
    type_in(view, "The bus stops at six", kind="working")
    sid = int(ws.statements["statement_id"].iloc[0])
    assert view.save_button.disabled and view.delete_button.disabled
    assert sid in [value for _, value in view.edit_select.options]
    choose(view, sid)
    assert view.edit_text.value == "The bus stops at six" and view.edit_kind.value == "working"
    assert not view.save_button.disabled
    view.edit_text.value = "The last bus is at six"
    view.edit_kind.value = "not_working"
    view.edit_perspective.value = "staff"
    view.edit_review_ref.value = "R-099"
    view.save_button.click()
    row = ws.statements.iloc[0]
    assert (row["text"], row["kind"], row["perspective"], row["review"]) == (
        "The last bus is at six", "not_working", "staff", "R-099")
    assert view.messages.kind == "ok" and f"statement No. {sid}" in view.messages.text
    assert "The last bus is at six" in view.list_html.value
    view.delete_button.click()
    assert ws.statements.empty
    assert "Undo" in view.messages.text
    assert view.edit_select.value == 0 and view.delete_button.disabled
    view.undo_button.click()
    assert ws.statements["text"].tolist() == ["The last bus is at six"]
    assert "The last bus is at six" in view.list_html.value


def test_save_with_nothing_changed_or_nothing_chosen(view, ws):
    type_in(view, "Words")
    before = ws.revision
    view.save_button.click()
    assert view.messages.kind == "error" and "Choose a statement" in view.messages.text
    choose(view, int(ws.statements["statement_id"].iloc[0]))
    view.save_button.click()
    assert "Nothing to save" in view.messages.text
    view.edit_text.value = "   "
    view.save_button.click()
    assert view.messages.kind == "error" and "blank" in view.messages.text
    assert ws.revision == before and ws.statements["text"].tolist() == ["Words"]


def test_saving_sends_only_what_this_screen_changed(ws):
    a, b = CollectView(ws, table="Table 1"), CollectView(ws, table="Table 2")
    sid = ws.add_statement("R-1", "working", "person", "Original words", actor="T")
    a.live.sync()
    b.live.sync()
    choose(a, sid)
    choose(b, sid)
    b.edit_kind.value = "future"
    b.save_button.click()
    a.edit_text.value = "New words from table 1"
    a.save_button.click()
    row = ws.statements.iloc[0]
    assert (row["text"], row["kind"]) == ("New words from table 1", "future")


def test_statement_deleted_on_another_screen_while_open_here(ws):
    a, b = CollectView(ws, table="Table 1"), CollectView(ws, table="Table 2")
    sid = ws.add_statement("R-1", "working", "person", "Soon gone", actor="T")
    a.live.sync()
    b.live.sync()
    choose(a, sid)
    choose(b, sid)
    b.delete_button.click()
    a.live.sync()
    assert a.edit_select.value == 0 and a.save_button.disabled
    assert "has been deleted" in a.messages.text


# --- finding and paging ----------------------------------------------------------------------
@pytest.fixture
def many(ws):
    kinds, persps = ["working", "not_working", "future"], ["person", "family", "staff", "other"]
    ws.import_statements(
        [StatementIn.parse(f"R-{i % 10:03d}", kinds[i % 3], persps[i % 4],
                           f"Statement {i} about {'buses' if i % 5 == 0 else 'rota'}")
         for i in range(120)],
        source="many.csv", actor="T")
    return ws


def test_list_is_paged_and_filtered(many):
    view = CollectView(many)
    assert view.page_label.value == "Showing 1-50 of 120 (newest first)"
    assert view.list_html.value.count('class="wtfc-card ') == 50
    assert "Statement 119 about" in view.list_html.value
    assert view.prev_button.disabled and not view.next_button.disabled
    assert len(view.edit_select.options) == 51
    view.next_button.click()
    view.next_button.click()
    assert view.page_label.value == "Showing 101-120 of 120 (newest first)"
    assert view.next_button.disabled and not view.prev_button.disabled
    assert "Statement 0 about" in view.list_html.value
    view.search.value = "BUSES"
    assert view.page_label.value == "Showing 1-24 of 24 (newest first)"  # back to page one
    view.kind_filter.value = "future"
    view.perspective_filter.value = "staff"
    # i % 5 == 0, i % 3 == 2, i % 4 == 2: i in 50, 110
    assert view.page_label.value == "Showing 1-2 of 2 (newest first)"
    view.review_filter.value = "r-000"
    assert "Statement 110 about" in view.list_html.value
    assert "Statement 50 about" in view.list_html.value
    view.search.value = "nothing like this"
    assert view.page_label.value == "No statements match."
    assert "No statements to show" in view.list_html.value


def test_totals_and_chart(view, ws):
    assert "No statements yet" in view.totals.value
    type_in(view, "One", kind="working")
    type_in(view, "Two", kind="not_working", ref="R-002", perspective="staff")
    assert ("2 statements from 2 reviews: 1 working, 1 not working, 0 for the future."
            in view.totals.value)
    assert "Whose view: 1 the person, 0 family carer, 1 staff, 0 other." in view.totals.value
    assert "Bar chart of 2 statements" in view.chart.alt
    assert view.chart.value.startswith('<figure') and "data:image/png;base64," in view.chart.value
    assert (ws.outputs / "statements_by_perspective_and_kind.png").exists()


def test_redraw_is_cheap_when_nothing_it_shows_changed(view, ws, monkeypatch):
    type_in(view, "Words", kind="working")
    drawn = []
    monkeypatch.setattr(view.chart, "show", lambda chart, save=True: drawn.append(chart))
    ws.add_theme("Transport", "I can get home", actor="T")
    view.live.sync()  # themes only: not watched, nothing redrawn
    choose(view, int(ws.statements["statement_id"].iloc[0]))
    view.edit_text.value = "Other words"
    view.save_button.click()  # words changed, counts did not: the chart stays
    assert drawn == []
    assert "Other words" in view.list_html.value
    type_in(view, "More", kind="future")
    assert len(drawn) == 1


# --- live -----------------------------------------------------------------------------------------
def test_another_view_sees_this_views_change_after_sync(ws):
    big, table = CollectView(ws), CollectView(ws, table="Table 3")
    type_in(table, "Seen on the big screen", kind="future", ref="R-5")
    assert "Seen on the big screen" not in big.list_html.value
    assert big.live.sync() >= {"statements"}
    assert "Seen on the big screen" in big.list_html.value
    assert "1 statement from 1 review" in big.totals.value
    assert "Bar chart of 1 statement by" in big.chart.alt
    # Undo is per table: the big screen cannot undo Table 3's statement.
    big.undo_button.click()
    assert big.messages.kind == "error" and len(ws.statements) == 1
    table.undo_button.click()
    big.live.sync()
    assert ws.statements.empty and "Seen on the big screen" not in big.list_html.value


def test_for_page_builds_a_view_that_is_not_live_outside_voila(ws):
    from widgets.common.context import PageContext

    view = CollectView.for_page(PageContext(ws, "Table 4", served=False))
    assert view.actor == "Table 4" and view.live.task is None
    for name in ("upload", "import_button", "import_report", "review_ref", "perspective", "kind",
                 "text", "add_button", "edit_select", "save_button", "delete_button", "search",
                 "kind_filter", "perspective_filter", "list_html", "prev_button", "next_button",
                 "chart", "totals"):
        assert isinstance(getattr(view, name), w.Widget), name


def test_a_live_page_redraws_the_chart_at_most_every_few_seconds(ws, monkeypatch):
    import asyncio

    from widgets.stages.collect import page as collect

    monkeypatch.setattr(collect, "CHART_EVERY_SECONDS", 1.0)

    async def scenario():
        view = CollectView(ws)
        view.live.task = asyncio.get_running_loop().create_future()  # as if polling
        assert "No statements yet" in view.chart.alt
        for text in ("One", "Two"):
            ws.add_statement("R-1", "working", "person", text, actor="Table 1")
            view.live.sync()
        # The totals follow at once; the chart waits out the second since it was drawn.
        assert "2 statements from 1 review" in view.totals.value
        assert "No statements yet" in view.chart.alt
        await asyncio.sleep(1.5)
        assert "Bar chart of 2 statements" in view.chart.alt
        view.close()

    asyncio.run(scenario())


def test_a_table_pages_ten_at_a_time_and_the_big_screen_fifty(many):
    view = CollectView(many)  # built for the big screen, as in Voila's pool
    assert view.page_label.value == "Showing 1-50 of 120 (newest first)"
    view.next_button.click()
    view.set_table("Table 3")  # handed to a table's laptop
    assert view.page_label.value == "Showing 1-10 of 120 (newest first)"
    assert view.list_html.value.count('class="wtfc-card ') == 10
    assert "Statement 119 about" in view.list_html.value
    assert len(view.edit_select.options) == 11
    view.next_button.click()
    assert view.page_label.value == "Showing 11-20 of 120 (newest first)"
    assert "Statement 109 about" in view.list_html.value
    table = CollectView(many, table="Table 4")
    assert table.page_label.value == "Showing 1-10 of 120 (newest first)"
