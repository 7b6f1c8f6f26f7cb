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
    """The repository's sample_data/ folder (the package is installed editable from it)."""
    path = Path(
        os.environ.get("WTFC_SAMPLE_DATA", Path(__file__).resolve().parents[1] / "sample_data")
    )
    if not (path / "reviews_long.csv").exists():
        raise InputError(f"The sample data is missing from {path}; run from a full checkout.")
    return path


def demo_folder() -> Path:
    return Path(
        os.environ.get("WTFC_DEMO_DIR", Path(__file__).resolve().parents[1] / "demo_workshop")
    )


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
