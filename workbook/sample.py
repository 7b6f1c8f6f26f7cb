"""The synthetic sample event: a workshop built from sample_data/ and taken through each stage."""

from __future__ import annotations

import json
import os
from pathlib import Path

from workbook.io.ingest import import_file
from workbook.paths import sample_dir
from workbook.store import frames
from workbook.workshop import Workshop

ACTOR = "sample event"


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
    stages = data / "worked_example_stages.json"
    if stages.exists():
        plan["stages"] = json.loads(stages.read_text(encoding="utf-8"))
    if (folder / "workshop.json").exists():
        return Workshop.open(folder)
    ws = Workshop.create(folder, plan["workshop_name"], db_url=db_url)
    import_file(ws, data / "reviews_long.csv", actor=ACTOR)
    ws.load_scenarios(data / "ladder_scenarios.csv", actor=ACTOR, origin="sample deck")
    if worked:
        apply_worked_example(ws, plan)
        from workbook.tender.sample import load_tender_sample

        load_tender_sample(ws.tender, data / "tender_evaluation.xlsx", demo=True)
        from workbook.evaluation.demo_answers import add_demo_answers

        add_demo_answers(ws)  # how the demo room said the event went
    # Last: the worked example finds statements by their words, which a review without
    # consent no longer shows once its consent is recorded.
    if (data / "prepare.json").exists():
        apply_prepare(ws, json.loads((data / "prepare.json").read_text(encoding="utf-8")))
    return ws


def apply_prepare(ws: Workshop, plan: dict) -> None:
    """Step 1: the event, who is invited, the access checklist, each review's details."""
    ws.set_event(actor=ACTOR, **plan["event"])
    for person in plan["invitees"]:
        ws.add_invitee(person["name"], person["role"], support_needs=person["support_needs"],
                       theming=person["theming"], actor=ACTOR)
    for item in plan["access"]:
        ws.tick_access(item, actor=ACTOR)
    ws.edit_reviews(plan["reviews"], actor=ACTOR)


def apply_worked_example(ws: Workshop, plan: dict) -> None:
    """Theme, vote, find causes, write success statements and plan actions as the example says."""
    # every word, consent or not: the example names statements by their words (the
    # facilitator's own set-up, never shown to the room)
    st = frames.statements(ws.store, all_words=True)
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
    actions: dict[str, int] = {}
    for a in plan.get("actions", []):
        actions[a["key"]] = ws.add_action(
            themes[a["theme"]],
            a["text"],
            a["owner"],
            a["due"],
            cause_id=causes.get(a.get("cause")),
            success_id=success.get(a.get("success")),
            status=a.get("status", "not started"),
            actor=ACTOR,
        )
    stages = plan.get("stages")
    if stages:
        apply_stages(ws, stages, themes, success, actions)


def apply_stages(ws: Workshop, stages: dict, themes: dict[str, int], success: dict[str, int],
                 actions: dict[str, int]) -> None:
    """Steps 6-8: ideas (some chosen as actions), more success links, indicators, feedback."""
    for idea in stages.get("ideas", []):
        iid = ws.add_idea(themes[idea["theme"]], idea["kind"], idea["text"], actor=idea["author"])
        if idea.get("action"):
            with ws.store.write(ACTOR, "Chose an idea as an action") as tx:
                from workbook.store import db

                tx.update(db.ideas, iid, action_id=actions[idea["action"]])
    by_action: dict[str, list[str]] = {}
    for link in stages.get("extra_links", []):
        by_action.setdefault(link["action"], []).append(link["success"])
    links = ws.actions.set_index("action_id")["success_ids"]
    for key, extra in by_action.items():
        aid = actions[key]
        ws.edit_action(aid, success_ids=[*links[aid], *(success[s] for s in extra)],
                       actor=ACTOR)
    for ind in stages.get("indicators", []):
        iid = ws.add_indicator(
            success[ind["success"]], ind["name"], ind["baseline"], ind["target"],
            baseline_on=ind["baseline_on"], target_on=ind["target_on"], unit=ind["unit"],
            actor=ACTOR,
        )
        for taken_on, value, note in ind["measurements"]:
            ws.add_measurement(iid, taken_on, value, note, actor=ACTOR)
    for f in stages.get("feedback", []):
        ws.add_feedback(themes[f["theme"]], f["you_said"], f["we_did"],
                        impact=f.get("impact", ""), status=f.get("status", "in progress"),
                        reason=f.get("reason", ""), given_on=f.get("given_on"),
                        action_id=actions.get(f.get("action")), actor=ACTOR)
    for h in stages.get("hear_back", []):
        if h.get("add"):
            ws.add_hear_back_group(h["group"], actor=ACTOR)
        else:
            ws.record_told(h["group"], h["told_on"], h["how"], h.get("note", ""), actor=ACTOR)


def build_later_sample(folder: str | Path, db_url: str | None = None) -> Workshop:
    """Make (or reuse) the later, smaller sample event, to compare with the spring one."""
    import csv

    folder = Path(folder)
    if (folder / "workshop.json").exists():
        return Workshop.open(folder)
    data = sample_dir()
    later = json.loads((data / "later_event.json").read_text(encoding="utf-8"))
    spring = json.loads((data / "worked_example.json").read_text(encoding="utf-8"))
    keep = {f"R-{n:03d}" for n in range(1, int(later["keep_reviews"]) + 1)}
    theme_of = {(s["review"], s["kind"], s["text"]): t["key"]
                for t in spring["themes"] for s in t["statements"]}
    ws = Workshop.create(folder, later["workshop_name"], db_url=db_url)
    ws.set_dots_per_voter(int(later["dots_per_voter"]), actor=ACTOR)
    themes = {t["key"]: ws.add_theme(t["name"], t["i_statement"], actor=ACTOR)
              for t in spring["themes"]}
    seen: dict[str, int] = {}
    rows: list[tuple[str, str, str, str, str | None]] = []
    with (data / "reviews_long.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["review"] not in keep:
                continue
            kind = r["kind"].replace(" ", "_")
            theme = theme_of.get((r["review"], kind, r["text"]))
            if theme in later["improved"] and kind == "not_working":
                seen[theme] = seen.get(theme, 0) + 1
                if seen[theme] % 3:  # things got better: two in three no longer said
                    continue
            rows.append((r["review"], r["kind"], r["perspective"], r["text"], theme))
    rows += [(a["review"], a["kind"], a["perspective"], a["text"], a["theme"])
             for a in later["added"]]
    by_theme: dict[str, list[int]] = {}
    for review, kind, perspective, text, theme in rows:
        sid = ws.add_statement(review, kind, perspective, text, actor=ACTOR)
        if theme:
            by_theme.setdefault(theme, []).append(sid)
    for key, ids in by_theme.items():
        ws.assign(ids, themes[key], actor=ACTOR)
    for v in later["theme_votes"]:
        ws.vote(v["voter"], theme_id=themes[v["theme"]], actor=ACTOR)
    return ws
