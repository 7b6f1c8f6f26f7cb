"""Check the workbook's Bids and Profiles sheets, naming each problem by sheet and row."""

from __future__ import annotations

from collections.abc import Callable

from workbook.model import InputError
from workbook.tender.bids.bid_text import clean_answer, clean_profile
from workbook.tender.model import Evaluation

Rows = list[tuple[int, dict[str, object]]]  # as workbook.tender.parse reads a sheet
Add = Callable[..., None]  # parse.Checker.add(sheet, row, message, blocks=False)
BID_COLUMNS = {"Bids": ("bidder", "question", "answer"), "Profiles": ("bidder", "profile")}


def _code(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel gives 1.0 for a code typed as 1
    return " ".join(str(value if value is not None else "").split())


def _choices(codes: list[str]) -> str:
    return ", ".join(codes) if codes else "(none yet)"


def _bidder(add: Add, sheet: str, n: int, row: dict, ev: Evaluation) -> str | None:
    code = _code(row.get("bidder"))
    known = [b.bidder for b in ev.bidders]
    if not code:
        add(sheet, n, "bidder is blank: type the bidder's code from the Bidders sheet, or "
                      "delete the row.")
    elif code not in known:
        add(sheet, n, f"bidder '{code[:60]}' is not on the Bidders sheet: use one of "
                      f"{_choices(known)}.")
    else:
        return code
    return None


def _text(add: Add, sheet: str, n: int, value: object, column: str,
          clean: Callable[[object, str], str]) -> str | None:
    if value is None or not str(value).strip():
        add(sheet, n, f"{column} is blank: type it, or delete the row.")
        return None
    try:
        return clean(value, column)
    except InputError as exc:
        add(sheet, n, str(exc))
        return None


def read_bids(rows: Rows, ev: Evaluation, add: Add) -> dict[tuple[str, str], str]:
    """(bidder, question) -> answer, from the Bids sheet; each problem names its row."""
    out: dict[tuple[str, str], str] = {}
    first: dict[tuple[str, str], int] = {}
    questions = [q.question for q in ev.questions]
    for n, row in rows:
        bidder = _bidder(add, "Bids", n, row, ev)
        question = _code(row.get("question"))
        if not question:
            add("Bids", n, "question is blank: type the question's code from the Questions "
                           "sheet, or delete the row.")
        elif question not in questions:
            add("Bids", n, f"question '{question[:60]}' is not on the Questions sheet: use one "
                           f"of {_choices(questions)}.")
            question = ""
        answer = _text(add, "Bids", n, row.get("answer"), "answer", clean_answer)
        if bidder and question and answer:
            key = (bidder, question)
            if key in first:
                add("Bids", n, f"bidder '{bidder}' already has an answer to question "
                               f"'{question}' on row {first[key]}: keep one row.")
                continue
            first[key] = n
            out[key] = answer
    return out


def read_profiles(rows: Rows, ev: Evaluation, add: Add) -> dict[str, str]:
    """bidder -> its one-page profile, from the Profiles sheet."""
    out: dict[str, str] = {}
    first: dict[str, int] = {}
    for n, row in rows:
        bidder = _bidder(add, "Profiles", n, row, ev)
        profile = _text(add, "Profiles", n, row.get("profile"), "profile", clean_profile)
        if bidder and profile:
            if bidder in first:
                add("Profiles", n, f"bidder '{bidder}' already has a profile on row "
                                   f"{first[bidder]}: keep one row.")
                continue
            first[bidder] = n
            out[bidder] = profile
    return out


def read_bid_sheets(sheets: dict[str, Rows], ev: Evaluation, add: Add) -> None:
    """Fill the evaluation's bids and profiles (both sheets are optional)."""
    ev.bids = read_bids(sheets.get("Bids", []), ev, add)
    ev.profiles = read_profiles(sheets.get("Profiles", []), ev, add)


def bid_rows(ev: Evaluation) -> dict[str, list[list[object]]]:
    """The Bids and Profiles sheets (column names first) for a workbook written out; left
    out when the evaluation has no answers or profiles (the blank template has them)."""
    out: dict[str, list[list[object]]] = {}
    if ev.bids:
        out["Bids"] = [list(BID_COLUMNS["Bids"])] + [[b, q, a] for (b, q), a in ev.bids.items()]
    if ev.profiles:
        out["Profiles"] = [list(BID_COLUMNS["Profiles"])] + [[b, p] for b, p in
                                                             ev.profiles.items()]
    return out
