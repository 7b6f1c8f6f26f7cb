"""Ladder training and commissioner assessments in the store: every action one transaction."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from workbook.ladder.deck import DeckLoad, Scenario, load_deck, parse_row
from workbook.ladder.models import KEY_AREAS, STAGE_LABELS, STAGES, get_model, stage
from workbook.model import MAX_NAME, InputError, clean_text, optional_text
from workbook.store import db
from workbook.text import plural

if TYPE_CHECKING:
    import pandas as pd

    from workbook.ladder.charts import Marker
    from workbook.store.transactions import Store, Tx

TALLY = "Trainer's tally"
MAX_TALLY = 10_000
S, R, V = db.ladder_scenarios, db.ladder_rounds, db.ladder_votes
A, AS, P = db.ladder_assessments, db.ladder_assessment_stages, db.ladder_plan_items


def _when(value: object) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InputError(f"'{value}' is not a date: write it as 2027-03-31.") from None


def _count(value: object) -> int:
    try:
        n = int(str(value).strip() or 0)
    except ValueError:
        raise InputError(f"'{value}' is not a number of votes: type a whole number.") from None
    if not 0 <= n <= MAX_TALLY:
        raise InputError(f"A tally must be between 0 and {MAX_TALLY:,}.")
    return n


class LadderOps:
    """Mixed into Workshop: scenarios, voting rounds, assessments and the planning tool."""

    store: Store

    # --- scenarios ------------------------------------------------------------------------------
    def _insert_scenario(self, tx: Tx, s: Scenario, origin: str) -> int:
        return tx.insert(S, title=s.title, situation=s.situation, stage=s.stage,
                         suggestions=json.dumps(s.suggestions, sort_keys=True), note=s.note,
                         origin=origin[:200])

    def add_scenario(self, title: object, situation: object, stage: object = "",
                     suggestions: dict[str, object] | None = None, note: object = "", *,
                     actor: str = "") -> int:
        """A trainer's own scenario; suggested rungs by model key (numbers or names)."""
        values: dict[str, object] = {"title": title, "situation": situation, "stage": stage,
                                     "note": note, **(suggestions or {})}
        scenario = parse_row(values)
        with self.store.write(actor, f"Added the scenario '{scenario.title[:40]}'") as tx:
            return self._insert_scenario(tx, scenario, "typed by the trainer")

    def load_scenarios(self, path: str | Path, *, actor: str = "",
                       origin: str | None = None) -> DeckLoad:
        """Add a deck's good rows in one transaction; the result names the rows left out."""
        path = Path(path)
        deck = load_deck(path)
        if not deck.scenarios:
            raise InputError(f"No scenarios could be read from {path.name}. " + " ".join(
                deck.problems))
        with self.store.write(actor, f"Loaded {plural(len(deck.scenarios), 'scenario')}") as tx:
            for s in deck.scenarios:
                self._insert_scenario(tx, s, origin or path.name)
        return deck

    def delete_scenario(self, scenario_id: int, *, actor: str = "") -> None:
        with self.store.write(actor, "Deleted a scenario") as tx:
            tx.existing(S, scenario_id, "scenario")
            tx.delete(S, scenario_id)

    @property
    def ladder_scenarios(self) -> pd.DataFrame:
        import pandas as pd
        cols = ["scenario_id", "title", "situation", "stage", "suggestions", "note", "origin"]
        with self.store.read() as conn:
            rows = conn.execute(select(S).where(S.c.deleted.is_(False)).order_by(S.c.id))
            data = [[r.id, r.title, r.situation, r.stage, json.loads(r.suggestions or "{}"),
                     r.note, r.origin] for r in rows]
        return pd.DataFrame(data, columns=cols)

    # --- rounds and votes -----------------------------------------------------------------------
    def start_round(self, scenario_id: int, model: str, *, actor: str = "") -> int:
        """Put a scenario to the room on a model; votes stay hidden until revealed."""
        m = get_model(model)
        with self.store.write(actor, f"Started a round on {m.name}") as tx:
            scenario = tx.existing(S, scenario_id, "scenario")
            suggested = json.loads(scenario["suggestions"] or "{}").get(m.key)
            return tx.insert(R, model=m.key, scenario_id=scenario_id, suggested=suggested,
                             state="voting")

    def current_round(self) -> dict[str, Any] | None:
        """The round the room is on (the latest one), with its scenario."""
        with self.store.read() as conn:
            row = conn.execute(
                select(R, S.c.title, S.c.situation, S.c.stage, S.c.note)
                .join(S, S.c.id == R.c.scenario_id)
                .where(R.c.deleted.is_(False)).order_by(R.c.id.desc()).limit(1)
            ).mappings().first()
        return dict(row) if row else None

    def get_round(self, round_id: int) -> dict[str, Any]:
        with self.store.read() as conn:
            row = conn.execute(
                select(R, S.c.title, S.c.situation, S.c.stage, S.c.note)
                .join(S, S.c.id == R.c.scenario_id).where(R.c.id == round_id)
            ).mappings().first()
        if row is None or row["deleted"]:
            raise InputError("That round no longer exists.")
        return dict(row)

    def _open_round(self, tx: Tx, round_id: int) -> dict:
        rnd = tx.existing(R, round_id, "round")
        latest = tx.conn.execute(select(func.max(R.c.id)).where(R.c.deleted.is_(False))).scalar()
        if rnd["id"] != latest:
            raise InputError("The trainer has moved on to another scenario: vote on that one.")
        if rnd["state"] != "voting":
            raise InputError("Voting on this scenario has closed: the votes are revealed.")
        return rnd

    def cast_ladder_vote(self, round_id: int, voter: object, rung: int, *,
                         actor: str = "") -> None:
        """One vote per voter per round; voting again moves it."""
        voter = clean_text(voter, "voter name", MAX_NAME)
        if voter == TALLY:
            raise InputError(f"'{TALLY}' is kept for the trainer: choose another voter name.")
        with self.store.write(actor, f"{voter} voted") as tx:
            rnd = self._open_round(tx, round_id)
            get_model(rnd["model"]).choosable(int(rung))
            mine = tx.conn.execute(select(V.c.id).where(
                V.c.round_id == round_id, V.c.voter == voter, V.c.deleted.is_(False))).scalar()
            if mine is None:
                tx.insert(V, round_id=round_id, voter=voter, rung=int(rung), n=1)
            else:
                tx.update(V, mine, rung=int(rung))

    def my_ladder_vote(self, round_id: int, voter: str) -> int | None:
        with self.store.read() as conn:
            return conn.execute(select(V.c.rung).where(
                V.c.round_id == round_id, V.c.voter == voter, V.c.deleted.is_(False))).scalar()

    def set_tally(self, round_id: int, tallies: dict[int, object], *, actor: str = "") -> None:
        """The trainer types the room's show of hands: a count per rung (replaces the last)."""
        counts = {int(k): _count(v) for k, v in tallies.items()}
        with self.store.write(actor, "Typed the room's tally") as tx:
            rnd = self._open_round(tx, round_id)
            model = get_model(rnd["model"])
            for rung in counts:
                model.choosable(rung)
            existing = {r.rung: r.id for r in tx.conn.execute(select(V.c.id, V.c.rung).where(
                V.c.round_id == round_id, V.c.voter == TALLY, V.c.deleted.is_(False)))}
            for rung, n in counts.items():
                if rung in existing:
                    if n:
                        tx.update(V, existing[rung], n=n)
                    else:
                        tx.delete(V, existing[rung])
                elif n:
                    tx.insert(V, round_id=round_id, voter=TALLY, rung=rung, n=n)

    def reveal_round(self, round_id: int, *, actor: str = "") -> None:
        with self.store.write(actor, "Revealed the votes") as tx:
            rnd = tx.existing(R, round_id, "round")
            if rnd["state"] == "revealed":
                raise InputError("These votes are already revealed.")
            tx.update(R, round_id, state="revealed")

    def round_counts(self, round_id: int) -> dict[int, int]:
        """Votes per rung (participants' votes plus the trainer's tally)."""
        with self.store.read() as conn:
            rows = conn.execute(select(V.c.rung, func.sum(V.c.n)).where(
                V.c.round_id == round_id, V.c.deleted.is_(False)).group_by(V.c.rung))
            return {int(r): int(n) for r, n in rows}

    @property
    def ladder_rounds(self) -> pd.DataFrame:
        """Every round kept: model, scenario, state, suggested rung and the votes."""
        import pandas as pd
        cols = ["round_id", "model", "scenario_id", "title", "state", "suggested", "votes",
                "counts", "started_at"]
        with self.store.read() as conn:
            rows = conn.execute(
                select(R, S.c.title).join(S, S.c.id == R.c.scenario_id)
                .where(R.c.deleted.is_(False)).order_by(R.c.id)).mappings().all()
        data = []
        for r in rows:
            counts = self.round_counts(r["id"])
            data.append([r["id"], r["model"], r["scenario_id"], r["title"], r["state"],
                         r["suggested"], sum(counts.values()), counts, r["created_at"]])
        return pd.DataFrame(data, columns=cols)

    @property
    def ladder_votes(self) -> pd.DataFrame:
        import pandas as pd
        cols = ["vote_id", "round_id", "voter", "rung", "n", "updated_at"]
        with self.store.read() as conn:
            rows = conn.execute(select(V).where(V.c.deleted.is_(False)).order_by(V.c.id))
            data = [[r.id, r.round_id, r.voter, r.rung, r.n, r.updated_at] for r in rows]
        return pd.DataFrame(data, columns=cols)

    # --- commissioner assessments -----------------------------------------------------------------
    def create_assessment(self, title: object, model: str, *, actor: str = "") -> int:
        title = clean_text(title, "assessment name", MAX_NAME)
        m = get_model(model)
        with self.store.write(actor, f"Started the assessment '{title}'") as tx:
            return tx.insert(A, title=title, model=m.key)

    def set_assessment_stage(self, assessment_id: int, stage_name: object,
                             now: int | None, target: int | None, note: object = "", *,
                             actor: str = "") -> None:
        """Where a commissioning stage is on the model now, and where it aims to be."""
        key = stage(stage_name)
        note = optional_text(note, "note")
        with self.store.write(actor, f"Marked {STAGE_LABELS[key]} now and target") as tx:
            a = tx.existing(A, assessment_id, "assessment")
            model = get_model(a["model"])
            for value in (now, target):
                if value is not None:
                    model.choosable(int(value))
            values = {"now_rung": None if now is None else int(now),
                      "target_rung": None if target is None else int(target), "note": note}
            row = tx.conn.execute(select(AS.c.id).where(
                AS.c.assessment_id == assessment_id, AS.c.stage == key,
                AS.c.deleted.is_(False))).scalar()
            if row is None:
                tx.insert(AS, assessment_id=assessment_id, stage=key, **values)
            else:
                tx.update(AS, row, **values)

    def set_plan_item(self, assessment_id: int, area: int, *, actor: str = "",
                      **fields: object) -> None:
        """One key area of the ten-point self-assessment and planning tool."""
        if not 1 <= int(area) <= len(KEY_AREAS):
            raise InputError(f"Key area must be 1 to {len(KEY_AREAS)}.")
        checks = {
            "doing_now": lambda v: optional_text(v, "what we are doing now"),
            "need_to_do": lambda v: optional_text(v, "what we need to do"),
            "who": lambda v: optional_text(v, "who is responsible", MAX_NAME),
            "by_when": _when,
            "how_we_know": lambda v: optional_text(v, "how we will know"),
        }
        unknown = set(fields) - checks.keys()
        if unknown:
            raise InputError(f"The planning tool has no field {', '.join(sorted(unknown))}.")
        values = {k: checks[k](v) for k, v in fields.items()}
        with self.store.write(actor, f"Updated key area {area} of the planning tool") as tx:
            tx.existing(A, assessment_id, "assessment")
            row = tx.conn.execute(select(P.c.id).where(
                P.c.assessment_id == assessment_id, P.c.area == int(area),
                P.c.deleted.is_(False))).scalar()
            if row is None:
                tx.insert(P, assessment_id=assessment_id, area=int(area),
                          **{k: values.get(k, "") for k in checks})
            else:
                tx.update(P, row, **values)

    @property
    def ladder_assessments(self) -> pd.DataFrame:
        import pandas as pd
        cols = ["assessment_id", "title", "model", "created_at"]
        with self.store.read() as conn:
            rows = conn.execute(select(A).where(A.c.deleted.is_(False)).order_by(A.c.id))
            data = [[r.id, r.title, r.model, r.created_at] for r in rows]
        return pd.DataFrame(data, columns=cols)

    def assessment_stages(self, assessment_id: int | None = None) -> pd.DataFrame:
        import pandas as pd
        cols = ["assessment_id", "assessment", "model", "stage", "now", "target", "note"]
        q = (select(AS, A.c.title, A.c.model).join(A, A.c.id == AS.c.assessment_id)
             .where(AS.c.deleted.is_(False), A.c.deleted.is_(False)))
        if assessment_id is not None:
            q = q.where(AS.c.assessment_id == assessment_id)
        with self.store.read() as conn:
            rows = conn.execute(q).mappings().all()
        data = [[r["assessment_id"], r["title"], r["model"], r["stage"], r["now_rung"],
                 r["target_rung"], r["note"]] for r in rows]
        df = pd.DataFrame(data, columns=cols)
        order = {s: i for i, s in enumerate(STAGES)}
        return df.sort_values(["assessment_id", "stage"], key=lambda c: c.map(order)
                              if c.name == "stage" else c).reset_index(drop=True)

    def assessment_markers(self, assessment_id: int) -> list[Marker]:
        """A now/target marker per stage, in cycle order (unset stages left out)."""
        import pandas as pd

        from workbook.ladder.charts import Marker  # matplotlib: only pages that draw it
        df = self.assessment_stages(assessment_id)
        return [Marker(STAGE_LABELS[r.stage].split(" (")[0],
                       None if pd.isna(r.now) else int(r.now),
                       None if pd.isna(r.target) else int(r.target))
                for r in df.itertuples()]

    def plan_items(self, assessment_id: int | None = None) -> pd.DataFrame:
        import pandas as pd
        cols = ["assessment_id", "area", "key_area", "doing_now", "need_to_do", "who",
                "by_when", "how_we_know"]
        q = select(P).where(P.c.deleted.is_(False)).order_by(P.c.assessment_id, P.c.area)
        if assessment_id is not None:
            q = q.where(P.c.assessment_id == assessment_id)
        with self.store.read() as conn:
            rows = conn.execute(q).mappings().all()
        data = [[r["assessment_id"], r["area"], KEY_AREAS[r["area"] - 1], r["doing_now"],
                 r["need_to_do"], r["who"], r["by_when"], r["how_we_know"]] for r in rows]
        return pd.DataFrame(data, columns=cols)
