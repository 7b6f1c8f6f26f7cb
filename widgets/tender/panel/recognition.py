"""The facilitator's tools for the young people's panel: who to turn to and the reward rates
(on Set up), then hours, rewards and expenses, certificates, and the outcome (Panel view)."""

from __future__ import annotations

import base64

import ipywidgets as w

from widgets.common.cards import esc
from widgets.common.controls import STYLE, labelled_box, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Hush
from widgets.tender.moderate import need_facilitator
from widgets.tender.parts import scroll_box, table_html
from workbook import InputError
from workbook.tender.panel import briefing as core
from workbook.tender.panel.certificates import write_certificates
from workbook.tender.panel.outcome import final_reason, mark_final
from workbook.tender.panel.panel_export import write_outcome
from workbook.tender.panel.recognition import (
    HALF_DAY_HOURS,
    money,
    recognition,
    record,
    write_payments,
)
from workbook.tender.read import roster
from workbook.text import plural

KINDS = [(label, kind) for kind, label in core.REWARD_KINDS.items()]
MIME = {".html": "text/html", ".docx": "application/vnd.openxmlformats-officedocument."
        "wordprocessingml.document", ".xlsx": "application/vnd.openxmlformats-"
        "officedocument.spreadsheetml.sheet"}


def download_links(paths) -> str:
    """Links that download each file (it is in the outputs folder as well)."""
    items = []
    for p in paths:
        data = base64.b64encode(p.read_bytes()).decode("ascii")
        items.append(f'<li><a class="wtfc-download" download="{esc(p.name)}" '
                     f'href="data:{MIME.get(p.suffix, "application/octet-stream")};base64,'
                     f'{data}">Download {esc(p.name)}</a></li>')
    return "<ul>" + "".join(items) + "</ul>"


