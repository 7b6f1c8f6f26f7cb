"""Check an evaluation workbook's rows and turn them into an Evaluation, naming every problem."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from workbook.io.limits import limit_problem, read_number
from workbook.model import InputError
from workbook.tender.bids.bid_sheets import read_bid_sheets
from workbook.tender.funding.scope import cells as open_cells
from workbook.tender.funding.scope import stage_problems
from workbook.tender.funding.sheets import check_stages, read_budget, read_shortlist, read_stage
from workbook.tender.model import (
    MAX_SCORE,
    PLAIN_DESCRIPTORS,
    Agreed,
    Bidder,
    Evaluation,
    Panel,
    Problem,
    Question,
    Ranking,
    Score,
)
from workbook.text import fold, shorten

Rows = list[tuple[int, dict[str, object]]]  # Excel row number, column name -> cell
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel gives 1.0 for a code typed as 1
    return " ".join(str(value).split())


def number(value: object) -> Fraction | None:
    """An exact number from a cell: 70, 0.5, "£1,250.50", "70%" (as 70); else None (not_a)."""
    try:
        return read_number(value)
    except InputError:
        return None


def not_a(column: str, value: object, wanted: str) -> str:
    """"price 'Infinity' is infinite", or "price 'abc' is not a positive number"."""
    return f"{column} '{shorten(text(value), 40)}' {limit_problem(value) or 'is not ' + wanted}"


class Checker:
    """Collects problems while rows are read; each says sheet, row and what to fix."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, sheet: str, row: int, message: str, blocks: bool = False) -> None:
        self.problems.append(Problem(sheet, row, message, blocks))

    def code(self, sheet: str, row: int, value: object, what: str,
             blocks: bool = False) -> str | None:
        got = text(value)
        if not got:
            self.add(sheet, row, f"{what} is blank: type the {what}, or delete the row.",
                     blocks)
            return None
        return got

    def score(self, sheet: str, row: int, value: object) -> int | None:
        if blank(value):
            self.add(sheet, row, f"score is blank: type a whole number from 0 to {MAX_SCORE}.")
            return None
        n = number(value)
        if n is None:
            self.add(sheet, row, f"{not_a('score', value, 'a number')}: type a whole number "
                                 f"from 0 to {MAX_SCORE}.")
            return None
        if n.denominator != 1:
            self.add(sheet, row, f"score {float(n):g} is not a whole number: use a whole "
                                 f"number from 0 to {MAX_SCORE}.")
            return None
        if not 0 <= n <= MAX_SCORE:
            self.add(sheet, row, f"score {int(n)} is out of range: use a whole number from 0 "
                                 f"to {MAX_SCORE}.")
            return None
        return int(n)

    def reason(self, sheet: str, row: int, value: object) -> str | None:
        got = "" if value is None else str(value).strip()
        if not got:
            self.add(sheet, row, "reason is blank: every score needs a reason; write why "
                                 "this score was given.")
            return None
        return got


def read_setup(rows: Rows, ck: Checker) -> tuple[Fraction, Fraction]:
    found: dict[str, tuple[int, object]] = {}
    for n, row in rows:
        values = list(row.values())
        if values and text(values[0]).lower().replace(" ", "_") in ("quality_weight",
                                                                    "price_weight"):
            found[text(values[0]).lower().replace(" ", "_")] = (n, values[1] if len(values) > 1
                                                                else None)
    weights = []
    for key in ("quality_weight", "price_weight"):
        if key not in found:
            ck.add("Setup", 0, f"there is no {key} row: add a row with {key} in column A and "
                               "its weight in column B.", blocks=True)
            weights.append(None)
            continue
        n, value = found[key]
        w = number(value)
        if w is None or w < 0:
            ck.add("Setup", n, f"{not_a(key, value, 'a number of 0 or more')}: type "
                               "the weight, e.g. 70.", blocks=True)
        weights.append(w)
    q, p = weights
    if q is not None and p is not None and q >= 0 and p >= 0 and q + p != 100:
        ck.add("Setup", found["price_weight"][0],
               f"quality_weight {float(q):g} and price_weight {float(p):g} add up to "
               f"{float(q + p):g}, not 100: change them so they add up to 100.", blocks=True)
    return q or Fraction(0), p or Fraction(0)


def _unique(ck: Checker, sheet: str, rows: list, key: Callable, what: str,
            folded: bool = False) -> list:
    seen: dict[object, int] = {}
    out = []
    for item in rows:
        k = key(item)
        same = fold(k) if folded else k  # folded: "ACME" and "Acme" are one name
        if same in seen:
            ck.add(sheet, item.row, f"{what} '{k}' is listed twice (first on row "
                                    f"{seen[same]}): delete or rename one.",
                   blocks=sheet != "Questions")
            continue
        seen[same] = item.row
        out.append(item)
    return out


