"""The Evaluation page driven through its public controls: a table answers person by person,
the facilitator types in paper counts and sees the tallies and the chart; roles are checked."""

from __future__ import annotations

from widgets.evaluation import EvaluationView
from workbook.access.roles import Access, Role
from workbook.evaluation.store import tallies

TABLE = Access(Role.TABLE, "laptop1abc", "Table <b>1</b>")


def people(ws, when, key):
    t = tallies(ws)
    rows = t[(t["moment"] == when) & (t["measure"] == key)]
    return {r.label: r.people for r in rows.itertuples() if r.people}


def test_a_table_answers_one_person_at_a_time_and_sees_no_results(ws):
    page = EvaluationView(ws, access=TABLE)
    form = page.form
    assert not hasattr(page, "paper") and "Tallies" not in str(page.children)
    assert form.statement_box.layout.display == "none"  # the start asks the mood only
    form.mood.value = 2
    form.save_button.click()
    assert "Saved. Thank you" in page.messages.text
    assert form.mood.value is None  # cleared for the next person
    form.moment.value = "end"
    assert form.statement_box.layout.display is None
    form.mood.value = 5
    form.statements["I1"].value = 4
    form.statements["We4"].value = 1
    form.save_button.click()
    assert people(ws, "start", "mood") == {"Unhappy": 1}
    assert people(ws, "end", "mood") == {"Very happy": 1}
    assert people(ws, "end", "I1") == {"Agree": 1}
    assert people(ws, "end", "We4") == {"Strongly disagree": 1}
    form.save_button.click()  # nothing chosen: a plain message, nothing saved
    assert "No answer is chosen yet" in page.messages.text
    page.undo_button.click()  # this laptop's last person taken back
    assert people(ws, "end", "I1") == {} and people(ws, "start", "mood") == {"Unhappy": 1}


def test_the_facilitator_types_in_paper_counts_and_sees_tallies_and_chart(ws):
    table = EvaluationView(ws, access=TABLE)
    table.form.mood.value = 3
    table.form.save_button.click()
    page = EvaluationView(ws)
    paper = page.paper
    paper.moment.value = "end"
    paper.question.value = "I2"
    assert paper.counts[5].description == "Strongly agree (people)"
    paper.counts[5].value = "4"
    paper.counts[3].value = "1"
    paper.add_button.click()
    assert "Added 5 paper answers to I 2" in page.messages.text
    assert people(ws, "end", "I2") == {"Strongly agree": 4, "Not sure": 1}
    assert "<td>4 of 5</td>" in page.tally.value
    assert "I 2 “I am supported by people" in page.chart.alt
    assert (ws.folder / "outputs" / "evaluation.png").exists()
    paper.question.value = "mood"
    assert paper.counts[1].description == "Very unhappy (people)"
    paper.counts[1].value = "lots"
    paper.add_button.click()
    assert "'lots' (Mood, “Very unhappy”) is not a number" in page.messages.text
    assert paper.counts[1].value == "lots"  # kept to correct
    assert len(paper.entries.options) == 1
    paper.remove_button.click()
    assert people(ws, "end", "I2") == {} and paper.remove_button.disabled
    paper.moment.value = "start"
    assert [v for _, v in paper.question.options] == ["mood"]


def test_a_table_cannot_use_the_facilitators_tools(ws):
    page = EvaluationView(ws)
    page.set_access(TABLE)  # a served page handed to a table: built again as the table's
    assert page.report not in page._undo_box.children  # no report of the room's answers
    from widgets.evaluation.paper import ONLY_FACILITATOR, PaperPanel

    panel = PaperPanel(page)  # a facilitator's control reached from a table's kernel
    panel.question.value = "mood"
    panel.counts[5].value = "3"
    panel.add_button.click()
    assert ONLY_FACILITATOR in page.messages.text
    assert people(ws, "end", "mood") == {}
    assert "Table &lt;b&gt;1&lt;/b&gt;" in page.header.value


def test_the_facilitators_own_tab_at_a_table_answers_like_a_table(ws):
    page = EvaluationView(ws, table="Table 3")  # a demo on one machine: ?table=Table 3
    assert page.is_facilitator and not hasattr(page, "paper")
    page.form.mood.value = 4
    page.form.save_button.click()
    assert people(ws, "start", "mood") == {"Happy": 1}


def served(ws, monkeypatch, access):
    """The page as a pre-heated Voila kernel builds it, once the request and its grant come."""
    import widgets.common.context as context
    from widgets.common.context import PageContext
    from workbook.access import grants

    monkeypatch.setattr("widgets.common.live.LiveRefresh.start", lambda self: None)
    monkeypatch.setenv(grants.SECRET_ENV, "evaluation-test-secret")
    query = grants.granted_query("", access, "evaluation-test-secret")
    monkeypatch.setattr(context, "query_string", lambda: query)
    return EvaluationView.for_page(PageContext(ws, None, served=True, waiting=True))


def test_served_the_table_gets_the_form_a_member_nothing_the_facilitator_all(ws, monkeypatch):
    table = served(ws, monkeypatch, TABLE)
    shown = _walk(table)  # built in the pool for the big screen, then again for the table
    assert table.form.save_button in shown and table.paper.add_button not in shown
    assert table.chart not in shown and table.report not in shown
    member = served(ws, monkeypatch, Access(Role.MEMBER, "7", "Panel member"))
    assert len(member.children) == 2 and "tender scoring page only" in member.children[1].value
    big = served(ws, monkeypatch, Access(Role.FACILITATOR))
    assert big.paper_drawer in _walk(big) and big.chart in _walk(big)


def _walk(widget):
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += _walk(child)
    return found


def test_the_facilitator_moves_every_table_to_the_end_and_undo_moves_them_back(ws):
    table = EvaluationView(ws, access=TABLE)
    big = EvaluationView(ws)
    assert table.form.moment.value == "start" and big.asking.value == "start"
    big.asking.value = "end"
    assert "Every table is now asked about at the end of the event" in big.messages.text
    table.live.sync()  # the table's page sees the change (its live task does this served)
    assert table.form.moment.value == "end"
    assert table.form.statement_box.layout.display is None
    again = EvaluationView(ws, access=TABLE)  # a laptop opening the page now starts there
    assert again.form.moment.value == "end"
    big.undo_button.click()
    table.live.sync()
    assert table.form.moment.value == "start" and big.asking.value == "start"
