"""Turn an uploaded text file's bytes into str, or say plainly why it is not text."""

from __future__ import annotations

import codecs

import charset_normalizer

from workbook.model import InputError


class FileUnreadable(InputError):
    """The file cannot be read at all; the message says why and what to do."""


# UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),  # Excel's "Unicode Text" export
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes never found in a spreadsheet export; tab, CR, LF and form feed are fine.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_SAMPLE = 64 * 1024


def not_text(name: str) -> FileUnreadable:
    return FileUnreadable(
        f"{name} does not look like a CSV text file: it contains binary data. "
        "If it is a spreadsheet, open it in Excel and save it as .xlsx or CSV, then import again."
    )


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > max(2, len(sample) // 100)


def _plausible_western(text: str) -> bool:
    # cp1252 decodes almost any bytes; Cyrillic or Greek text would come out as
    # words made wholly of accented letters. Western text has few non-ASCII letters.
    sample = text[:_SAMPLE]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return True
    foreign = sum(1 for c in letters if not c.isascii())
    return foreign <= 0.3 * len(letters)


def decode_text(data: bytes, name: str) -> str:
    """Decode a CSV/TXT upload: BOM, then UTF-8, then Windows-1252, then a best guess."""
    if not data.strip():
        raise FileUnreadable(f"{name} is empty. Check you chose the right file, then import again.")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise not_text(name) from None
    if _looks_binary(data):
        raise not_text(name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Excel's "Save as CSV" on Windows writes Windows-1252 (curly quotes, £).
    try:
        text: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_western(text):
        return text
    guess = charset_normalizer.from_bytes(data).best()
    if guess is not None:
        return str(guess)
    if text is not None:
        return text
    raise not_text(name)
