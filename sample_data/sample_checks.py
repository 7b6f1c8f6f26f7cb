"""Self-checks: read the written sample files back and check them against what was generated."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter

import openpyxl
from sample_files import HERE, read_csv_rows
from sample_messy import MESSY_FIRST_ROW, MESSY_HEADER
from sample_reviews import (
    KINDS,
    MAX_STATEMENT,
    PERSPECTIVE_LABELS,
    PERSPECTIVES,
    REVIEWS,
    SERVICE,
    WIDE_HEADER,
    Statement,
)


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
    csv_rows = read_csv_rows(HERE / "messy_council.csv", "cp1252")
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