def read_panels(rows: Rows, ck: Checker) -> list[Panel]:
    panels = []
    for n, row in rows:
        code = ck.code("Panels", n, row.get("panel"), "panel", blocks=True)
        share = number(row.get("share"))
        if share is None or share < 0:
            ck.add("Panels", n, f"{not_a('share', row.get('share'), 'a number of 0 or more')}"
                                ": type the panel's share, e.g. 1 or 50.", blocks=True)
        yp = text(row.get("young_people")).lower()
        if yp not in YES | NO:
            ck.add("Panels", n, f"young_people '{text(row.get('young_people'))}' is not yes "
                                "or no: type yes for a young people's panel, else no.",
                   blocks=True)
        if code and share is not None and share >= 0 and yp in YES | NO:
            panels.append(Panel(code, share, yp in YES, n))
    panels = _unique(ck, "Panels", panels, lambda p: p.panel, "panel")
    if not panels:
        ck.add("Panels", 0, "there are no panels: add a row for each panel.", blocks=True)
    elif sum(p.share for p in panels) == 0:
        ck.add("Panels", 0, "every panel's share is 0: give at least one panel a share.",
               blocks=True)
    return panels


def read_questions(rows: Rows, panels: set[str], ck: Checker) -> list[Question]:
    out = []
    for n, row in rows:
        code = ck.code("Questions", n, row.get("question"), "question")
        weight = number(row.get("weight"))
        ok = code is not None
        if weight is None or weight <= 0:
            ck.add("Questions", n, f"{not_a('weight', row.get('weight'), 'a positive number')}"
                                   ": type a weight above 0, e.g. 1.")
            ok = False
        panel = text(row.get("panel")) or None
        stage = read_stage(row.get("stage"), n, ck.add)
        ok = ok and stage is not None
        if panel is not None and panel not in panels:
            ck.add("Questions", n, f"panel '{panel}' is not on the Panels sheet: use one of "
                                   f"{_list(panels)}, or leave it blank for every panel.")
            ok = False
        if ok:
            out.append(Question(code, text(row.get("text")), weight, panel, n, stage or 1))
    out = _unique(ck, "Questions", out, lambda q: q.question, "question")
    if not out:
        ck.add("Questions", 0, "there are no usable questions: add a row for each question.",
               blocks=True)
    return out


def read_bidders(rows: Rows, ck: Checker, optional_price: bool = False) -> list[Bidder]:
    """optional_price: a price weight of 0 (a grant round's amounts are checked later)."""
    out = []
    for n, row in rows:
        code = ck.code("Bidders", n, row.get("bidder"), "bidder", blocks=True)
        price = number(row.get("price"))
        if optional_price and (blank(row.get("price")) or price == 0):
            price = Fraction(0)  # no price given: it earns no price points
            if code:
                out.append(Bidder(code, text(row.get("name")) or code, price, n))
        elif price is None or price <= 0:
            ck.add("Bidders", n, f"{not_a('price', row.get('price'), 'a positive number')}: "
                                 "type the bid's price, e.g. 125000.", blocks=True)
        elif code:
            out.append(Bidder(code, text(row.get("name")) or code, price, n))
    out = _unique(ck, "Bidders", out, lambda b: b.bidder, "bidder", folded=True)
    if not out:
        ck.add("Bidders", 0, "there are no bidders: add a row for each bid.", blocks=True)
    return out


def _list(codes: set[str] | list[str]) -> str:
    items = sorted(codes) if isinstance(codes, set) else list(codes)
    return ", ".join(items) if items else "(none yet)"


def _refs(ck: Checker, sheet: str, n: int, row: dict, ev: Evaluation) -> tuple | None:
    """Check a row's panel, bidder and question exist and that the panel scores it."""
    panel = ck.code(sheet, n, row.get("panel"), "panel")
    bidder = ck.code(sheet, n, row.get("bidder"), "bidder")
    question = ck.code(sheet, n, row.get("question"), "question")
    ok = None not in (panel, bidder, question)
    if panel and ev.panel(panel) is None:
        ck.add(sheet, n, f"panel '{panel}' is not on the Panels sheet: use one of "
                         f"{_list([p.panel for p in ev.panels])}.")
        ok = False
    if bidder and bidder not in {b.bidder for b in ev.bidders}:
        ck.add(sheet, n, f"bidder '{bidder}' is not on the Bidders sheet: use one of "
                         f"{_list([b.bidder for b in ev.bidders])}.")
        ok = False
    q = next((q for q in ev.questions if q.question == question), None)
    if question and q is None:
        ck.add(sheet, n, f"question '{question}' is not on the Questions sheet: use one of "
                         f"{_list([q.question for q in ev.questions])}.")
        ok = False
    elif q is not None and panel and q.panel not in (None, panel):
        ck.add(sheet, n, f"question '{question}' is scored only by panel '{q.panel}', not "
                         f"'{panel}': correct the panel or the question.")
        ok = False
    return (panel, bidder, question) if ok else None


