"""Every model drawn with every overlay: size for a projector, legible rungs, alt text figures."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from workbook.charts.base import DPI
from workbook.ladder.charts import Marker, compare_chart, model_chart
from workbook.ladder.models import DELIVER_AXIS, DESIGN_AXIS, MODELS

OVERLAYS = ["plain", "votes", "markers", "both"]


def overlay(key: str, kind: str) -> dict:
    model = MODELS[key]
    n = len(model.rungs)
    out: dict = {}
    if kind in ("votes", "both"):
        out["counts"] = {r.number: (r.number * 3) % 7 for r in model.rungs}
        out["suggested"] = n // 2
    if kind in ("markers", "both"):
        out["markers"] = [Marker("Analyse", 1, n), Marker("Plan", 2, 2), Marker("Do", None, 3)]
    return out


def rung_texts(fig: Figure, model) -> list:
    """Drawn names: ladders and circles number them ("3. Tokenism"); the levels and the
    matrix do not (the seed numbers levels, not faces, and no cell)."""
    names = [r.name.split()[0] for r in model.rungs if r.named]
    numbered = model.shape in ("ladder", "circle")
    return [t for ax in fig.axes for t in ax.texts
            if any(name in t.get_text() for name in names)
            and (". " in t.get_text() or not numbered)
            and t.get_text().replace("\n", " ") not in (*DESIGN_AXIS, *DELIVER_AXIS)]


@pytest.mark.parametrize("kind", OVERLAYS)
@pytest.mark.parametrize("key", sorted(MODELS))
def test_every_model_and_overlay(key, kind, tmp_path):
    model = MODELS[key]
    args = overlay(key, kind)
    chart = model_chart(model, **args)
    fig = chart.figure
    assert tuple(round(v * DPI) for v in fig.get_size_inches()) == (1920, 1080)
    # every rung's name is drawn, in type of at least 24 px at 1920x1080
    texts = rung_texts(fig, model)
    assert len(texts) >= len([r for r in model.rungs if r.named])
    for t in texts:
        assert t.get_fontsize() * DPI / 72 >= 24
    if "counts" in args:
        for r in model.rungs:  # alt text states each rung's count (a blank cell's if any)
            if r.named or args["counts"][r.number]:
                assert f"{r.label}: {args['counts'][r.number]}" in chart.alt
        assert f"Suggested {model.unit}: {model.rung(args['suggested']).label}" in chart.alt
        assert chart.data["votes"].tolist() == [args["counts"][r.number] for r in model.rungs]
        assert chart.data["suggested"].sum() == 1
    else:
        assert "votes" not in chart.data.columns and "Votes per" not in chart.alt
    if "markers" in args:
        assert f"Analyse: now {model.rung(1).label}, target {model.rung(len(model.rungs)).label}"\
            in chart.alt
        assert "Do: now not set, target " in chart.alt
        assert chart.data["Plan now"].sum() == 1 and chart.data["Do now"].sum() == 0
    png, csv = chart.save(tmp_path)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert csv.read_text().splitlines()[0].startswith("number,name,group")


def test_partial_reveal_hides_numbers_until_the_end():
    model = MODELS["hart"]
    counts = {3: 4, 5: 9}
    half = model_chart(model, counts, reveal=0.5)
    full = model_chart(model, counts, reveal=1.0)
    assert "being revealed" in half.alt and "5. Consulted and informed: 9" in full.alt
    vote_labels = [t.get_text() for t in half.figure.axes[0].texts if "vote" in t.get_text()]
    assert vote_labels == []
    vote_labels = [t.get_text() for t in full.figure.axes[0].texts if "vote" in t.get_text()]
    assert "9 votes" in vote_labels and "0 votes" in vote_labels and len(vote_labels) == 8


def test_compare_two_assessments():
    model = MODELS["tlap"]
    last = [Marker("Analyse", 2, 5)]
    this = [Marker("Analyse", 4, 6)]
    chart = compare_chart(model, last, this, "Last year", "This year")
    assert len(chart.figure.axes) == 2
    assert "Last year: Analyse: now 2. Educating, target 5. Engagement." in chart.alt
    assert "This year: Analyse: now 4. Consultation, target 6. Co-design." in chart.alt
    assert chart.data.to_dict("records") == [
        {"assessment": "Last year", "stage": "Analyse", "now": 2, "target": 5},
        {"assessment": "This year", "stage": "Analyse", "now": 4, "target": 6},
    ]


def test_levels_drawn_as_the_seed_draws_them():
    """Four levels numbered from the top, negative faces left, positive right, under the
    context a trainer points at; the alt text says so."""
    model = MODELS["levels"]
    chart = model_chart(model, {1: 2, 8: 5})
    texts = {t.get_text().replace("\n", " "): t for t in chart.figure.axes[0].texts}
    levels = [texts[f"{i}. {g.upper()}"] for i, g in enumerate(
        ["Citizen control", "Shared power", "Consultation", "Communication"], 1)]
    heights = [t.get_position()[1] for t in levels]
    assert heights == sorted(heights, reverse=True)  # 1 at the top
    neg = texts["− Abdication of responsibility"].get_position()
    pos = texts["+ Decision making power"].get_position()
    assert neg[0] < levels[0].get_position()[0] < pos[0]
    assert neg[1] == pos[1] > texts["− Manipulation"].get_position()[1]
    assert ("Negative context Negative motivation Limited capacity Insufficient assurances"
            in texts)
    assert "Positive context Positive motivation Sufficient capacity Sufficient assurances" \
        in texts
    assert chart.alt.startswith(
        "Levels of engagement, negative and positive: 4 levels numbered from the top "
        "(1. Citizen control, 2. Shared power, 3. Consultation, 4. Communication), each with a "
        "negative face in a negative context (negative motivation, limited capacity, "
        "insufficient assurances) and a positive face in a positive context")
    assert ("1. Citizen control: Decision making power (positive): 5; "
            "2. Shared power: Tokenism (negative): 0" in chart.alt)
    assert "4. Communication: Manipulation (negative): 2" in chart.alt


def test_matrix_draws_the_blank_cells_blank():
    model = MODELS["matrix"]
    chart = model_chart(model, {5: 3})
    drawn = [t.get_text().replace("\n", " ") for t in chart.figure.axes[0].texts]
    for old in ("Designed by people", "People-designed", "co-designed service",
                "Traditional professional service"):
        assert not any(old in t for t in drawn)
    assert "Traditional service model" in drawn and "Co-produced services" in drawn
    assert "3 votes" in drawn and drawn.count("0 votes") == 5  # none on the blank cells
    assert "6 named and 3 left unnamed" in chart.alt
    assert "Unnamed" not in chart.alt  # no votes there: not listed
    assert "Unnamed cell (people design, professionals deliver): 4" in model_chart(
        model, {3: 4}).alt  # an older store's vote there is still said
