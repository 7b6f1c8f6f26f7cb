"""Limits on files brought in: bytes, rows, files at once, and what an .xlsx would unpack to."""

from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile
import zlib

import openpyxl
import pytest

from workbook.io import limits
from workbook.io.decode import FileUnreadable
from workbook.io.ingest import import_file, import_upload
from workbook.io.limits import (
    MAX_UPLOAD_FILES,
    TooBig,
    capped_rows,
    check_upload_count,
    check_upload_total,
    check_xlsx,
)
from workbook.io.tabular import read_statements_bytes
from workbook.ladder.deck import load_deck
from workbook.tender import read_evaluation

HEADER = "Review ref,Perspective,Kind,Statement\n"
GB = 1024**3


def _zip(parts: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip built by hand from (name, deflated data, crc, unpacked size): sizes as declared."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in parts:
        offset, raw = out.tell(), name.encode()
        fields = (20, 0, 8, 0, 0, crc, len(data), size, len(raw))
        out.write(b"PK\x03\x04" + struct.pack("<HHHHHIIIHH", *fields, 0) + raw + data)
        central.write(b"PK\x01\x02" + struct.pack("<HHHHHHIIIHHHHHII", 20, *fields, 0, 0, 0,
                                                  0, 0, offset) + raw)
    start, index = out.tell(), central.getvalue()
    out.write(index + b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(parts), len(parts),
                                                  len(index), start, 0))
    return out.getvalue()


def _deflated(text: bytes) -> tuple[bytes, int, int]:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(text) + packer.flush(), zlib.crc32(text), len(text)


