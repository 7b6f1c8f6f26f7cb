"""Implement page, part two: change or delete an indicator."""

from __future__ import annotations

import time
from datetime import date

import ipywidgets as w
import pandas as pd

from widgets.common.controls import STYLE, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer
from widgets.stages.plan.edit import ChooserMixin, just_now, tools_box
from workbook import InputError
from workbook.text import plural, shorten

NONE = 0
FIELD_WORDS = {"name": "name", "unit": "unit", "baseline": "baseline",
               "baseline_on": "baseline date", "target": "target", "target_on": "target date"}


def number_text(value: object) -> str:
    """A stored number as it is typed back: 2 not 2.0, and every digit kept."""
    if value is None or pd.isna(value):
        return ""
    f = float(value)
    return str(int(f)) if f.is_integer() else repr(f)


def _as_form(row: pd.Series) -> dict[str, object]:
    """An indicator's stored values as the form shows them."""
    return {"name": str(row["name"]), "unit": str(row["unit"] or ""),
            "baseline": number_text(row["baseline"]),
            "baseline_on": date.fromisoformat(row["baseline_on"]),
            "target": number_text(row["target"]),
            "target_on": date.fromisoformat(row["target_on"])}


def _same(a: object, b: object) -> bool:
    return (a.strip() == b.strip()) if isinstance(a, str) and isinstance(b, str) else a == b


class IndicatorEditMixin(ChooserMixin):
    """Mixed into ImplementView: the "Change or delete an indicator" drawer and what it
    does. The view sets ``self._ind`` (the indicators) before drawing."""

    def _build_indicator_edit(self) -> None:
        self._ind_loaded: tuple[int, dict[str, object]] | None = None
        self._ind_deleted_at = -1e9
        self.ind_edit_select = w.Dropdown(description="Indicator to change", layout=wide(),
                                          style=STYLE, options=[("Choose an indicator", NONE)])
        self.ind_edit_select.observe(self._on_indicator_choice, "value")
        self.ind_edit_name = w.Text(description="Indicator", layout=wide(), style=STYLE)
        self.ind_edit_unit = w.Text(description="Unit", style=STYLE,
                                    layout=w.Layout(width="16rem"))
        self.ind_edit_baseline = w.Text(description="Baseline", style=STYLE,
                                        layout=w.Layout(width="14rem"))
        self.ind_edit_baseline_on = w.DatePicker(description="Baseline date", style=STYLE)
        self.ind_edit_target = w.Text(description="Target", style=STYLE,
                                      layout=w.Layout(width="14rem"))
        self.ind_edit_target_on = w.DatePicker(description="Target date", style=STYLE)
        self._ind_fields = {"name": self.ind_edit_name, "unit": self.ind_edit_unit,
                            "baseline": self.ind_edit_baseline,
                            "baseline_on": self.ind_edit_baseline_on,
                            "target": self.ind_edit_target, "target_on": self.ind_edit_target_on}
        self.save_indicator_button = w.Button(description="Save indicator",
                                              button_style="primary")
        self.save_indicator_button.on_click(lambda _b: self.save_indicator())
        self.delete_indicator_button = w.Button(description="Delete indicator",
                                                button_style="danger",
                                                tooltip="“Undo my last change” brings it back")
        self.delete_indicator_button.on_click(lambda _b: self.delete_indicator())
        box = tools_box([self.ind_edit_select, self.ind_edit_name,
                         w.HBox([self.ind_edit_baseline, self.ind_edit_baseline_on]),
                         w.HBox([self.ind_edit_target, self.ind_edit_target_on]),
                         self.ind_edit_unit,
                         w.HBox([self.save_indicator_button, self.delete_indicator_button])])
        self._ind_drawer = Drawer("Change or delete an indicator", [box])

    # --- drawing (inside the view's Hush) ------------------------------------------------------
    def _draw_indicator_choices(self) -> None:
        ids = set(self._ind["indicator_id"]) if len(self._ind) else set()
        options = [(f"{shorten(r.name, 50)} — {shorten(r.success, 40)}", int(r.indicator_id))
                   for r in self._ind.itertuples()]
        chosen = self.ind_edit_select.value or NONE
        set_options(self.ind_edit_select, [
            ("Choose an indicator" if options else "No indicators yet", NONE), *options],
            keep=chosen, fallback=NONE)
        if chosen and chosen not in ids:
            self._tell_gone("The indicator you chose has been deleted (on this or another "
                            "screen).")
        self._fill_indicator()

    def _indicator(self, iid: int) -> pd.Series | None:
        if not iid or not len(self._ind):
            return None
        match = self._ind[self._ind["indicator_id"] == iid]
        return None if match.empty else match.iloc[0]

    def _fill_indicator(self) -> None:
        row = self._indicator(self.ind_edit_select.value)
        stored = _as_form(row) if row is not None else dict.fromkeys(self._ind_fields)
        loaded = self._ind_loaded
        same = row is not None and loaded is not None and loaded[0] == row["indicator_id"]
        for name, control in self._ind_fields.items():
            # What was typed here and not yet saved is kept through a redraw.
            if not (same and not _same(control.value, loaded[1][name])):
                control.value = stored[name] if stored[name] is not None else (
                    None if isinstance(control, w.DatePicker) else "")
        self._ind_loaded = None if row is None else (int(row["indicator_id"]), stored)

    @guarded
    def _on_indicator_choice(self, _c: dict) -> None:
        if not self._quiet.on:
            self._fill_indicator()

    # --- actions -------------------------------------------------------------------------------
    @guarded
    def save_indicator(self) -> None:
        if not self.ind_edit_select.value or self._ind_loaded is None:
            raise InputError("Choose the indicator to change first, from “Indicator to "
                             "change”.")
        if not self.ind_edit_name.value.strip():
            raise InputError("The indicator's name is blank: type what it counts.")
        for picker, what in ((self.ind_edit_baseline_on, "baseline"),
                             (self.ind_edit_target_on, "target")):
            if picker.value is None:
                raise InputError(f"Choose the {what} date.")
        loaded = self._ind_loaded[1]
        changes = {name: control.value for name, control in self._ind_fields.items()
                   if not _same(control.value, loaded[name])}
        if not changes:
            self.messages.info("Nothing to save: you have not changed anything yet.")
            return
        # Only what changed here is sent: another screen's change to the rest is kept.
        self.workshop.edit_indicator(self.ind_edit_select.value, actor=self.actor, **changes)
        what = ", ".join(FIELD_WORDS[n] for n in changes)
        self.after_write(f"Saved the indicator “{shorten(self.ind_edit_name.value, 30)}” "
                         f"(changed: {what}).")

    @guarded
    def delete_indicator(self) -> None:
        iid = self.ind_edit_select.value
        if not iid:
            if just_now(self._ind_deleted_at):
                return  # the second half of a double click: it is already deleted
            raise InputError("Choose the indicator to delete first, from “Indicator to "
                             "change”.")
        row = self._indicator(iid)
        self.workshop.delete_indicator(iid, actor=self.actor)
        self._ind_deleted_at = time.monotonic()
        with self._quiet():
            self.ind_edit_select.value = NONE
        self._fill_indicator()
        n = 0 if row is None else int(row["measurements"])
        with_them = (f" and its {plural(n, 'measurement')}" if n else "")
        name = "" if row is None else f" “{shorten(str(row['name']), 30)}”"
        self.after_write(f"Deleted the indicator{name}{with_them}. “Undo my last change” "
                         "brings it back.")