def read_members(rows: Rows, ev: Evaluation, ck: Checker) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for n, row in rows:
        panel = ck.code("Members", n, row.get("panel"), "panel")
        member = ck.code("Members", n, row.get("member"), "member")
        if panel and ev.panel(panel) is None:
            ck.add("Members", n, f"panel '{panel}' is not on the Panels sheet: use one of "
                                 f"{_list([p.panel for p in ev.panels])}.")
        elif panel and member:
            if fold(member) in {fold(m) for m in out.get(panel, [])}:
                ck.add("Members", n, f"member '{member}' is listed twice for panel '{panel}': "
                                     "delete one.")
            else:
                out.setdefault(panel, []).append(member)
    return out


def read_scores(rows: Rows, ev: Evaluation, ck: Checker, listed: bool) -> list[Score]:
    out, seen = [], {}
    for n, row in rows:
        refs = _refs(ck, "Scores", n, row, ev)
        member = ck.code("Scores", n, row.get("member"), "member")
        if refs and member and listed and member not in ev.members.get(refs[0], []):
            ck.add("Scores", n, f"member '{member}' is not a member of panel '{refs[0]}' on "
                                "the Members sheet: correct the name or add the member.")
            member = None
        score = ck.score("Scores", n, row.get("score"))
        reason = ck.reason("Scores", n, row.get("reason"))
        if refs and member and score is not None and reason:
            key = (*refs, member)
            if key in seen:
                ck.add("Scores", n, f"{member} already scored bidder '{refs[1]}' on question "
                                    f"'{refs[2]}' on row {seen[key]}: keep one row.")
                continue
            seen[key] = n
            out.append(Score(refs[0], member, refs[1], refs[2], score, reason, n))
    return out


def read_agreed(rows: Rows, ev: Evaluation, ck: Checker) -> list[Agreed]:
    out, seen = [], {}
    for n, row in rows:
        refs = _refs(ck, "Agreed", n, row, ev)
        score = ck.score("Agreed", n, row.get("score"))
        reason = ck.reason("Agreed", n, row.get("reason"))
        if refs and score is not None and reason:
            if refs in seen:
                ck.add("Agreed", n, f"panel '{refs[0]}' already has an agreed score for bidder "
                                    f"'{refs[1]}' on question '{refs[2]}' on row {seen[refs]}: "
                                    "keep one row.")
                continue
            seen[refs] = n
            out.append(Agreed(*refs, score, reason, n))
    return out


def read_rankings(rows: Rows, ev: Evaluation, ck: Checker) -> list[Ranking]:
    places: dict[tuple[str, str], dict[int, str]] = {}
    first: dict[tuple[str, str], int] = {}
    n_bidders = len(ev.bidders)
    for n, row in rows:
        panel = ck.code("Rankings", n, row.get("panel"), "panel")
        member = ck.code("Rankings", n, row.get("member"), "member")
        bidder = ck.code("Rankings", n, row.get("bidder"), "bidder")
        pos = number(row.get("position"))
        if pos is None or pos.denominator != 1 or not 1 <= pos <= n_bidders:
            wanted = f"a whole number from 1 (favourite) to {n_bidders}"
            ck.add("Rankings", n, f"{not_a('position', row.get('position'), wanted)}: correct it.")
            continue
        if panel and ev.panel(panel) is None:
            ck.add("Rankings", n, f"panel '{panel}' is not on the Panels sheet.")
        elif bidder and bidder not in {b.bidder for b in ev.bidders}:
            ck.add("Rankings", n, f"bidder '{bidder}' is not on the Bidders sheet.")
        elif panel and member and bidder:
            first.setdefault((panel, member), n)
            places.setdefault((panel, member), {})[int(pos)] = bidder
    out = []
    for (panel, member), order in places.items():
        chosen = [order.get(i) for i in range(1, n_bidders + 1)]
        if None in chosen or len(set(chosen)) != n_bidders:
            ck.add("Rankings", first[(panel, member)],
                   f"{member}'s order for panel '{panel}' must put every bidder once, in "
                   f"positions 1 to {n_bidders}: correct the missing or repeated ones.")
            continue
        out.append(Ranking(panel, member, tuple(chosen), first[(panel, member)]))
    return out