def zeros_deflated(size: int) -> bytes:
    """A real deflate stream of `size` zero bytes, made in milliseconds: one fully flushed
    block of zeros repeated (each starts afresh), then an empty final block."""
    chunk = 1024 * 1024
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(b"\0" * chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    rest = size % chunk
    tail = zlib.compressobj(9, zlib.DEFLATED, -15)
    return block * (size // chunk) + tail.compress(b"\0" * rest) + tail.flush()


def bomb_xlsx(size: int = 3 * GB) -> bytes:
    """An .xlsx of about 3 MB whose sheet unpacks to `size` bytes of zeros (declared truly;
    its checksum is left at 0, as the file is refused before anything reads that far)."""
    real = io.BytesIO()
    openpyxl.Workbook().save(real)
    with zipfile.ZipFile(real) as book:
        parts = [(i.filename, *_deflated(book.read(i))) for i in book.infolist()
                 if i.filename != "xl/worksheets/sheet1.xml"]
    return _zip([*parts, ("xl/worksheets/sheet1.xml", zeros_deflated(size), 0, size)])


def test_the_bomb_is_real_a_genuine_deflate_of_three_gigabytes():
    data = bomb_xlsx()
    assert len(data) < 4 * 1024 * 1024
    part = next(i for i in zipfile.ZipFile(io.BytesIO(data)).infolist()
                if i.filename.endswith("sheet1.xml"))
    assert part.file_size == 3 * GB
    with zipfile.ZipFile(io.BytesIO(data)).open(part) as sheet:
        assert sheet.read(1024 * 1024) == b"\0" * (1024 * 1024)  # really unpacks to zeros


def test_a_small_file_that_unpacks_to_gigabytes_is_refused_in_a_second_with_little_memory():
    data = bomb_xlsx()
    # CPU time, not the wall clock: a test machine busy with other work must not fail this.
    tracemalloc.start()
    start = time.process_time()
    with pytest.raises(TooBig) as refused:
        read_statements_bytes(data, "reviews.xlsx")
    took = time.process_time() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert took < 1.0 and peak < 20 * 1024 * 1024
    message = str(refused.value)
    assert "reviews.xlsx" in message and "3,072 MB" in message and "100 MB" in message


def test_every_xlsx_reader_refuses_the_bomb(tmp_path, workshop):
    data = bomb_xlsx()
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(data)
    for read in (lambda: import_upload(workshop, data, "bomb.xlsx"),
                 lambda: import_file(workshop, path),
                 lambda: read_evaluation(data, "bomb.xlsx"),
                 lambda: read_evaluation(path),
                 lambda: load_deck(path),
                 lambda: workshop.load_scenarios(path)):
        start = time.process_time()
        with pytest.raises(TooBig, match="bomb.xlsx"):
            read()
        assert time.process_time() - start < 1.0
    assert workshop.statements.empty and workshop.ladder_scenarios.empty


def test_a_part_that_claims_less_than_it_holds_stops_at_its_claim():
    packed, _, _ = _deflated(b"\0" * (10 * 1024 * 1024))
    liar = _zip([("[Content_Types].xml", packed, 0, 1000)])
    check_xlsx("liar.xlsx", liar)  # declares 1,000 bytes: within every limit
    start = time.process_time()
    with pytest.raises(FileUnreadable, match="could not be opened as an Excel workbook"):
        read_statements_bytes(liar, "liar.xlsx")
    assert time.process_time() - start < 1.0


def test_too_many_parts_and_too_high_a_ratio_are_refused():
    many = _zip([(f"x{i}.xml", *_deflated(b"")) for i in range(limits.MAX_XLSX_PARTS + 1)])
    with pytest.raises(TooBig, match="parts inside"):
        check_xlsx("many.xlsx", many)
    ratio = _zip([("xl/sharedStrings.xml", *_deflated(b"\0" * (5 * 1024 * 1024)))])
    with pytest.raises(TooBig, match="times smaller"):
        check_xlsx("ratio.xlsx", ratio)


def test_a_huge_zip_index_is_refused_before_it_is_parsed():
    data = bytearray(_zip([("a.xml", *_deflated(b"<a/>"))]))
    struct.pack_into("<HHI", data, len(data) - 22 + 8, 60000, 60000, 10_000_000)
    start = time.process_time()
    with pytest.raises(TooBig, match="parts inside"):
        check_xlsx("index.xlsx", bytes(data))
    assert time.process_time() - start < 0.1


def test_an_ordinary_workbook_passes(tmp_path):
    book = openpyxl.Workbook()
    for i in range(2000):
        book.active.append([f"R-{i}", "person", "Working", "Good support " * 20])
    out = io.BytesIO()
    book.save(out)
    check_xlsx("fine.xlsx", out.getvalue())


def test_a_file_over_the_byte_limit_is_refused_naming_both_sizes(workshop, tmp_path):
    data = HEADER.encode() + b"R-1,person,working," + b"x" * (21 * 1024 * 1024) + b"\n"
    with pytest.raises(TooBig) as refused:
        import_upload(workshop, data, "big.csv")
    assert str(refused.value) == ("big.csv is 21.1 MB; the limit is 20 MB: split it into smaller "
                                  "files, then try again.")
    path = tmp_path / "big.csv"
    path.write_bytes(data)
    with pytest.raises(TooBig, match="big.csv is 21.1 MB"):
        import_file(workshop, path)
    assert workshop.statements.empty


def test_rows_past_the_cap_refuse_the_file_and_write_nothing(workshop):
    body = "".join(f"R-{i},person,working,Good {i}\n" for i in range(limits.MAX_ROWS))
    data = (HEADER + body).encode()
    before = workshop.revision
    with pytest.raises(TooBig, match="more than 50,000 rows; the limit is 50,000"):
        import_upload(workshop, data, "rows.csv")
    assert workshop.statements.empty and workshop.revision == before


def test_the_last_row_allowed_is_read(workshop, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 11)
    body = "".join(f"R-{i},person,working,Good {i}\n" for i in range(10))
    assert import_upload(workshop, (HEADER + body).encode(), "ok.csv").added == 10


def test_xlsx_rows_past_the_cap_are_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 100)
    book = openpyxl.Workbook()
    book.active.title = "Reviews"
    book.active.append(["Review ref", "Perspective", "Kind", "Statement"])
    for i in range(150):
        book.active.append([f"R-{i}", "person", "Working", f"Good {i}"])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(TooBig, match="Sheet 'Reviews' of r.xlsx has more than 100 rows"):
        read_statements_bytes(out.getvalue(), "r.xlsx")


def test_reading_stops_one_row_past_the_cap():
    pulled = []

    def rows():
        for i in range(10**9):
            pulled.append(i)
            yield i

    with pytest.raises(TooBig):
        list(capped_rows(rows(), "x.csv", limit=5))
    assert len(pulled) == 6


def test_files_at_once_and_their_total():
    check_upload_count(MAX_UPLOAD_FILES)
    with pytest.raises(TooBig, match="11 files were chosen at once; the limit is 10"):
        check_upload_count(MAX_UPLOAD_FILES + 1)
    with pytest.raises(TooBig, match="come to 60 MB; the limit at once is 50 MB"):
        check_upload_total(60 * 1024 * 1024)


def test_a_deck_past_its_row_limit_is_refused(tmp_path):
    path = tmp_path / "deck.csv"
    path.write_text("title,situation\n" + "".join(f"T{i},S{i}\n" for i in range(600)))
    with pytest.raises(TooBig, match="more than 500 rows; the limit is 500"):
        load_deck(path)


def test_the_limits_are_documented_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Files you can bring in", 1)[1].split("\n## ", 1)[0]
    for figure in ("20 MB", "50,000", "10 files", "50 MB", "200 MB", "100 MB", "1,000,000,000,000"):
        assert figure in section, figure
