"""A last event with something of every kind to carry (or leave behind), for the cycle tests."""

from __future__ import annotations

from workbook import Workshop

EVIL = "<img src=x onerror=alert(1)>"


def last_event(ws: Workshop) -> dict[str, int]:
    """Fill `ws`: 4 reviews, two live themes and a deleted one, success statements, an open
    and a done action, three indicators (measured, measured after its target date, not
    measured). Returns the ids the tests look at."""
    out = ws.add_theme("Getting out", "I go out when I want")
    money = ws.add_theme("Économie", EVIL)
    gone = ws.add_theme("Deleted theme")
    ids = [ws.add_statement(f"R-{n}", kind, "person", f"Said {n}")
           for n, kind in ((1, "not_working"), (2, "not_working"), (3, "working"),
                           (4, "not_working"))]
    ws.assign(ids[:3], out)
    ws.assign(ids[3:], money)
    ws.vote("T1", theme_id=out)
    ws.delete_theme(gone)
    s_out = ws.add_success(out, "person", "I get home safely after the club")
    s_staff = ws.add_success(out, "staff", "We plan rotas around evenings")
    s_money = ws.add_success(money, "family", "I know what she spends")
    open_action = ws.add_action(out, "Evening taxi scheme", "Transport lead", "2027-03-31",
                                success_ids=[s_out, s_staff], status="in progress")
    ws.add_action(money, "Easy-read bank statements", "Finance", "2027-01-31",
                  success_id=s_money, status="done")
    measured = ws.add_indicator(s_out, "People home after 9pm", 2, 20, baseline_on="2026-01-01",
                                target_on="2027-12-31", unit="people")
    ws.add_measurement(measured, "2026-06-01", 8)
    ws.add_measurement(measured, "2026-09-01", 11)
    passed = ws.add_indicator(s_staff, "Evening rotas", 0, 10, baseline_on="2026-01-01",
                              target_on="2026-06-30")
    ws.add_measurement(passed, "2026-10-01", 4)
    ws.add_indicator(s_money, "Statements read", 1, 5, baseline_on="2026-02-01",
                     target_on="2027-02-01", unit="%")
    return {"out": out, "money": money, "open_action": open_action}
