"""Every step's page shows the step's number and name from workbook/steps.py."""

from __future__ import annotations

import importlib
import json
import re

import pytest

from workbook.paths import CHECKOUT_DIR
from workbook.steps import STEPS

NOTEBOOKS = CHECKOUT_DIR / "notebooks"


@pytest.mark.parametrize("s", STEPS, ids=lambda s: s.name)
def test_each_steps_page_shows_its_number_and_name(s):
    """The page file exists and its view's header comes from the registry."""
    cells = json.loads((NOTEBOOKS / s.page).read_text(encoding="utf-8"))["cells"]
    code = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    module, name = re.findall(r"from (widgets\.\S+) import (\w+)", code)[-1]
    view = getattr(importlib.import_module(module), name)
    assert view.stage == s.header
