"""Where the files shipped with wtfc-workbook are: in a source checkout, or inside the wheel."""

from __future__ import annotations

import os
from pathlib import Path

from workbook.model import InputError

PACKAGE_DIR = Path(__file__).resolve().parent  # workbook/
CHECKOUT_DIR = PACKAGE_DIR.parent  # the repository, when run from a source checkout


def sample_dir() -> Path:
    """The sample data: WTFC_SAMPLE_DATA, the checkout's sample_data/, or the copy shipped
    inside the installed package."""
    if os.environ.get("WTFC_SAMPLE_DATA"):
        candidates = [Path(os.environ["WTFC_SAMPLE_DATA"])]
    else:
        candidates = [CHECKOUT_DIR / "sample_data", PACKAGE_DIR / "sample_data"]
    for path in candidates:
        if (path / "reviews_long.csv").exists():
            return path
    raise InputError(
        f"The sample data is missing (looked in {', '.join(map(str, candidates))}). "
        "Reinstall wtfc-workbook, or set WTFC_SAMPLE_DATA to a folder holding it."
    )


def notebooks_dir() -> Path:
    """The folder of pages to serve: ``notebooks/`` in a source checkout (or an editable
    install), else the copy shipped inside the installed package (``workbook/pages``)."""
    for folder in (CHECKOUT_DIR / "notebooks", PACKAGE_DIR / "pages"):
        if any(folder.glob("*.ipynb")):
            return folder
    raise InputError(
        f"Cannot find the workshop pages (looked in {PACKAGE_DIR / 'pages'}). This "
        "installation of wtfc-workbook is incomplete: reinstall it with "
        "`pipx install --force wtfc-workbook` or `pip install --force-reinstall wtfc-workbook`."
    )
