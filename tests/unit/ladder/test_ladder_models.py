"""The models of participation as data: complete, consistent, and as the sources give them."""

from __future__ import annotations

import pytest

from workbook import InputError
from workbook.ladder.models import MODELS, STAGES, get_model, stage

EXPECTED = {
    # key: (shape, {group: [rung names bottom to top]})
    "hart": ("ladder", {
        "Non-participation": ["Manipulation", "Decoration", "Tokenism"],
        "Degrees of participation": [
            "Assigned but informed", "Consulted and informed",
            "Adult-initiated, shared decisions with children", "Child-initiated and directed",
            "Child-initiated, shared decisions with adults"],
    }),
    "arnstein": ("ladder", {
        "Non-participation": ["Manipulation", "Therapy"],
        "Tokenism": ["Informing", "Consultation", "Placation"],
        "Citizen power": ["Partnership", "Delegated power", "Citizen control"],
    }),
    "tlap": ("ladder", {
        "Doing to": ["Coercion", "Educating"],
        "Doing for": ["Informing", "Consultation", "Engagement"],
        "Doing with": ["Co-design", "Co-production"],
    }),
    "spectrum": ("ladder", {
        "Communication": ["Communication"], "Consultation": ["Consultation"],
        "Engagement": ["Engagement"], "Co-production": ["Co-production"],
    }),
    "levels": ("ladder", {
        "Communication": ["Manipulation", "Information"],
        "Consultation": ["Appeasement", "Influence"],
        "Shared power": ["Tokenism", "Co-operation"],
        "Citizen control": ["Abdication of responsibility", "Decision-making power"],
    }),
}


def test_the_seven_models_are_there():
    assert set(MODELS) == {"hart", "arnstein", "tlap", "treseder", "spectrum", "levels",
                           "matrix"}
    assert MODELS["treseder"].shape == "circle"
    assert MODELS["matrix"].shape == "matrix"


@pytest.mark.parametrize("key", sorted(MODELS))
def test_numbering_groups_and_descriptions(key):
    model = MODELS[key]
    assert [r.number for r in model.rungs] == list(range(1, len(model.rungs) + 1))
    # every rung in exactly one group, and that group is one of the model's groups
    for r in model.rungs:
        assert [g for g in model.groups if g == r.group] == [r.group]
    assert sum(len(model.group_rungs(g)) for g in model.groups) == len(model.rungs)
    assert all(model.group_rungs(g) for g in model.groups), "a group without rungs"
    # groups are contiguous bands, in the model's order, bottom to top
    order = [model.groups.index(r.group) for r in model.rungs]
    assert order == sorted(order)
    assert len({r.name for r in model.rungs}) == len(model.rungs)
    for r in model.rungs:
        sentences = [s for s in r.description.replace("!", ".").split(".") if s.strip()]
        assert 1 <= len(sentences) <= 2, r.description
        assert 20 <= len(r.description) <= 240
    assert model.source and model.name


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_rungs_and_groups_as_the_sources_give_them(key):
    shape, groups = EXPECTED[key]
    model = MODELS[key]
    assert model.shape == shape
    assert list(model.groups) == list(groups)
    assert {g: [r.name for r in model.group_rungs(g)] for g in model.groups} == groups


def test_levels_have_a_negative_then_positive_face():
    model = MODELS["levels"]
    for group in model.groups:
        assert [r.face for r in model.group_rungs(group)] == ["negative", "positive"]


def test_treseder_has_five_degrees():
    model = MODELS["treseder"]
    assert len(model.rungs) == 5 and len(model.groups) == 1


def test_matrix_covers_every_cell_once():
    model = MODELS["matrix"]
    assert sorted(r.cell for r in model.rungs) == [(d, v) for d in range(3) for v in range(3)]
    assert model.rung(1).name == "Traditional professional service"
    assert model.rung(1).cell == (0, 0)
    assert model.rung(5).cell == (1, 1)
    assert model.rung(9).name == "Self-organised community provision"
    assert model.rung(9).cell == (2, 2)
    for r in model.rungs:  # the group is the row: who delivers
        assert r.group == model.groups[r.cell[1]]


def test_parse_by_number_or_name_and_clear_errors():
    hart = MODELS["hart"]
    assert hart.parse("5") == 5 and hart.parse(3.0) == 3
    assert hart.parse("  decoration ") == 2
    assert hart.parse("") is None and hart.parse(None) is None
    with pytest.raises(InputError, match="no rung 9: choose 1 to 8"):
        hart.parse(9)
    with pytest.raises(InputError, match="not a step of Ladder of co-production"):
        MODELS["tlap"].parse("Shouting")


def test_get_model_and_stages():
    assert get_model("tlap").key == "tlap"
    with pytest.raises(InputError, match="Choose one of"):
        get_model("ladder")
    assert STAGES == ("analyse", "plan", "do", "review")
    assert stage("Understand") == "analyse" and stage("Do (deliver and buy)") == "do"
    with pytest.raises(InputError):
        stage("celebrate")
