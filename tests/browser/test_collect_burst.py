"""A burst at Collect (issue 15, "nothing typed is lost"): four table laptops type five
statements each into 01 Collect at the same time, as fast as a browser can; every statement
is saved and every box is empty afterwards."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

COLLECT = "02_collect.ipynb"
TABLES, STATEMENTS = 4, 5


def test_four_tables_typing_at_once_lose_nothing(context_factory, open_stage, button, store,
                                                  poll):
    word = f"burst{uuid.uuid4().hex[:8]}"
    forms = []
    for t in range(1, TABLES + 1):
        page = open_stage(context_factory(), COLLECT, f"Burst {t}")
        form = page.locator(".wtfc-collect-add")
        form.get_by_label("Review", exact=True).fill(f"R-{900 + t}")
        button(form, "Working").first.click()
        forms.append((page, form))
    # Round by round, each table fills its box and presses Add without waiting for the save:
    # the four kernels write while the next clicks arrive.
    for k in range(1, STATEMENTS + 1):
        for t, (_page, form) in enumerate(forms, start=1):
            form.get_by_label("What they said").fill(f"Statement {k} of table {t} {word}")
            button(form, "Add statement").click()

    def saved() -> int:
        return int(store.statements["text"].str.contains(word, regex=False).sum())

    poll(lambda: saved() >= TABLES * STATEMENTS, timeout=40,
         what=f"all {TABLES * STATEMENTS} statements reaching the store")
    texts = set(store.statements.loc[store.statements["text"].str.contains(word, regex=False),
                                     "text"])
    assert texts == {f"Statement {k} of table {t} {word}"
                     for k in range(1, STATEMENTS + 1) for t in range(1, TABLES + 1)}
    actors = store.statements.loc[store.statements["text"].str.contains(word, regex=False)]
    for page, form in forms:
        expect(form.get_by_label("What they said")).to_have_value("", timeout=15_000)
        assert "went wrong" not in page.locator(".wtfc-message-area").inner_text()
    assert len(actors) == TABLES * STATEMENTS  # none saved twice
