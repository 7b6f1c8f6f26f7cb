"""A small workshop where one review's person said no to their words being used (tests share it)."""

from __future__ import annotations

from sqlalchemy import update

from workbook import Workshop
from workbook.store import db

SECRET = "My purple giraffe umbrella keeps me dry"  # R-NO's words: never shown to others
SECRET_TOO = "The zebra crossing by the quay frightens me"
SHOWN = "I like my keyworker"  # R-YES's words: shown as ever


def set_consent(ws: Workshop, ref: str, consent: bool | None) -> None:
    """As the Prepare page records it (that page is built elsewhere; its store is one column)."""
    with ws.store.write("setup", f"Consent for {ref}") as tx:
        tx.conn.execute(update(db.reviews).where(db.reviews.c.ref == ref).values(consent=consent))
        tx.touched.add("reviews")
        tx.not_undoable = True


def fill(ws: Workshop) -> dict[str, int]:
    """R-NO (no consent): two statements; R-YES (consent) and R-OLD (not recorded): one each.
    All in one theme with a dot, a cause, a success statement and an action, so the golden
    thread quotes them."""
    ids = {
        "secret": ws.add_statement("R-NO", "not_working", "family", SECRET, actor="setup"),
        "secret_too": ws.add_statement("R-NO", "future", "person", SECRET_TOO, actor="setup"),
        "shown": ws.add_statement("R-YES", "working", "person", SHOWN, actor="setup"),
        "old": ws.add_statement("R-OLD", "not_working", "staff", "Rotas change", actor="setup"),
    }
    set_consent(ws, "R-NO", False)
    set_consent(ws, "R-YES", True)
    theme = ws.add_theme("Getting out", "I go out when I want", actor="setup")
    ws.assign(list(ids.values()), theme, actor="setup")
    ws.vote("A", theme_id=theme, actor="setup")
    cause = ws.add_cause(theme, "Support ends at 6pm", actor="setup")
    success = ws.add_success(theme, "person", "I get home when I choose", cause, actor="setup")
    ws.add_action(theme, "Evening support rota", "Commissioner", "2027-03-31",
                  cause_id=cause, success_id=success, actor="setup")
    return {**ids, "theme": theme}