class PanelCare:
    """`setup_box` goes on Set up; `box` is the Panel view."""

    def __init__(self, page):
        self.page = page
        self.messages = page.messages
        self.quiet = Hush()
        # --- on Set up: preparing the panel ---
        self.contact_role = w.Text(description="Independent person (their role)", style=STYLE,
                                   layout=wide(40), placeholder="e.g. Participation officer")
        self.contact_details = w.Text(description="How to reach them", style=STYLE,
                                      layout=wide(40), placeholder="e.g. in the room, or a "
                                                                   "phone number")
        self.reward_kind = w.ToggleButtons(options=KINDS, value="vouchers",
                                           description="Reward given as", style=STYLE)
        self.half_day_rate = w.Text(description="Half-day rate (£)", style=STYLE,
                                    layout=wide(20))
        self.full_day_rate = w.Text(description="Full-day rate (£)", style=STYLE,
                                    layout=wide(20))
        self.next_steps = w.Textarea(description="What happens next (for the outcome)",
                                     style=STYLE, layout=wide(60, height="5rem"))
        self.settings_button = w.Button(description="Save panel settings",
                                        button_style="primary")
        self.settings_button.on_click(lambda _b: self.save_settings())
        self.briefed = w.HTML()
        self.setup_box = labelled_box("Preparing the young people's panel", [
            w.HTML("<p>Members tick a briefing before they score, once you name the "
                   "independent person they can turn to.</p>"),
            self.contact_role, self.contact_details, self.reward_kind, self.half_day_rate,
            self.full_day_rate, self.next_steps, w.HBox([self.settings_button]), self.briefed],
            css="wtfc-tender-panel-setup")
        # --- the Panel view: recognition ---
        self.member = w.Dropdown(description="Young person", style=STYLE, layout=wide(30))
        self.member.observe(lambda _c: None if self.quiet.on else self._fill_member(),
                            "value")
        self.hours_day = w.Text(description="Hours on the day", style=STYLE, layout=wide(20))
        self.hours_prep = w.Text(description="Hours preparing", style=STYLE, layout=wide(20))
        self.expenses = w.Text(description="Expenses (£)", style=STYLE, layout=wide(20))
        self.member_kind = w.ToggleButtons(options=KINDS, value="vouchers",
                                           description="Reward as", style=STYLE)
        self.record_button = w.Button(description="Save hours and expenses",
                                      button_style="primary")
        self.record_button.on_click(lambda _b: self.save_record())
        self.table = w.HTML()
        self.pay_button = w.Button(description="Payment sheet and certificates",
                                   tooltip="The payment sheet (XLSX) and a certificate for "
                                           "each young person (Word), in the outputs folder")
        self.pay_button.on_click(lambda _b: self.make_payments())
        self.pay_links = w.HTML()
        # --- the Panel view: the outcome ---
        self.final_html = w.HTML()
        self.final_button = w.Button(description="Mark results final",
                                     tooltip="Say the results are final, so the young "
                                             "people can be told the outcome")
        self.final_button.on_click(lambda _b: self.set_final(True))
        self.unfinal_button = w.Button(description="Not final after all")
        self.unfinal_button.on_click(lambda _b: self.set_final(False))
        self.outcome_button = w.Button(description="Outcome for the panel",
                                       button_style="success",
                                       tooltip="An easy-read outcome for the young people: "
                                               "HTML and Word, large print")
        self.outcome_button.on_click(lambda _b: self.make_outcome())
        self.outcome_links = w.HTML()
        self.box = w.HBox([
            labelled_box("Hours, rewards and expenses", [
                self.member, self.hours_day, self.hours_prep, self.expenses, self.member_kind,
                w.HBox([self.record_button]), self.table,
                w.HBox([self.pay_button]), self.pay_links], css="wtfc-tender-recognition"),
            labelled_box("Telling the panel the outcome", [
                self.final_html, w.HBox([self.final_button, self.unfinal_button]),
                w.HBox([self.outcome_button]), self.outcome_links],
                css="wtfc-tender-outcome"),
        ], layout=w.Layout(width="100%", grid_gap="1rem"))
        self.rows: list = []

    # --- drawing ---------------------------------------------------------------------------
    def redraw(self) -> None:
        tender = self.page.workshop.tender
        s = core.settings(tender)
        with self.quiet():
            self.contact_role.value, self.contact_details.value = (s.contact_role,
                                                                   s.contact_details)
            self.reward_kind.value = s.reward_kind
            self.half_day_rate.value = f"{s.half_day_rate}"
            self.full_day_rate.value = f"{s.full_day_rate}"
            self.next_steps.value = s.next_steps
        self._draw_briefed(s)
        self.rows = recognition(tender)
        with self.quiet():
            set_options(self.member, [(r.member, r.member) for r in self.rows],
                        self.member.value)
        self._fill_member()
        self.table.value = scroll_box(table_html(
            ("Young person", "Hours (with preparing)", "Half days", "Reward", "Expenses",
             "To pay"),
            [(r.member, f"{r.hours:g} ({r.hours_prep:g} preparing)" if r.entered else
              "not entered", r.half_days, f"{money(r.reward)} {r.reward_kind}",
              money(r.expenses), money(r.to_pay)) for r in self.rows],
            f"{plural(len(self.rows), 'young person', 'young people')}: a half day is up to "
            f"{HALF_DAY_HOURS:g} hours; half day {money(s.half_day_rate)}, full day "
            f"{money(s.full_day_rate)}"), "Hours, rewards and expenses", noun="young person",
            nouns="young people")
        ev, problems = tender.evaluation()
        reason = final_reason(tender, problems)
        self.final_html.value = (
            f"<p class='wtfc-tender-final' role='status'>✔ Final: {esc(reason)}</p>" if reason
            else "<p class='wtfc-tender-notfinal' role='status'>⚠ Not final yet: "
                 f"{esc(str(problems[0]).rstrip('.')) if problems else 'no scores are in'}. "
                 "The outcome can be told once every member has handed in, or when you mark "
                 "the results final.</p>")
        self.final_button.disabled = bool(s.final_at)
        self.unfinal_button.layout.display = None if s.final_at else "none"
        self.outcome_button.disabled = reason is None

    def _draw_briefed(self, s: core.PanelSettings) -> None:
        tender = self.page.workshop.tender
        with tender.store.read() as conn:
            people = roster(conn, tender.current_id(conn))
            done = [m["name"] for m in people
                    if core.ticked_items(conn, m["id"]) >= set(core.BRIEFING)]
        if not s.briefing_on:
            self.briefed.value = ("<p>⚠ No independent person named yet: members can score "
                                  "without the briefing until you save one.</p>")
        else:
            self.briefed.value = (f"<p role='status'>Briefing ticked by {len(done)} of "
                                  f"{plural(len(people), 'member')}"
                                  + (f": {esc(', '.join(done))}" if done else "") + ".</p>")

    def _fill_member(self) -> None:
        r = next((r for r in self.rows if r.member == self.member.value), None)
        if r is None:
            return
        with self.quiet():
            self.hours_day.value = f"{r.hours_day:g}" if r.entered else ""
            self.hours_prep.value = f"{r.hours_prep:g}" if r.entered else ""
            self.expenses.value = f"{r.expenses:.2f}" if r.entered else ""
            self.member_kind.value = r.reward_kind

    # --- actions ---------------------------------------------------------------------------
    @guarded
    def save_settings(self) -> None:
        need_facilitator(self.page, "set up the young people's panel")
        core.save_settings(self.page.workshop.tender, self.page.actor,
                           contact_role=self.contact_role.value,
                           contact_details=self.contact_details.value,
                           reward_kind=self.reward_kind.value,
                           half_day_rate=self.half_day_rate.value,
                           full_day_rate=self.full_day_rate.value,
                           next_steps=self.next_steps.value)
        self.page.after_write("Saved the panel settings: members tick the briefing before "
                              "they score.")

    @guarded
    def save_record(self) -> None:
        need_facilitator(self.page, "record young people's hours and expenses")
        if not self.member.value:
            raise InputError("There is no young people's panel member to record.")
        r = record(self.page.workshop.tender, self.member.value, self.page.actor,
                   hours_day=self.hours_day.value, hours_prep=self.hours_prep.value,
                   expenses=self.expenses.value, reward_kind=self.member_kind.value)
        self.page.after_write(f"Saved {r.member}: {r.hours:g} hours, reward {money(r.reward)} "
                              f"in {r.reward_kind}, expenses {money(r.expenses)}.")

    @guarded
    def make_payments(self) -> None:
        need_facilitator(self.page, "make the payment sheet and certificates")
        out = self.page.workshop.outputs
        paths = [write_payments(self.page.workshop.tender, out / "tender_panel_payments.xlsx"),
                 *write_certificates(self.page.workshop.tender, out / "certificates")]
        self.pay_links.value = download_links(paths)
        self.page.after_write(f"Wrote the payment sheet and "
                              f"{plural(len(paths) - 1, 'certificate')} to the outputs folder.")

    @guarded
    def set_final(self, final: bool) -> None:
        need_facilitator(self.page, "say whether the results are final")
        mark_final(self.page.workshop.tender, self.page.actor, final)
        self.page.after_write("The results are final: you can tell the panel the outcome."
                              if final else "The results are no longer marked final.")

    @guarded
    def make_outcome(self) -> None:
        need_facilitator(self.page, "make the outcome for the panel")
        paths = write_outcome(self.page.workshop.tender, self.page.workshop.outputs)
        self.outcome_links.value = download_links(paths)
        self.page.after_write("Wrote the outcome for the panel (HTML and Word, large print) "
                              "to the outputs folder.")
