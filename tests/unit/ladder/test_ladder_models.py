"""The models of participation as data: complete, consistent, and as the sources give them."""

from __future__ import annotations

import pytest

from workbook import InputError
from workbook.ladder.models import LEVELS_CONTEXT, MODELS, STAGES, get_model, stage

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
    # 000 numbers the levels from the top: 1 Citizen control ... 4 Communication
    "levels": ("levels", {
        "Citizen control": ["Abdication of responsibility", "Decision making power"],
        "Shared power": ["Tokenism", "Co-operation"],
        "Consultation": ["Appeasement", "Influence"],
        "Communication": ["Manipulation", "Information"],
    }),
    # 003: Inform, Consult and Involve, and Represent added by RCPCH
    "rcpch": ("ladder", {
        "Degrees of participation": ["Inform", "Consult", "Involve"],
        "Added by RCPCH": ["Represent"],
    }),
}


def test_the_eight_models_are_there():
    assert set(MODELS) == {"hart", "arnstein", "tlap", "treseder", "spectrum", "levels",
                           "matrix", "rcpch"}
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
    # groups are contiguous bands, in the model's order: bottom to top, or for the levels of
    # engagement top (1) to bottom (4) as the seed numbers them
    order = [model.groups.index(r.group) for r in model.rungs]
    assert order == sorted(order, reverse=key == "levels")
    named = [r for r in model.rungs if r.named]
    assert len({r.name for r in named}) == len(named)
    for r in named:
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


def test_levels_numbered_and_faced_as_the_seed_draws_them():
    model = MODELS["levels"]
    # level number, level, negative face, positive face: 000's "Which level of engagement?"
    seed = [(1, "Citizen control", "Abdication of responsibility", "Decision making power"),
            (2, "Shared power", "Tokenism", "Co-operation"),
            (3, "Consultation", "Appeasement", "Influence"),
            (4, "Communication", "Manipulation", "Information")]
    got = [(r.level, r.group, r.name) for r in model.options()]
    assert got == [x for n, g, neg, pos in seed for x in ((n, g, neg), (n, g, pos))]
    assert [r.face for r in model.options()] == ["negative", "positive"] * 4
    assert model.options()[0].label == ("1. Citizen control: Abdication of responsibility "
                                        "(negative)")
    assert model.options()[-1].label == "4. Communication: Information (positive)"
    # no face is numbered on its own: the old "1. Manipulation ... 8. Decision-making power"
    assert not any(r.label.startswith(f"{r.number}. {r.name}") for r in model.rungs)
    # the stored positions keep their meaning: a store made before reads the same face
    assert model.rung(1).name == "Manipulation" and model.rung(8).name == "Decision making power"
    # the context a trainer points at
    assert LEVELS_CONTEXT == {
        "negative": ("Negative context", ("Negative motivation", "Limited capacity",
                                          "Insufficient assurances")),
        "positive": ("Positive context", ("Positive motivation", "Sufficient capacity",
                                          "Sufficient assurances")),
    }
    assert "motivation, capacity and assurances" in model.note


def test_levels_in_a_deck_by_level_and_face_or_name_never_a_bare_number():
    model = MODELS["levels"]
    assert model.parse("1 positive") == 8 and model.parse("1+") == 8
    assert model.parse("4 negative") == 1 and model.parse("4 −") == 1
    assert model.parse("Consultation positive") == 4
    assert model.parse("decision-making power") == 8  # the name this project used before
    assert model.parse(3) == 3  # a page's choice: the stored position
    with pytest.raises(InputError, match="names a level, not a face: write '3 negative' or "
                                         "'3 positive', or the face's name "
                                         r"\(Appeasement or Influence\)"):
        model.parse("3")
    with pytest.raises(InputError, match="levels run 1 to 4"):
        model.parse("6")


def test_rcpch_degrees_as_in_003():
    model = MODELS["rcpch"]
    assert [r.label for r in model.rungs] == ["1. Inform", "2. Consult", "3. Involve",
                                              "4. Represent"]
    assert "peers at strategic forums" in model.rung(4).description
    assert model.unit == "degree" and "Paediatrics and Child Health" in model.source


def test_treseder_has_five_degrees():
    model = MODELS["treseder"]
    assert len(model.rungs) == 5 and len(model.groups) == 1


def test_matrix_covers_every_cell_once():
    model = MODELS["matrix"]
    assert sorted(r.cell for r in model.rungs) == [(d, v) for d in range(3) for v in range(3)]
    assert model.rung(1).name == "Traditional service model"
    assert model.rung(1).cell == (0, 0)
    assert model.rung(5).cell == (1, 1)
    assert model.rung(9).name == "Self-organised community provision"
    assert model.rung(9).cell == (2, 2)
    for r in model.rungs:  # the group is the row: who delivers
        assert r.group == model.groups[r.cell[1]]


def test_matrix_names_only_the_cells_the_seed_names():
    model = MODELS["matrix"]
    # 000 (New Economics Foundation): who designs x who delivers, six cells named
    named = {r.cell: r.name for r in model.rungs if r.named}
    assert named == {
        (0, 0): "Traditional service model", (1, 0): "Co-designed services",
        (0, 1): "Co-delivered services", (1, 1): "Co-produced services",
        (0, 2): "People trained to deliver services",
        (2, 2): "Self-organised community provision"}
    blank = [r for r in model.rungs if not r.named]
    assert [r.number for r in blank] == [3, 6, 8]
    assert blank[0].label == "Unnamed cell (people design, professionals deliver)"
    assert [r.number for r in model.options()] == [9, 7, 5, 4, 2, 1]
    with pytest.raises(InputError, match="leaves the cell where people design, "
                                         "professionals deliver unnamed"):
        model.parse("3")
    assert model.parse("Co-produced service") == 5  # a name older decks hold
    assert model.groups == ("Professionals deliver services", "Professionals & people together",
                            "People deliver services")


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
