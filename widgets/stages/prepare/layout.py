"""Prepare page layout: groups side by side, so each section fits the big screen."""

from __future__ import annotations

import ipywidgets as w


def side_by_side(*parts: w.Widget, basis: str = "28rem") -> w.HBox:
    """Parts in a row that share the width, wrapping one under another on a narrow screen."""
    for part in parts:
        part.layout.width = "auto"
        part.layout.flex = f"1 1 {basis}"
        part.layout.min_width = "0"
    box = w.HBox(list(parts), layout=w.Layout(flex_flow="row wrap", align_items="flex-start",
                                               grid_gap="1rem", width="100%"))
    box.add_class("wtfc-prepare-row")
    return box
