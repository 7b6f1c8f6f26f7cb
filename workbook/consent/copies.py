"""Copies of erased words in the workshop's outputs folder (reports, exports): found, removed."""

from __future__ import annotations

import html
import zipfile
from collections.abc import Iterable
from pathlib import Path

# Files the workbook writes that can quote statements: reports (HTML, Word), exports (JSON,
# Excel), tables (CSV), statement cards (PDF, Word). Charts (PNG) hold counts only.
TEXT_FILES = (".html", ".htm", ".csv", ".json", ".txt", ".md")
ZIP_FILES = (".docx", ".xlsx")
PDF_FILES = (".pdf",)
MIN_WORDS = 12  # characters: a shorter statement ("No") would match unrelated files


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


def _readable(path: Path) -> str:
    """The file's text as a reader sees it: entities decoded (HTML and Office XML escape
    quotes and ampersands), white space folded."""
    suffix = path.suffix.lower()
    if suffix in TEXT_FILES:
        raw = path.read_text(encoding="utf-8", errors="replace")
    elif suffix in PDF_FILES:
        from pypdf import PdfReader  # only when erasing: a page kernel stays light
        from pypdf.errors import PyPdfError

        try:
            raw = " ".join(page.extract_text() or "" for page in PdfReader(path).pages)
        except PyPdfError as exc:  # a damaged PDF: not one we wrote
            raise OSError(str(exc)) from exc
    else:
        with zipfile.ZipFile(path) as z:
            raw = " ".join(z.read(n).decode("utf-8", errors="replace")
                           for n in z.namelist() if n.endswith(".xml"))
    return _flat(html.unescape(raw))


def quoting_files(folder: Path | None, words: Iterable[str]) -> list[Path]:
    """Files in `folder` (not below it) that hold any of `words`."""
    needles = {_flat(w) for w in words if len(_flat(w)) >= MIN_WORDS}
    if folder is None or not folder.is_dir() or not needles:
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.suffix.lower() not in (*TEXT_FILES, *ZIP_FILES, *PDF_FILES):
            continue
        try:
            text = _readable(path)
        except (OSError, zipfile.BadZipFile, KeyError):
            continue  # not one of ours, or unreadable: nothing we wrote
        if any(n in text for n in needles):
            found.append(path)
    return found


def remove_copies(folder: Path | None, words: Iterable[str]) -> list[str]:
    """Delete the files in `folder` that quote `words`; their names, for the message."""
    removed = []
    for path in quoting_files(folder, words):
        try:
            path.unlink()
            removed.append(path.name)
        except OSError:
            continue
    return removed
