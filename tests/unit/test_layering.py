"""Imports go notebooks -> widgets -> workbook: the core never pulls in a widget library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_workbook_does_not_import_widget_libraries():
    code = (
        "import sys, workbook, workbook.cli, workbook.io.ingest, workbook.io.exchange, "
        "workbook.sample, workbook.store.frames, workbook.serving.serve\n"
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


def test_no_button_icons():
    """Icons load a 78 kB font on a hall's slow link and put a glyph into each button's spoken
    name: every control says what it does in words instead."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "widgets"
    found = [f"{p.name}: {m.group(0)}" for p in root.rglob("*.py")
             for m in re.finditer(r"\bicon=(?!\"\")[^,)\n]+", p.read_text(encoding="utf-8"))]
    assert not found, found
    # a FileUpload has an "upload" icon unless told otherwise
    calls = [c for p in root.rglob("*.py")
             for c in re.findall(r"FileUpload\((?:[^()]|\([^()]*\))*\)", p.read_text("utf-8"))]
    assert calls and all('icon=""' in c for c in calls), calls
