"""Members' links and their printable cards; the QR code encodes exactly the link."""

from __future__ import annotations

import pytest

from workbook.access import keys
from workbook.access.member_links import cards_html, member_links
from workbook.access.qr import qr_svg
from workbook.paths import sample_dir
from workbook.tender.sample import load_tender_sample

zxingcpp = pytest.importorskip("zxingcpp")


def decode_svg(svg: str) -> str:
    """Rasterise our QR SVG (squares on a grid) and read it back with zxing-cpp."""
    import re

    import numpy as np

    scale = int(re.search(r"scale\((\d+)\)", svg).group(1))
    size = int(re.search(r'width="(\d+)"', svg).group(1)) // scale
    img = np.full((size, size), 255, dtype=np.uint8)
    path = re.search(r'stroke="#000" d="([^"]+)"', svg).group(1)
    x = y = 0.0
    for op, a, b in re.findall(r"([Mmhv])(-?[\d.]+)(?:\s(-?[\d.]+))?", path):
        a = float(a)
        if op == "M":
            x, y = a, float(b)
        elif op == "m":
            x, y = x + a, y + float(b)
        elif op == "h":
            row = int(y - 0.5)
            img[row, int(x):int(x + a)] = 0
            x += a
    big = np.kron(img, np.ones((6, 6), dtype=np.uint8))
    results = zxingcpp.read_barcodes(big)
    assert results, "no QR code found"
    return results[0].text


def test_qr_svg_encodes_the_link():
    link = "http://192.168.1.20:8866/?key=65S8-VXMB-WF4K"
    assert decode_svg(qr_svg(link)) == link


def test_member_links_and_cards(workshop):
    load_tender_sample(workshop.tender, sample_dir() / "tender_evaluation.xlsx")
    links = member_links(workshop, "http://10.0.0.5:8866/")
    assert links and len({link.url for link in links}) == len(links)
    with workshop.store.read() as conn:
        for link in links:
            key = link.url.rsplit("key=", 1)[1]
            assert keys.lookup(conn, key).member_id == link.member_id
            assert link.url.startswith("http://10.0.0.5:8866/voila/render/tender_scoring.ipynb")
    assert member_links(workshop, "http://10.0.0.5:8866/") == links  # the same links again
    page = cards_html("<script>x</script>", links)
    assert "<script>x" not in page and "&lt;script&gt;" in page
    assert page.count("class='card'") == len(links)
    assert decode_svg(qr_svg(links[0].url)) == links[0].url
