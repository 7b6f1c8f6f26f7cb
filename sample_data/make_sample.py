"""Write the synthetic Riverside sample event into sample_data/, then check what was written.

    cd /work/main && python sample_data/make_sample.py

Everything here is made up: the place, the reviews and every statement (statement_bank.py).
The output is the same on every run: one seeded random.Random, and the .xlsx files are
written with fixed timestamps so git sees no change unless the data changes.
Needs only the standard library and openpyxl.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import council_template
import openpyxl
from openpyxl.styles import Alignment, Font
from statement_bank import FAMILY, OTHER, PERSON, PRONOUNS, STAFF, Bank

HERE = Path(__file__).resolve().parent
SEED = 2026
REVIEWS = [f"R-{n:03d}" for n in range(1, 61)]
SERVICE = "Riverside supported living and day opportunities"
KINDS = ("working", "not working", "future")  # as written in reviews_long.csv
KIND_KEY = {"working": "working", "not working": "not_working", "future": "future"}
PERSPECTIVES = ("person", "family carer", "staff", "other")
# How many reviews a family carer, staff member or other person added statements to, and how
# many statements they added in all (drawn from their bank): about 360 statements in total,
# most in the person's own voice, as in a real review extract.
CONTRIBUTORS = {"family carer": (16, 22), "staff": (10, 14), "other": (4, 6)}
BANKS: dict[str, Bank] = {"family carer": FAMILY, "staff": STAFF, "other": OTHER}
LEAVE_ON_THE_WALL = 0.12  # share of themable statements the group did not put in a theme
FIXED_TIME = datetime(2026, 4, 1, 9, 0, 0)
MAX_STATEMENT = 200


@dataclass(frozen=True)
class Statement:
    review: str
    perspective: str
    kind: str  # "working", "not working" or "future"
    text: str
    theme: str | None  # the theme the sample group puts it in (before some are left out)

    @property
    def ref(self) -> dict[str, str]:
        """How worked_example.json names a statement."""
        return {"review": self.review, "kind": KIND_KEY[self.kind], "text": self.text}


# --- Step 2, collect: deal the statement bank out to sixty reviews --------------------------


def _pool(bank: Bank, kind: str | None = None) -> list[tuple[str, str | None, str]]:
    """(kind, theme, text) for every statement in a bank, or in one kind of it."""
    return [
        (k, theme, text)
        for k, groups in bank.items()
        if kind is None or k == kind
        for theme, texts in groups.items()
        for text in texts
    ]


def _deal(rng: random.Random, pool: list, sizes: list[int]) -> list[list]:
    """Shuffle the pool into hands of the given sizes, no hand holding the same text twice."""
    assert sum(sizes) == len(pool), (sum(sizes), len(pool))
    while True:
        cards = pool[:]
        rng.shuffle(cards)
        hands, start = [], 0
        for size in sizes:
            hands.append(cards[start : start + size])
            start += size
        if all(len({c[2] for c in hand}) == len(hand) for hand in hands):
            return hands


def _one_or_two(rng: random.Random, refs: list[str], people: int, total: int) -> dict[str, int]:
    """Pick `people` reviews, some with two statements, so that they add up to `total`."""
    assert people <= total <= 2 * people, (people, total)
    chosen = sorted(rng.sample(refs, people))
    twos = set(rng.sample(chosen, total - people))
    return {ref: 2 if ref in twos else 1 for ref in chosen}


def collect(rng: random.Random) -> list[Statement]:
    """Every review's statements, in the order a review extract lists them."""
    pronouns = {ref: rng.choice(("he", "she")) for ref in REVIEWS}
    by_review: dict[str, list[Statement]] = {ref: [] for ref in REVIEWS}

    # The person: two working, two not working, one or two for the future.
    future = _one_or_two(rng, REVIEWS, len(REVIEWS), len(_pool(PERSON, "future")))
    for kind in KINDS:
        sizes = [future[ref] if kind == "future" else 2 for ref in REVIEWS]
        for ref, hand in zip(REVIEWS, _deal(rng, _pool(PERSON, kind), sizes), strict=True):
            by_review[ref] += [Statement(ref, "person", k, text, theme) for k, theme, text in hand]

    # Family carers, staff and others: one or two statements where they took part.
    for perspective, (people, statements) in CONTRIBUTORS.items():
        pool = rng.sample(_pool(BANKS[perspective]), statements)
        counts = _one_or_two(rng, REVIEWS, people, len(pool))
        refs = sorted(counts)
        for ref, hand in zip(refs, _deal(rng, pool, [counts[r] for r in refs]), strict=True):
            hand.sort(key=lambda card: KINDS.index(card[0]))
            by_review[ref] += [
                Statement(ref, perspective, k, text.format_map(PRONOUNS[pronouns[ref]]), theme)
                for k, theme, text in hand
            ]
    return [s for ref in REVIEWS for s in by_review[ref]]


