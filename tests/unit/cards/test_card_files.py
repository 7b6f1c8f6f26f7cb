"""The cards written as PDF and Word, read back; and `wtfc cards` run as a user runs it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from docx import Document
from pypdf import PdfReader

from tests.consent_room import set_consent
from workbook import InputError
from workbook.cards import write_cards
from workbook.text import one_line

EVIL = "<script>alert(1)</script> & =HYPERLINK(\"x\")"
LONG = "I want to know who is coming to support me each morning and when " * 4


@pytest.fixture
def filled(workshop):
    ids = {
        "short": workshop.add_statement("R-1", "working", "person", "I like my keyworker",
                                        actor="s"),
        "evil": workshop.add_statement("R-1", "not_working", "staff", EVIL, actor="s"),
        "greek": workshop.add_statement("R-2", "future", "family", "Θέλω να πάω στο κολέγιο",
                                        actor="s"),
        "long": workshop.add_statement("R-2", "not_working", "other", LONG.strip(), actor="s"),
        "secret": workshop.add_statement("R-NO", "working", "person", "Secret giraffe",
                                         actor="s"),
    }
    set_consent(workshop, "R-NO", False)
    return ids


def pdf_text(path) -> str:
    return one_line(" ".join(page.extract_text() for page in PdfReader(path).pages))


def test_the_pdf_holds_every_card_and_no_withheld_words(workshop, filled, tmp_path):
    done = write_cards(workshop, tmp_path / "cards.pdf")
    reader = PdfReader(done.path)
    assert done.sheets == len(reader.pages) == 1  # four cards, one of them a whole row
    assert abs(float(reader.pages[0].mediabox.width) - 595.28) < 1  # A4, in points
    text = pdf_text(done.path)
    for key in ("short", "evil", "greek", "long"):
        n = filled[key]
        assert f"No. {n}" in text
    for words in ("I like my keyworker", "Θέλω να πάω στο κολέγιο", one_line(LONG),
                  "✔ Working", "✖ Not working", "➜ For the future",
                  "Whose view: Family carer", "Whose view: Staff"):
        assert words in text, words
    # A "word" wider than the card is broken across lines, never drawn past the edge.
    assert EVIL.replace(" ", "") in text.replace(" ", "")
    assert "giraffe" not in text and f"No. {filled['secret']} " not in text + " "
    assert done.sentence() == (f"Wrote 4 cards (every statement) on 1 A4 sheet to {done.path}. "
                               "1 statement left out: the person did not agree to their "
                               "words being used.")


def test_the_word_file_holds_every_card(workshop, filled, tmp_path):
    done = write_cards(workshop, tmp_path / "cards.docx", "unthemed")
    doc = Document(done.path)
    assert len(doc.tables) == done.sheets == 1  # a table a sheet
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    cells = {one_line(cell.text) for table in doc.tables for row in table.rows
             for cell in row.cells}
    assert f"No. {filled['evil']} ✖ Not working {EVIL} Whose view: Staff" in cells
    assert any(c.startswith(f"No. {filled['long']}") and one_line(LONG) in c for c in cells)
    sizes = {run.font.size.pt for table in doc.tables for row in table.rows
             for cell in row.cells for par in cell.paragraphs for run in par.runs}
    assert sizes and min(sizes) >= 16
    assert not any("giraffe" in c for c in cells)


def test_an_empty_workshop_gives_a_sheet_that_says_so(workshop, tmp_path):
    done = write_cards(workshop, tmp_path / "cards.pdf")
    assert done.sheets == 1 and "No statements to print yet" in pdf_text(done.path)
    word = write_cards(workshop, tmp_path / "cards.docx")
    assert "No statements to print yet" in Document(word.path).paragraphs[0].text


def test_a_character_the_pdf_font_lacks_is_named(workshop, tmp_path):
    n = workshop.add_statement("R-1", "working", "person", "I like 日本語 class", actor="s")
    done = write_cards(workshop, tmp_path / "cards.pdf")
    assert done.gaps == [n] and f"No. {n} has characters the PDF's font cannot draw" in (
        done.sentence())
    assert write_cards(workshop, tmp_path / "cards.docx").gaps == []


@pytest.mark.parametrize("name, says", [
    ("cards.txt", "Save the cards in a file ending .pdf"),
    ("missing/cards.pdf", "There is no folder"),
])
def test_a_wrong_file_says_what_to_fix_and_writes_nothing(workshop, tmp_path, name, says):
    with pytest.raises(InputError, match=says):
        write_cards(workshop, tmp_path / name)
    assert not (tmp_path / name).exists()


def wtfc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbook.cli", *args], capture_output=True,
                          text=True, timeout=120)


def test_the_command_writes_pdf_and_word(tmp_path):
    from workbook import Workshop

    ws = Workshop.create(tmp_path / "event", "Spring event")
    n = ws.add_statement("R-1", "working", "person", "I like my keyworker", actor="s")
    themed = ws.add_statement("R-1", "future", "person", "I want a job", actor="s")
    ws.assign([themed], ws.add_theme("Work", actor="s"), actor="s")
    ws.close()
    out = wtfc("cards", str(tmp_path / "event"), "--output", str(tmp_path / "cards.pdf"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Wrote 2 cards (every statement) on 1 A4 sheet")
    assert "I want a job" in pdf_text(tmp_path / "cards.pdf")
    out = wtfc("cards", str(tmp_path / "event"), "--output", str(tmp_path / "cards.docx"),
               "--unthemed")
    assert out.returncode == 0 and "1 card (statements not yet in a theme)" in out.stdout
    cells = [c.text for t in Document(tmp_path / "cards.docx").tables for r in t.rows
             for c in r.cells]
    assert any(f"No. {n}" in c for c in cells) and not any("I want a job" in c for c in cells)
    bad = wtfc("cards", str(tmp_path / "event"), "--output", str(tmp_path / "cards.html"))
    assert bad.returncode == 2 and bad.stderr.startswith("wtfc: Save the cards in a file")
    assert "Traceback" not in bad.stderr


def test_erasing_a_review_removes_the_word_cards_that_quote_it(workshop, filled):
    from workbook.consent.erasure import forget_review

    done = write_cards(workshop, workshop.outputs / "cards.docx")
    erasure = forget_review(workshop, "R-2", actor="facilitator")
    assert "cards.docx" in erasure.files_removed and not done.path.exists()


def test_seven_cards_take_two_sheets_in_both_files(workshop, tmp_path):
    for i in range(7):
        workshop.add_statement(f"R-{i}", "working", "person", f"I like the garden {i}",
                               actor="s")
    pdf = write_cards(workshop, tmp_path / "cards.pdf")
    assert pdf.sheets == len(PdfReader(pdf.path).pages) == 2
    word = write_cards(workshop, tmp_path / "cards.docx")
    doc = Document(word.path)
    assert word.sheets == len(doc.tables) == 2
    assert 'w:br w:type="page"' in doc.element.xml.replace("'", '"')
    first, second = doc.tables[1].rows[0].cells
    assert first.text.startswith("No. 7") and second.text == ""


def test_erasing_a_review_removes_the_pdf_cards_that_quote_it(workshop, filled):
    from workbook.consent.erasure import forget_review

    done = write_cards(workshop, workshop.outputs / "cards.pdf")
    (workshop.outputs / "damaged.pdf").write_bytes(b"%PDF-1.4 not really")
    erasure = forget_review(workshop, "R-2", actor="facilitator")
    assert "cards.pdf" in erasure.files_removed and not done.path.exists()
    assert (workshop.outputs / "damaged.pdf").exists()  # unreadable: not one we wrote
