"""The easy read's curated pictures: each ships in OpenMoji, renders to PNG, is cached; words
pick them; long sentences are found."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from workbook import InputError
from workbook.easyread import pictures
from workbook.easyread.pictures import DEFAULT, KEYWORDS, PICTURES, check_name, pick, picture_png
from workbook.easyread.sentences import EASY_WORDS, easy_lines, long_sentences


@pytest.mark.parametrize("name", sorted(PICTURES))
def test_every_curated_picture_renders_as_a_square_png_on_white(name):
    png = pictures.render_png(name, 48)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (48, 48)
    assert image.convert("RGB").getpixel((0, 0)) == (255, 255, 255)  # white, not transparent
    lo, hi = image.convert("L").getextrema()
    assert hi - lo > 100  # something is drawn
    assert PICTURES[name].alt and PICTURES[name].label


def test_every_keyword_names_a_curated_picture():
    assert set(KEYWORDS.values()) <= set(PICTURES)
    assert DEFAULT in PICTURES


@pytest.mark.parametrize(("words", "picture"), [
    (("Transport", "The bus never comes"), "travel"),  # the theme first
    (("", "I never have cash for the shops"), "money"),
    (("", "My bedroom is too cold"), "home"),
    (("", "Staff change all the time"), "support"),
    (("", "I want to see my friends"), "friends"),
    (("", "Nobody explained my medication"), "medicine"),
    (("", "The appointments are too short"), "doctor"),  # a plural s
    (("", "Zzz qqq"), DEFAULT),
])
def test_words_pick_a_picture(words, picture):
    assert pick(*words) == picture


def test_a_section_gives_its_own_default():
    assert pick("Nothing to see", default="not_done") == "not_done"


def test_pictures_are_cached_in_the_folder_given(tmp_path, monkeypatch):
    first = picture_png("home", 64, tmp_path)
    assert (tmp_path / "home-64.png").read_bytes() == first
    monkeypatch.setattr(pictures, "render_png", lambda *_a: pytest.fail("not cached"))
    assert picture_png("home", 64, tmp_path) == first


def test_an_unknown_picture_is_refused_plainly():
    with pytest.raises(InputError, match="not one of the easy read's pictures"):
        check_name("../../etc/passwd")


def test_long_sentences_are_found_and_broken():
    long = ("When the bus stops at six o'clock in the evening, I cannot get home from my "
            "club, and my mum has to drive across town to fetch me every single week.")
    assert long_sentences(long + " Short one.") == [long]
    assert long_sentences("Short one. Another short one!") == []
    lines = easy_lines(long + " Short one.")
    assert all(len(x.split()) <= EASY_WORDS for x in lines)
    assert " ".join(lines) == long + " Short one."


def test_a_cache_folder_that_cannot_be_written_still_gives_the_picture(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")  # so blocked / "x.png" cannot be made
    png = picture_png("home", 32, blocked)
    assert Image.open(io.BytesIO(png)).size == (32, 32)