# --- Writing the files -----------------------------------------------------------------------


def save_workbook(book: openpyxl.Workbook, path: Path) -> None:
    """Save with fixed timestamps inside and on the zip entries, so reruns are byte-identical."""
    book.properties.creator = "sample_data/make_sample.py"
    book.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, data)


def write_long_csv(statements: list[Statement], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["review", "perspective", "kind", "text"])
        writer.writerows([s.review, s.perspective, s.kind, s.text] for s in statements)


WIDE_COLUMNS = {
    "working": ("Working 1", "Working 2"),
    "not working": ("Not working 1", "Not working 2"),
    "future": ("Important for the future 1", "Important for the future 2"),
}
WIDE_HEADER = ["Review ref", "Perspective", *(c for cols in WIDE_COLUMNS.values() for c in cols)]
PERSPECTIVE_LABELS = {"person": "Person", "family carer": "Family carer", "staff": "Staff",
                      "other": "Other"}


def wide_rows(statements: list[Statement]) -> list[list[str | None]]:
    """One row per review and perspective; a blank cell where nothing was said."""
    grouped: dict[tuple[str, str], dict[str, list[str]]] = {}
    for s in statements:
        said = grouped.setdefault((s.review, s.perspective), {kind: [] for kind in KINDS})
        said[s.kind].append(s.text)
    rows = []
    for (review, perspective), said in grouped.items():
        row: list[str | None] = [review, PERSPECTIVE_LABELS[perspective]]
        for kind in KINDS:
            assert len(said[kind]) <= 2, (review, perspective, kind)
            row += said[kind] + [None] * (2 - len(said[kind]))
        rows.append(row)
    return rows