def completeness(ev: Evaluation) -> list[Problem]:
    """Each member who has not scored every bid on every question their panel scores.

    Cells the panel has agreed are covered by the agreed score; the rest are reported,
    never silently averaged over whoever did score.
    """
    agreed = {(a.panel, a.bidder, a.question) for a in ev.agreed}
    done = {(s.panel, s.member, s.bidder, s.question) for s in ev.scores}
    problems = []
    for p in ev.panels:
        cells = [c for c in open_cells(ev, p.panel) if (p.panel, *c) not in agreed]
        members = ev.members_of(p.panel)
        if not members and cells:
            problems.append(Problem("Scores", 0, f"panel '{p.panel}' has no scores yet: it is "
                                                 "left out of the totals until its members "
                                                 "score every bid."))
        elif members and cells and not any(s.panel == p.panel for s in ev.scores) and not any(
                a.panel == p.panel for a in ev.agreed):
            problems.append(Problem(
                "Scores", 0, f"panel '{p.panel}' has not scored yet: it is left out of the "
                "totals, and the ranking with and without it is not available until it scores."))
        for m in members:
            missing = [c for c in cells if (p.panel, m, *c) not in done]
            if missing:
                shown = ", ".join(f"{b} {q}" for b, q in missing[:6])
                more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
                problems.append(Problem(
                    "Scores", 0,
                    f"{m} ({p.panel}) has not scored {len(missing)} of {len(cells)}: "
                    f"{shown}{more}. The result is incomplete until they are scored or the "
                    "panel agrees a score."))
    return problems + stage_problems(ev)


def build(sheets: dict[str, Rows], name: str = "Tender evaluation") -> tuple[Evaluation,
                                                                             list[Problem]]:
    """An Evaluation from a workbook's sheets, and every problem found, in sheet order."""
    ck = Checker()
    for sheet in ("Setup", "Panels", "Questions", "Bidders", "Scores"):
        if sheet not in sheets:
            ck.add(sheet, 0, f"the workbook has no {sheet} sheet: add it (see the sample "
                             "evaluation workbook).", blocks=sheet != "Scores")
    qw, pw = read_setup(sheets.get("Setup", []), ck)
    budget = read_budget(sheets.get("Setup", []), ck.add)
    panels = read_panels(sheets.get("Panels", []), ck)
    questions = read_questions(sheets.get("Questions", []), {p.panel for p in panels}, ck)
    bidders = read_bidders(sheets.get("Bidders", []), ck, pw == 0 or budget is not None)
    ev = Evaluation(qw, pw, panels, questions, bidders, name=name, budget=budget,
                    shortlist=read_shortlist(sheets.get("Setup", []), ck.add))
    check_stages(ev, sheets.get("Setup", []), ck.add)
    for p in panels:
        if questions and not ev.questions_for(p.panel):
            ck.add("Questions", 0, f"panel '{p.panel}' has no questions to score: give it "
                                   "questions, or leave a question's panel blank.", blocks=True)
    ev.members = read_members(sheets.get("Members", []), ev, ck)
    ev.scores = read_scores(sheets.get("Scores", []), ev, ck, listed="Members" in sheets)
    ev.agreed = read_agreed(sheets.get("Agreed", []), ev, ck)
    ev.rankings = read_rankings(sheets.get("Rankings", []), ev, ck)
    read_bid_sheets(sheets, ev, ck.add)  # what the panel reads: Bids and Profiles (optional)
    words = dict(PLAIN_DESCRIPTORS)
    for n, row in sheets.get("Descriptors", []):
        s = number(row.get("score"))
        if s is not None and s.denominator == 1 and int(s) in words and text(row.get("words")):
            words[int(s)] = text(row.get("words"))
        else:
            ck.add("Descriptors", n, "each row needs a score from 0 to 5 and its words.")
    ev.descriptors = words
    order = {s: i for i, s in enumerate(
        ("Setup", "Panels", "Questions", "Bidders", "Bids", "Profiles", "Members", "Scores",
         "Agreed", "Rankings", "Descriptors"))}
    problems = ck.problems + completeness(ev)
    problems.sort(key=lambda p: (order.get(p.sheet, 99), p.row))
    return ev, problems
