"""'You said, we did' written on its own: web page or Word, whole or not at all."""

from __future__ import annotations

import pytest
from docx import Document

from workbook import InputError, Workshop
from workbook.feedback.publish import NONE_YET, write_you_said_we_did


@pytest.fixture
def ws(tmp_path):
    w = Workshop.create(tmp_path / "ws", "Spring <event>")
    yield w
    w.close()


def test_web_page_and_word_carry_the_three_columns_and_statuses(ws, tmp_path):
    t = ws.add_theme("Getting out", "")
    ws.add_feedback(t, "No bus home.", "A bus until 10pm.", impact="Twelve riders.",
                    status="done", given_on="2026-05-01")
    html = write_you_said_we_did(ws, tmp_path / "y.html", today="2026-06-01").read_text(
        encoding="utf-8")
    assert "“Spring &lt;event&gt;”" in html and "Written on 2026-06-01." in html
    assert "1 entry: 1 done." in html and "<td>Done (2026-05-01)</td>" in html
    doc = Document(write_you_said_we_did(ws, tmp_path / "y.docx"))
    assert doc.core_properties.title == "You said, we did: Spring <event>"
    assert [c.text for c in doc.tables[0].rows[1].cells] == [
        "No bus home. (theme: Getting out)", "A bus until 10pm.", "Twelve riders.",
        "Done (2026-05-01)"]


def test_an_empty_log_says_so_and_a_wrong_file_name_is_refused(ws, tmp_path):
    assert NONE_YET in write_you_said_we_did(ws, tmp_path / "e.html").read_text(
        encoding="utf-8")
    assert any(NONE_YET == p.text for p in Document(
        write_you_said_we_did(ws, tmp_path / "e.docx")).paragraphs)
    with pytest.raises(InputError, match="ending .html or .docx"):
        write_you_said_we_did(ws, tmp_path / "e.pdf")
    assert not (tmp_path / "e.pdf").exists()
