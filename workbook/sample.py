"""The synthetic sample event: a workshop built from sample_data/ and taken through each stage."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .ingest import import_file
from .model import InputError
from .workshop import Workshop

ACTOR = "sample event"


def sample_dir() -> Path:
    """The sample data: WTFC_SAMPLE_DATA, the checkout's sample_data/, or the copy shipped
    inside the installed package."""
    if os.environ.get("WTFC_SAMPLE_DATA"):
        candidates = [Path(os.environ["WTFC_SAMPLE_DATA"])]
    else:
        here = Path(__file__).resolve().parent
        candidates = [here.parent / "sample_data", here / "sample_data"]
    for path in candidates:
        if (path / "reviews_long.csv").exists():
            return path
    raise InputError(
        f"The sample data is missing (looked in {', '.join(map(str, candidates))}). "
        "Reinstall wtfc-workbook, or set WTFC_SAMPLE_DATA to a folder holding it."
    )


def demo_folder() -> Path:
    """Where `wtfc demo` keeps its sample workshop: WTFC_DEMO_DIR, else a folder in this user's
    data folder (on Linux ~/.local/share/wtfc-workbook/demo-workshop), so the demo works from
    any folder and is found again next time."""
    if os.environ.get("WTFC_DEMO_DIR"):
        return Path(os.environ["WTFC_DEMO_DIR"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("wtfc-workbook", appauthor=False)) / "demo-workshop"


def build_sample(folder: str | Path, *, worked: bool = True, db_url: str | None = None) -> Workshop:
    """Make (or reuse) the sample workshop: the reviews, and unless worked=False every stage."""
    folder = Path(folder)
    data = sample_dir()
    plan = json.loads((data / "worked_example.json").read_text(encoding="utf-8"))
    if (folder / "workshop.json").exists():
        return Workshop.open(folder)
    ws = Workshop.create(folder, plan["workshop_name"], db_url=db_url)
    import_file(ws, data / "reviews_long.csv", actor=ACTOR)
    ws.load_scenarios(data / "ladder_scenarios.csv", actor=ACTOR, origin="sample deck")
    if worked:
        apply_worked_example(ws, plan)
        from .tender.sample import load_tender_sample

        load_tender_sample(ws.tender, data / "tender_evaluation.xlsx")
    return ws


def apply_worked_example(ws: Workshop, plan: dict) -> None:
    """Theme, vote, find causes, write success statements and plan actions as the example says."""
    st = ws.statements
    key = {(r.review, r.kind, r.text): r.statement_id for r in st.itertuples()}
    ws.set_dots_per_voter(int(plan.get("dots_per_voter", 3)), actor=ACTOR)
    themes: dict[str, int] = {}
    for theme in plan["themes"]:
        tid = ws.add_theme(theme["name"], theme.get("i_statement", ""), actor=ACTOR)
        themes[theme["key"]] = tid
        ids = [key[(s["review"], s["kind"], s["text"])] for s in theme["statements"]]
        ws.assign(ids, tid, actor=ACTOR)
    for vote in plan.get("theme_votes", []):
        ws.vote(vote["voter"], theme_id=themes[vote["theme"]], actor=ACTOR)
    causes: dict[str, int] = {}
    for cause in plan.get("causes", []):
        parent = causes[cause["parent"]] if cause.get("parent") else None
        causes[cause["key"]] = ws.add_cause(
            themes[cause["theme"]], cause["text"], parent, actor=ACTOR
        )
    for vote in plan.get("cause_votes", []):
        ws.vote(vote["voter"], cause_id=causes[vote["cause"]], actor=ACTOR)
    success: dict[str, int] = {}
    for s in plan.get("success_statements", []):
        success[s["key"]] = ws.add_success(
            themes[s["theme"]], s["perspective"], s["text"], causes.get(s.get("cause")), actor=ACTOR
        )
    for a in plan.get("actions", []):
        ws.add_action(
            themes[a["theme"]],
            a["text"],
            a["owner"],
            a["due"],
            cause_id=causes.get(a.get("cause")),
            success_id=success.get(a.get("success")),
            status=a.get("status", "not started"),
            actor=ACTOR,
        )
