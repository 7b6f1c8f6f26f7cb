"""Scenario decks for ladder training: read from CSV or XLSX, every bad row reported plainly."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.io.limits import check_xlsx, read_capped, too_many_rows
from workbook.ladder.models import MODELS, stage
from workbook.model import MAX_NAME, MAX_TEXT, InputError, clean_text
from workbook.text import plural

if TYPE_CHECKING:
    import pandas as pd

HEADERS = {
    "title": ("title", "name", "scenario"),
    "situation": ("situation", "scenario text", "description", "what happened", "text"),
    "stage": ("stage", "commissioning stage", "cycle stage"),
    "note": ("note", "discussion", "discussion note", "notes", "trainer note"),
}
MAX_ROWS = 500


@dataclass
class Scenario:
    """A situation to place on a ladder, with the trainer's suggested rung per model."""

    title: str
    situation: str
    stage: str = ""
    suggestions: dict[str, int] = field(default_factory=dict)
    note: str = ""


@dataclass
class DeckLoad:
    """What a deck file gave: the good scenarios, and a sentence for each row left out."""

    scenarios: list[Scenario]
    problems: list[str]
    rows_read: int

    @property
    def summary(self) -> str:
        n = len(self.scenarios)
        text = f"Read {plural(n, 'scenario')} from {plural(self.rows_read, 'row')}."
        if self.problems:
            text += f" {len(self.problems)} left out or partly read: " + " ".join(self.problems)
        return text


def _key(header: object) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(header).casefold()).strip()


def _column_map(columns: list[object]) -> tuple[dict[str, object], list[str]]:
    found: dict[str, object] = {}
    ignored: list[str] = []
    model_names = {k: (k, _key(m.name), _key(m.name.split("'")[0])) for k, m in MODELS.items()}
    for col in columns:
        key = _key(col)
        match = next((f for f, names in HEADERS.items() if key in names), None)
        if match is None:
            match = next((k for k, names in model_names.items() if key in names), None)
        if match and match not in found:
            found[match] = col
        elif str(col).strip() and not str(col).startswith("Unnamed"):
            ignored.append(str(col))
    return found, ignored


def _read(path: Path) -> pd.DataFrame:
    import pandas as pd
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise InputError(f"{path.name}: a scenario deck must be a .csv or .xlsx file.")
    data = read_capped(path)  # its size checked on disk before it is read
    # Rows are streamed and stop one past the cap, so a huge sheet is never read whole.
    rows = {"dtype": str, "keep_default_na": False, "nrows": MAX_ROWS + 1}
    try:
        if suffix == ".csv":
            return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", **rows)
        check_xlsx(path.name, data)  # what the zip unpacks to, before anything opens it
        return pd.read_excel(io.BytesIO(data), engine="openpyxl", **rows)
    except InputError:
        raise
    except UnicodeDecodeError:
        raise InputError(f"{path.name} is not UTF-8 text: save it as 'CSV UTF-8'.") from None
    except Exception as exc:  # noqa: BLE001 - a damaged or wrong file: say so plainly
        raise InputError(f"{path.name} could not be read as a scenario deck ({exc}).") from None


def parse_row(values: dict[str, object]) -> Scenario:
    """One scenario from a row's values; raises InputError saying what is wrong."""
    title = clean_text(values.get("title"), "title", MAX_NAME)
    situation = clean_text(values.get("situation"), "situation", MAX_TEXT)
    note = str(values.get("note") or "").strip()
    if note:
        note = clean_text(note, "discussion note", MAX_TEXT)
    stage_text = str(values.get("stage") or "").strip()
    suggestions = {}
    for key, model in MODELS.items():
        number = model.parse(values.get(key))
        if number is not None:
            suggestions[key] = number
    return Scenario(title, situation, stage(stage_text) if stage_text else "", suggestions, note)


def load_deck(path: str | Path) -> DeckLoad:
    """Read a deck; rows with a problem are left out and named (spreadsheet row numbers)."""
    path = Path(path)
    df = _read(path)
    found, ignored = _column_map(list(df.columns))
    missing = [f for f in ("title", "situation") if f not in found]
    if missing:
        raise InputError(
            f"{path.name} needs a column for {' and '.join(missing)}. "
            "The first row must hold the headings: title, situation, stage, note and a column "
            f"per model ({', '.join(MODELS)})."
        )
    if len(df) > MAX_ROWS:
        raise too_many_rows(path.name, limit=MAX_ROWS)
    problems = [f"Column '{c}' was not recognised and was ignored." for c in ignored]
    scenarios: list[Scenario] = []
    rows_read = 0
    for i, row in enumerate(df.itertuples(index=False)):
        values = {f: row[df.columns.get_loc(c)] for f, c in found.items()}
        if not any(str(v).strip() for v in row):
            continue  # a blank row: nothing to report
        rows_read += 1
        try:
            scenarios.append(parse_row(values))
        except InputError as exc:
            problems.append(f"Row {i + 2}: {exc}")
    return DeckLoad(scenarios, problems, rows_read)


def sample_deck() -> list[Scenario]:
    """The twelve scenarios written for this project from the source documents' case studies."""
    from workbook.paths import sample_dir

    return load_deck(sample_dir() / "ladder_scenarios.csv").scenarios