def write_wide_xlsx(statements: list[Statement], path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Reviews"
    sheet.append([f"{SERVICE} — review extract"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(WIDE_HEADER)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in wide_rows(statements):
        sheet.append(row)
    for letter, width in zip("ABCDEFGH", (11, 14, *[38] * 6), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C4"
    save_workbook(book, path)


# --- The messy council spreadsheet: loose headings, synonyms and a few bad rows -------------

LONG_STATEMENT_SENTENCES = (
    "On Monday I go to the day centre and I like the art group but the bus was late again.",
    "On Tuesday I go to the allotment with my key worker and we grow potatoes and beans.",
    "On Wednesday a new worker came and I had to tell her all about my routine again.",
    "On Thursday I wanted to go to the pub quiz but there was no one to take me.",
    "On Friday I went bowling and I won one game and I came second in the other one.",
    "At the weekend it is quiet and I watch films in my room and ring my mum.",
)


def long_statement(length: int = 1500) -> str:
    """A review typed in full, word for word: longer than the 1,000-character limit."""
    body = " ".join(LONG_STATEMENT_SENTENCES * 10)[: length - 1].rstrip()
    text = body + "." * (length - len(body))
    assert len(text) == length
    return text


MESSY_TITLE = [
    ["Riverside Council — people’s review statements (spring)"],
    ["Exported from the case system 03/03/2026 – not yet checked"],
    [],
]
MESSY_HEADER = ["Review Ref.", "Whose view?", "Type", "What they said", "Notes"]
# (review ref, whose view, type, what they said, notes); "" is an empty cell.
MESSY_ROWS: list[tuple[object, str, str, str, str]] = [
    ("R-101", "Person", "What’s working", "I like my job at the café – I get paid on Fridays", ""),
    ("R-101", "Person", "What’s not working", "Staff don’t tell me who’s coming", ""),
    ("R-101", "Parent", "Important for the future",
     "We’d like him to try living in his own flat", "from the family questionnaire"),
    ("R-102", "Service user", "Working", "Going to the “Friday Club” at the community centre", ""),
    ("R-102", "Support worker", "Not working", "The taxi to college costs £12 each way", ""),
    ("R-102", "Person", "maybe", "I might want to move house", "ask again at next review"),
    ("R-103", "Carer", "What's not working",
     "Mum says the letters about his money are confusing", ""),
    ("R-103", "", "Important for the future", "I want to learn to cook a curry", ""),
    ("", "Person", "Working", "I like my new bedroom", "ref missing on the paper form"),
    ("R-104", "person", "working", "Swimming on Mondays", ""),
    ("R-104", "Support Worker", "Not Working",
     "Rota changes at short notice so she doesn’t know who’s on", ""),
    ("", "", "", "", ""),
    ("R-104", "Parent", "For the future", "We’d love her to have a paid job", ""),
    ("R-105", "Person", "What’s working", "My key worker – she’s kind & funny", ""),
    ("R-105", "Person", "Not working", "", "left blank on the form"),
    ("R-105", "Family", "Important for the future",
     "Her sister would like her to join a choir", ""),
    ("R-106", "Person", "Not working", long_statement(), "typed up word for word"),
    ("R-106", "Person", "Working", "I like the allotment", ""),
    ("R-106", "Advocate", "Not working", "He wasn’t invited to his own review", ""),
    ("R-107", "Person", "What’s not working",
     "I can’t go out after 6pm because there’s no bus", ""),
    ("R-107", "Carer", "Working", "Dad says the day centre staff are brilliant", ""),
    ("R-107", "Person", "Important for the future", "I want a girlfriend", ""),
    (" R-108 ", "Client", "Working", "Bowling with friends on Friday", ""),
    ("R-108", "Person", "Not working", "The doctor talks to staff, not me", ""),
    ("R-108", "Support worker", "For the future", "Ready for travel training", ""),
    (109, "Person", "Hopes for the future", "Go to a concert", "ref typed as a number"),
]
MESSY_FIRST_ROW = len(MESSY_TITLE) + 2  # rows as Excel numbers them: titles, header, data


MESSY_REASONS = {
    "unknown kind": "the kind is \"maybe\"",
    "missing review reference": "no review reference",
    "blank": "the statement is blank",
    "1,000": "a statement of 1,500 characters, over the 1,000 limit",
}


def messy_expected() -> dict:
    """What importing the messy file should give: rows as Excel shows them, 1-based."""
    rejected = []
    for number, (ref, _view, kind, text, _notes) in enumerate(MESSY_ROWS, MESSY_FIRST_ROW):
        if not any(str(v).strip() for v in (ref, _view, kind, text)):
            continue  # a wholly blank row is skipped without comment
        if kind == "maybe":
            rejected.append({"row": number, "reason_contains": "unknown kind"})
        elif not str(ref).strip():
            rejected.append({"row": number, "reason_contains": "missing review reference"})
        elif not text.strip():
            rejected.append({"row": number, "reason_contains": "blank"})
        elif len(text) > 1000:
            rejected.append({"row": number, "reason_contains": "1,000"})
    data_rows = sum(1 for row in MESSY_ROWS if any(str(v).strip() for v in row[:4]))
    return {"good": data_rows - len(rejected), "rejected": rejected}


def write_messy(path_xlsx: Path, path_csv: Path, path_expected: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Export"
    for row in MESSY_TITLE:
        sheet.append(row)
    sheet.append(MESSY_HEADER)
    for row in MESSY_ROWS:
        sheet.append([None if v == "" else v for v in row])
    sheet["A1"].font = Font(bold=True)
    for cell in sheet[MESSY_FIRST_ROW - 1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDE", (12, 16, 24, 60, 28), strict=True):
        sheet.column_dimensions[letter].width = width
    save_workbook(book, path_xlsx)

    # Excel's "Save as CSV" on a Windows PC: Windows-1252, CRLF, every row as wide as the sheet.
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    width = len(MESSY_HEADER)
    for row in [*MESSY_TITLE, MESSY_HEADER, *MESSY_ROWS]:
        cells = ["" if v is None else str(v) for v in row]
        writer.writerow(cells + [""] * (width - len(cells)))
    path_csv.write_bytes(out.getvalue().encode("cp1252"))
    path_expected.write_text(json.dumps(messy_expected(), indent=2) + "\n", encoding="utf-8")


# --- Steps 3 to 6: the worked example -------------------------------------------------------

THEMES = [
    ("t_staff", "Knowing who supports me",
     "I know who is coming to support me and they know me well"),
    ("t_evenings", "Getting out in the evenings",
     "I can go out in the evenings and get home safely, like anyone else"),
    ("t_asked", "Being asked, not told",
     "People ask me first and I have a say in decisions about my life"),
    ("t_health", "Being listened to about my health",
     "Doctors and nurses talk to me and listen to what I tell them"),
    ("t_money", "Understanding my money",
     "I understand my money and I know who to ask for help with it"),
    ("t_weekends", "Friends and weekends", "I have friends and people to see, at weekends too"),
    ("t_keystaff", "Staff who know me well", "The people who support me know me and I trust them"),
    ("t_activities", "Things I love doing", "I spend my days doing things I enjoy"),
    ("t_home", "My home, my way",
     "I live in a home I like, with my own space, and I do more for myself"),
    ("t_work", "Work, volunteering and learning", "I can work, volunteer and learn new things"),
]

# Step 3: five voters, three dots each, on themes that are mostly about what is not working.
THEME_DOTS = {
    "Table 1": ["t_staff", "t_evenings", "t_asked"],
    "Table 2": ["t_staff", "t_evenings", "t_health"],
    "Table 3": ["t_staff", "t_asked", "t_money"],
    "Table 4": ["t_staff", "t_evenings", "t_health"],
    "Big screen": ["t_staff", "t_evenings", "t_asked"],
}

# Step 4: why-chains under the three themes with the most dots. (key, theme, parent, text)
CAUSES = [
    ("c1", "t_staff", None,
     "Experienced staff are leaving and the gaps are filled by agency workers"),
    ("c1a", "t_staff", "c1",
     "Support worker pay is below what the supermarkets and local care homes offer"),
    ("c1a1", "t_staff", "c1a",
     "The hourly rate in the contract has not kept pace with the real living wage"),
    ("c1b", "t_staff", "c1",
     "New starters leave in their first three months because induction is rushed"),
    ("c2", "t_staff", None, "Rotas are drawn up a week at a time and changed at short notice"),
    ("c2a", "t_staff", "c2",
     "People get no rota they can understand, so every change comes as a surprise"),
    ("c3", "t_evenings", None, "Support hours are mostly booked between 9am and 5pm"),
    ("c3a", "t_evenings", "c3",
     "Support plans were written around day centre hours, not people's social lives"),
    ("c4", "t_evenings", None, "Getting anywhere after 6pm depends on taxis people can't afford"),
    ("c4a", "t_evenings", "c4",
     "Community transport stops at 6pm and the buses to the estates stop at 7pm"),
    ("c4b", "t_evenings", "c4",
     "Few people have been offered travel training or a companion bus pass"),
    ("c5", "t_asked", None, "Decisions are made in meetings the person is not part of"),
    ("c5a", "t_asked", "c5", "Meetings are set at times and places that suit professionals"),
    ("c5a1", "t_asked", "c5a", "Nobody checks beforehand how the person wants to take part"),
    ("c6", "t_asked", None, "Letters, plans and minutes are not written in easy read"),
    ("c7", "t_asked", None, "Staff decide for people to avoid risk or to save time"),
    ("c7a", "t_asked", "c7",
     "Training covers rules and risk more than choice and positive risk-taking"),
]
CAUSE_DOTS = {
    "Table 1": ["c1a", "c2a", "c5a1"],
    "Table 2": ["c1a", "c4b", "c7a"],
    "Table 3": ["c1a1", "c2a", "c5a1"],
    "Table 4": ["c1a", "c3a", "c4b"],
    "Big screen": ["c1b", "c5a1", "c6"],
}

# Step 5: what success looks like, in several voices. (key, theme, cause, perspective, text)
SUCCESS = [
    ("s1", "t_staff", "c2a", "person",
     "I know who is coming to support me each day because I have a picture rota"),
    ("s2", "t_staff", "c1", "family",
     "I can ring the house and whoever answers knows my son well"),
    ("s3", "t_staff", "c1b", "staff",
     "We have time to get to know people before we support them on our own"),
    ("s4", "t_staff", "c1a", "provider",
     "We keep our staff because we pay fairly and people want to stay"),
    ("s5", "t_staff", "c1a1", "commissioner",
     "We set a contract rate that lets providers pay at least the real living wage"),
    ("s6", "t_evenings", "c3a", "person",
     "I go out in the evenings when I want, like my friends do"),
    ("s7", "t_evenings", "c4a", "family",
     "I don't have to drive my daughter to every evening club"),
    ("s8", "t_evenings", "c3a", "staff",
     "We plan support hours around what people want to do, evenings included"),
    ("s9", "t_evenings", "c4a", "commissioner",
     "We make sure there is transport people can use after 6pm"),
    ("s10", "t_asked", "c5a1", "person", "I am at my meetings and people ask me first"),
    ("s11", "t_asked", "c5", "family",
     "I am asked before decisions are made, and so is my brother"),
    ("s12", "t_asked", "c7a", "staff",
     "We ask, offer real choices and support people to take reasonable risks"),
    ("s13", "t_asked", "c6", "provider",
     "We write every plan and letter in easy read, with the person"),
    ("s14", "t_asked", "c5a", "commissioner", "We hold reviews where and when the person chooses"),
]

# Step 6: actions, each answering a theme, a cause and a success statement.
# (key, success, theme, cause, text, owner, due, status)
ACTIONS = [
    ("a1", "s1", "t_staff", "c2a",
     "Make a picture rota for each house, shared every Friday for the week ahead, with photos "
     "of who is on each shift",
     "Registered manager, supported living", "2027-01-31", "in progress"),
    ("a2", "s5", "t_staff", "c1a1",
     "Review the hourly rate in the supported living contract against the real living wage "
     "and report to the commissioning board",
     "Commissioning officer, learning disability", "2027-03-31", "not started"),
    ("a3", "s3", "t_staff", "c1b",
     "Lengthen induction so new starters shadow for two weeks and meet each person before "
     "working alone",
     "Learning and development lead", "2027-02-28", "not started"),
    ("a4", "s8", "t_evenings", "c3a",
     "Ask about evenings and weekends at every review and move support hours to match",
     "Day services manager", "2027-04-30", "not started"),
    ("a5", "s9", "t_evenings", "c4a",
     "Pilot evening community transport until 10pm on Fridays and Saturdays",
     "Transport commissioning lead", "2027-06-30", "not started"),
    ("a6", "s6", "t_evenings", "c4b",
     "Offer travel training and a companion bus pass to everyone who wants them",
     "Travel training coordinator", "2027-05-31", "in progress"),
    ("a7", "s10", "t_asked", "c5a1",
     "Use a one-page 'my meeting' plan before each review so the person chooses where, when "
     "and who comes",
     "Team manager, adult social care (learning disability)", "2027-02-28", "done"),
    ("a8", "s13", "t_asked", "c6",
     "Set up an easy-read checking group of people who use the service, paid for their time",
     "Co-production lead", "2027-03-31", "in progress"),
    ("a9", "s12", "t_asked", "c7a",
     "Add positive risk-taking and offering choices to staff training and supervision",
     "Learning and development lead", "2027-09-30", "not started"),
]


def worked_example(rng: random.Random, statements: list[Statement]) -> dict:
    themed: dict[str, list[dict[str, str]]] = {key: [] for key, _, _ in THEMES}
    for s in statements:
        if s.theme is not None and rng.random() >= LEAVE_ON_THE_WALL:
            themed[s.theme].append(s.ref)
    return {
        "workshop_name": "Riverside supported living — spring review event",
        "dots_per_voter": 3,
        "themes": [
            {"key": key, "name": name, "i_statement": i_statement, "statements": themed[key]}
            for key, name, i_statement in THEMES
        ],
        "theme_votes": [
            {"voter": voter, "theme": theme} for voter, dots in THEME_DOTS.items() for theme in dots
        ],
        "causes": [
            {"key": key, "theme": theme, "parent": parent, "text": text}
            for key, theme, parent, text in CAUSES
        ],
        "cause_votes": [
            {"voter": voter, "cause": cause} for voter, dots in CAUSE_DOTS.items() for cause in dots
        ],
        "success_statements": [
            {"key": key, "theme": theme, "cause": cause, "perspective": perspective, "text": text}
            for key, theme, cause, perspective, text in SUCCESS
        ],
        "actions": [
            {"key": key, "success": success, "theme": theme, "cause": cause, "text": text,
             "owner": owner, "due": due, "status": status}
            for key, success, theme, cause, text, owner, due, status in ACTIONS
        ],
    }


# --- Self-check -------------------------------------------------------------------------------


def _percent(counter: Counter, keys: tuple[str, ...]) -> str:
    total = sum(counter.values())
    return ", ".join(f"{k} {counter[k]} ({100 * counter[k] / total:.0f}%)" for k in keys)


def check_statements(statements: list[Statement]) -> None:
    assert len({s.review for s in statements}) == len(REVIEWS) == 60
    keys = Counter((s.review, s.kind, s.text) for s in statements)
    assert max(keys.values()) == 1, "a review holds the same statement of one kind twice"
    for s in statements:
        assert s.kind in KINDS and s.perspective in PERSPECTIVES
        assert s.text == s.text.strip() and 0 < len(s.text) < MAX_STATEMENT, s.text
        assert "{" not in s.text and "}" not in s.text, s.text
    for ref in REVIEWS:
        own = Counter(s.kind for s in statements if s.review == ref and s.perspective == "person")
        assert own["working"] == 2 and own["not working"] == 2 and own["future"] in (1, 2), ref
    text = "".join(s.text for s in statements)
    for mark in ("&", "'", '"', "£", "<3"):
        assert mark in text, f"no statement contains {mark!r}"

    # Read the files back as a user's program would.
    with (HERE / "reviews_long.csv").open(encoding="utf-8", newline="") as handle:
        from_csv = [tuple(row.values()) for row in csv.DictReader(handle)]
    assert from_csv == [(s.review, s.perspective, s.kind, s.text) for s in statements]
    book = openpyxl.load_workbook(HERE / "reviews_wide.xlsx", read_only=True)
    rows = list(book["Reviews"].iter_rows(values_only=True))
    book.close()
    assert rows[0][0].startswith(SERVICE) and not any(rows[1]) and list(rows[2]) == WIDE_HEADER
    labels = {label: key for key, label in PERSPECTIVE_LABELS.items()}
    kinds = [kind for kind in KINDS for _ in range(2)]
    from_xlsx = Counter(
        (row[0], labels[row[1]], kind, text)
        for row in rows[3:]
        for kind, text in zip(kinds, row[2:], strict=True)
        if text is not None
    )
    assert from_xlsx == Counter(from_csv), "the wide workbook differs from the long CSV"


def check_messy() -> None:
    expected = json.loads((HERE / "messy_council_expected.json").read_text(encoding="utf-8"))
    book = openpyxl.load_workbook(HERE / "messy_council.xlsx", read_only=True)
    sheet_rows = [list(r) for r in book.active.iter_rows(values_only=True)]
    book.close()
    csv_rows = list(csv.reader(io.StringIO((HERE / "messy_council.csv").read_bytes()
                                           .decode("cp1252"), newline="")))
    assert csv_rows[MESSY_FIRST_ROW - 2] == MESSY_HEADER
    assert sheet_rows[MESSY_FIRST_ROW - 2] == MESSY_HEADER
    for bad in expected["rejected"]:
        ref, _view, kind, text, _notes = (sheet_rows[bad["row"] - 1] + [None] * 5)[:5]
        assert [str(v or "") for v in (ref, _view, kind, text)] == csv_rows[bad["row"] - 1][:4]
        fragment = bad["reason_contains"]
        assert {
            "unknown kind": kind == "maybe",
            "missing review reference": ref is None and text,
            "blank": text is None and ref and kind,
            "1,000": text is not None and len(text) > 1000,
        }[fragment], bad
    assert expected["good"] == 21 and len(expected["rejected"]) == 4
    assert "£" in csv_rows[MESSY_FIRST_ROW + 3][3] and "“" in csv_rows[MESSY_FIRST_ROW + 2][3]


def check_worked_example(plan: dict, statements: list[Statement]) -> dict[str, int]:
    in_csv = Counter(tuple(s.ref.values()) for s in statements)
    kind_of = {tuple(s.ref.values()): s.kind for s in statements}
    themes = {t["key"]: t for t in plan["themes"]}
    seen: Counter = Counter()
    main_kind = {}
    for theme in plan["themes"]:
        assert re.search(r"\b(I|me|my)\b", theme["i_statement"]), theme["key"]  # person's voice
        kinds = Counter()
        for ref in theme["statements"]:
            key = (ref["review"], ref["kind"], ref["text"])
            assert in_csv[key] == 1, f"not exactly once in the CSV: {key}"
            seen[key] += 1
            kinds[kind_of[key]] += 1
        main_kind[theme["key"]] = kinds.most_common(1)[0][0]
    assert max(seen.values()) == 1, "a statement is in two themes"
    assert 8 <= len(themes) <= 10
    share = len(seen) / len(statements)
    assert 0.70 <= share <= 0.80, f"{share:.0%} of statements themed"

    dots = plan["dots_per_voter"]
    theme_votes = Counter(v["theme"] for v in plan["theme_votes"])
    assert set(Counter(v["voter"] for v in plan["theme_votes"]).values()) == {dots}
    assert all(main_kind[t] == "not working" for t in theme_votes), "a dot on a non-NW theme"
    top = {t for t, _ in theme_votes.most_common(3)}
    assert theme_votes.most_common(4)[2][1] > theme_votes.most_common(4)[3][1], "tie for third"

    causes = {c["key"]: c for c in plan["causes"]}
    for key, cause in causes.items():
        depth, parent = 1, cause["parent"]
        while parent is not None:
            assert causes[parent]["theme"] == cause["theme"], key
            depth, parent = depth + 1, causes[parent]["parent"]
        assert depth <= 3, key
    assert {c["theme"] for c in causes.values()} == top
    for theme in top:
        mine = [c for c in causes.values() if c["theme"] == theme]
        assert 3 <= len(mine) <= 6 and any(c["parent"] for c in mine), theme
    assert all(v["cause"] in causes for v in plan["cause_votes"])
    assert max(Counter(v["voter"] for v in plan["cause_votes"]).values()) <= dots

    success = {s["key"]: s for s in plan["success_statements"]}
    for s in success.values():
        assert causes[s["cause"]]["theme"] == s["theme"], s["key"]
        voice = "I " if s["perspective"] in ("person", "family") else "We "
        assert s["text"].startswith(voice), s["key"]
    for theme in top:
        assert len({s["perspective"] for s in success.values() if s["theme"] == theme}) >= 3
        assert 1 <= sum(a["theme"] == theme for a in plan["actions"]) <= 3, theme
    for action in plan["actions"]:
        assert success[action["success"]]["theme"] == action["theme"], action["key"]
        assert causes[action["cause"]]["theme"] == action["theme"], action["key"]
        assert action["due"].startswith("2027-") and action["status"] in (
            "not started", "in progress", "done")
    return {"themed": len(seen), "top": len(top)}


# --- README -----------------------------------------------------------------------------------


def readme(statements: list[Statement], plan: dict, themed: int) -> str:
    kinds = Counter(s.kind for s in statements)
    views = Counter(s.perspective for s in statements)
    total = len(statements)
    table = ["| | " + " | ".join(KINDS) + " | all |", "|---|" + "---:|" * (len(KINDS) + 1)]
    for view in PERSPECTIVES:
        row = [sum(1 for s in statements if s.perspective == view and s.kind == k) for k in KINDS]
        table.append(f"| {view} | " + " | ".join(map(str, row)) + f" | {views[view]} "
                     f"({100 * views[view] / total:.0f}%) |")
    table.append("| all | " + " | ".join(f"{kinds[k]} ({100 * kinds[k] / total:.0f}%)"
                                         for k in KINDS) + f" | {total} |")
    expected = messy_expected()
    bad_rows = "\n".join(f"  - row {r['row']}: {MESSY_REASONS[r['reason_contains']]}"
                         for r in expected["rejected"])
    blank_row = next(n for n, row in enumerate(MESSY_ROWS, MESSY_FIRST_ROW)
                     if not any(str(v).strip() for v in row))
    themes = "\n".join(
        f"| {t['name']} | {len(t['statements'])} | {t['i_statement']} |" for t in plan["themes"]
    )
    return f"""# Sample data: the Riverside sample event

**All of this data is synthetic.** Riverside is an invented place, and every review,
statement, theme, cause and action was written for this project. No statement comes from
a real review and no file names or describes a real person; action owners are roles.

The service is "{SERVICE}",
for adults with learning disabilities and autistic adults. Sixty people had a
person-centred review (R-001 to R-060). Each person gave two things that are working, two
that are not working and one or two that are important for the future; for many of them a
family carer, a member of staff or someone else (an advocate, a friend, a college tutor)
added one or two statements too.

## Files

- `reviews_long.csv`: the {total} statements, one a row, in UTF-8, with the header
  `review,perspective,kind,text`. Kinds are `working`, `not working` and `future`;
  perspectives are `person`, `family carer`, `staff` and `other`.
- `reviews_wide.xlsx`: the same statements, one row per review and perspective, on the
  sheet "Reviews", with two title rows above the header as councils send them. The columns
  are `Review ref`, `Perspective`, `Working 1`, `Working 2`, `Not working 1`,
  `Not working 2`, `Important for the future 1` and `Important for the future 2`, with a
  blank cell where nothing was said. Importing it after the CSV adds nothing.
- `messy_council.xlsx` and `messy_council.csv`: a small, untidy council export to test
  importing (the CSV is Windows-1252, with curly quotes, dashes and a £ sign). It has title
  rows, loose headings ("Review Ref.", "Whose view?", "Type", "What they said", "Notes"),
  synonyms ("Parent", "Support worker", "Carer", "What’s not working", "Important for the
  future"), a reference typed as a number, a wholly blank row (row {blank_row}, skipped
  silently) and four bad rows:
{bad_rows}
- `messy_council_expected.json`: what importing either messy file should give: how many
  statements are good, and each rejected row (numbered as Excel shows it) with a fragment
  of the reason given.
{council_template.readme()}
- `worked_example.json`: the sample event taken through every stage: themes (statements
  named by review, kind and text exactly as in the CSV), dots on themes, cause trees, dots
  on causes, success statements and actions. `wtfc` uses it to build the demo workshop.
- `worked_example_stages.json` (written by hand, not by this script): steps 6-8 of the
  sample event: what is happening already and ideas per theme (some chosen as actions), the
  extra success statements some actions serve, indicators with a baseline, a target and
  dated measurements, and "you said, we did" entries.
- `later_event.json` (written by hand): a smaller autumn follow-up event (reviews R-001 to
  R-040) built from the spring statements with fewer not-working statements in the themes
  acted on, plus a few new statements and its own dots, so two events can be compared
  (notebooks/explore_themes.ipynb).
- `statement_bank.py`: the statements themselves, grouped by voice, kind and theme.
- `make_sample.py`: deals the statements out to the reviews, writes every file above and
  then checks them.

## Statements by kind and perspective

{chr(10).join(table)}

## The worked example

{len(plan["themes"])} themes hold {themed} of the {total} statements ({100 * themed / total:.0f}%);
the rest were left on the wall, as at a real event.

| Theme | Statements | "I" statement |
|---|---:|---|
{themes}

Five voters ("Table 1" to "Table 4" and "Big screen") placed {plan["dots_per_voter"]} dots each
on the themes about what is not working ({len(plan["theme_votes"])} dots). The three themes with
the most dots each have a cause tree ({len(plan["causes"])} causes in all, two or three levels
deep; {len(plan["cause_votes"])} dots on causes), success statements in the voices of the
person, family, staff, provider and commissioner ({len(plan["success_statements"])} in all) and
actions with an owner, a due date and a status ({len(plan["actions"])} in all).

## Regenerating

```
cd /work/main && python sample_data/make_sample.py
```

The script needs only the standard library and openpyxl. It is seeded
(`random.Random({SEED})`), so it writes the same files every time, and it ends by checking
what it wrote: the counts, that the long and wide files agree, that each statement the worked
example names is in the CSV exactly once, that no voter has more than
{plan["dots_per_voter"]} dots, and the rows of the messy files. This README is written by it
too, so edit the script, not this file.
"""


def main() -> None:
    rng = random.Random(SEED)
    statements = collect(rng)
    write_long_csv(statements, HERE / "reviews_long.csv")
    write_wide_xlsx(statements, HERE / "reviews_wide.xlsx")
    write_messy(HERE / "messy_council.xlsx", HERE / "messy_council.csv",
                HERE / "messy_council_expected.json")
    council_template.write(HERE / "council_template.csv", HERE / "council_template_expected.json")
    plan = worked_example(rng, statements)
    (HERE / "worked_example.json").write_text(
        json.dumps(plan, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )

    check_statements(statements)
    check_messy()
    council_template.check(HERE / "council_template.csv")
    found = check_worked_example(plan, statements)
    (HERE / "README.md").write_text(readme(statements, plan, found["themed"]), encoding="utf-8")

    kinds = Counter(s.kind for s in statements)
    views = Counter(s.perspective for s in statements)
    print(f"{len(REVIEWS)} reviews, {len(statements)} statements")
    print("  by kind:", _percent(kinds, KINDS))
    print("  by perspective:", _percent(views, PERSPECTIVES))
    print(f"{len(plan['themes'])} themes holding {found['themed']} statements "
          f"({100 * found['themed'] / len(statements):.0f}%)")
    for theme in plan["themes"]:
        count = Counter(ref["kind"] for ref in theme["statements"])
        dots = sum(v["theme"] == theme["key"] for v in plan["theme_votes"])
        print(f"  {theme['name']:<36} {len(theme['statements']):>3} statements "
              f"(W {count['working']}, NW {count['not_working']}, F {count['future']}), "
              f"{dots} dots")
    print(f"{len(plan['theme_votes'])} theme dots, {len(plan['causes'])} causes, "
          f"{len(plan['cause_votes'])} cause dots, {len(plan['success_statements'])} success "
          f"statements, {len(plan['actions'])} actions")
    expected = json.loads((HERE / "messy_council_expected.json").read_text(encoding="utf-8"))
    print(f"messy_council: {expected['good']} good rows; rejected rows "
          + ", ".join(f"{r['row']} ({r['reason_contains']})" for r in expected["rejected"]))
    print("Self-check passed.")


if __name__ == "__main__":
    main()
