"""Imports go notebooks -> widgets -> workbook: the core never pulls in a widget library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_workbook_does_not_import_widget_libraries():
    code = (
        "import sys, workbook, workbook.cli, workbook.ingest, workbook.exchange, "
        "workbook.sample, workbook.frames, workbook.serve\n"
        "bad = [m for m in ('ipywidgets', 'anywidget', 'widgets', 'matplotlib.pyplot') "
        "if m in sys.modules]\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_module_in_workbook_names_a_widget_library():
    for path in (ROOT / "workbook").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for banned in (
            "import ipywidgets",
            "from ipywidgets",
            "import anywidget",
            "from widgets",
            "import matplotlib.pyplot",
            "from matplotlib import pyplot",
        ):
            assert banned not in text, f"{path.name} has '{banned}'"
