"""Review page, part two: delete one of an indicator's measurements."""

from __future__ import annotations

import time

import ipywidgets as w
import pandas as pd

from widgets.common.controls import STYLE, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer
from widgets.stages.plan.edit import ChooserMixin, just_now, tools_box
from workbook import InputError
from workbook.text import quantity, shorten

NONE = 0


def measurement_label(row: object, unit: object) -> str:
    note = f" · {shorten(row.note, 40)}" if row.note else ""
    return f"{row.taken_on}: {quantity(row.value, unit)}{note}"


class MeasurementEditMixin(ChooserMixin):
    """Mixed into ReviewView: the "Delete a measurement" drawer and what it does. The view
    sets ``self._ind`` (the indicators) before drawing."""

    def _build_measurement_edit(self) -> None:
        self._meas_deleted_at = -1e9
        self._meas = pd.DataFrame()
        self.meas_indicator = w.Dropdown(description="Measurements of", layout=wide(),
                                         style=STYLE, options=[("Choose an indicator", NONE)])
        self.meas_indicator.observe(self._on_meas_indicator, "value")
        self.meas_select = w.Dropdown(description="Measurement to delete", layout=wide(),
                                      style=STYLE, options=[("Choose an indicator first", NONE)])
        self.delete_measurement_button = w.Button(description="Delete measurement",
                                                  button_style="danger",
                                                  tooltip="“Undo my last change” brings it back")
        self.delete_measurement_button.on_click(lambda _b: self.delete_measurement())
        self._meas_drawer = Drawer("Delete a measurement", [tools_box([
            self.meas_indicator, self.meas_select,
            w.HBox([self.delete_measurement_button])])])

    # --- drawing (inside the view's Hush) ------------------------------------------------------
    def _draw_measurement_edit(self) -> None:
        self._meas = self.workshop.measurements
        ids = set(self._ind["indicator_id"]) if len(self._ind) else set()
        options = [(f"{shorten(r.name, 50)} — {shorten(r.success, 40)}", int(r.indicator_id))
                   for r in self._ind.itertuples()]
        gone = ""
        chosen = self.meas_indicator.value or NONE
        set_options(self.meas_indicator, [
            ("Choose an indicator" if options else "No indicators yet", NONE), *options],
            keep=chosen, fallback=NONE)
        if chosen and chosen not in ids:
            gone = "The indicator you chose has been deleted (on this or another screen)."
        chosen = self.meas_select.value or NONE
        self._draw_measurement_choices()
        if chosen and (not len(self._meas) or chosen not in set(self._meas["measurement_id"])):
            gone = gone or ("The measurement you chose has been deleted (on this or another "
                            "screen).")
        if gone:
            self._tell_gone(gone)

    def _draw_measurement_choices(self) -> None:
        iid = self.meas_indicator.value or NONE
        mine = self._meas[self._meas["indicator_id"] == iid] if iid and len(self._meas) else \
            pd.DataFrame()
        row = self._ind[self._ind["indicator_id"] == iid] if iid and len(self._ind) else None
        unit = row.iloc[0]["unit"] if row is not None and len(row) else ""
        first = ("Choose an indicator first" if not iid else
                 "Choose a measurement" if len(mine) else "Not measured yet")
        set_options(self.meas_select, [(first, NONE), *(
            (measurement_label(r, unit), int(r.measurement_id)) for r in mine.itertuples())],
            keep=self.meas_select.value, fallback=NONE)

    @guarded
    def _on_meas_indicator(self, _c: dict) -> None:
        if not self._quiet.on:
            with self._quiet():
                self._draw_measurement_choices()

    # --- actions -------------------------------------------------------------------------------
    @guarded
    def delete_measurement(self) -> None:
        mid = self.meas_select.value
        if not mid:
            if just_now(self._meas_deleted_at):
                return
            raise InputError("Choose the indicator, then the measurement to delete.")
        label = dict((v, k) for k, v in self.meas_select.options).get(mid, "")
        self.workshop.delete_measurement(mid, actor=self.actor)
        self._meas_deleted_at = time.monotonic()
        with self._quiet():
            self.meas_select.value = NONE
        self.after_write(f"Deleted the measurement {label}. “Undo my last change” brings it "
                         "back.")
