"""Prepare page, who is invited: add, change and remove people by role."""

from __future__ import annotations

import ipywidgets as w

from widgets.common.cards import esc, scroll_region
from widgets.common.controls import STYLE, button, labelled_box, row, set_options, wide
from widgets.common.messages import guarded
from widgets.stages.prepare.layout import side_by_side
from workbook import InputError
from workbook.stages.prepare import Invitee
from workbook.stages.prepare_values import ROLES

ROLE_OPTIONS = [(label, key) for key, label in ROLES.items()]
NOBODY = 0


def invitees_html(people: list[Invitee]) -> str:
    """The people invited as a table: name, role, support needs, theming (all escaped)."""
    if not people:
        return "<p>Nobody invited yet. Add people below, by their role.</p>"
    rows = "".join(
        f"<tr><th scope='row'>{esc(p.name)}</th><td data-label='Role'>{esc(p.role_label)}</td>"
        f"<td data-label='Support needs'>{'Yes' if p.support_needs else 'No'}</td>"
        f"<td data-label='Took part in theming'>{'Yes' if p.theming else 'No'}</td></tr>"
        for p in people)
    table = (f"<table class='wtfc-grid wtfc-invitees'><caption>Who is invited ({len(people)})"
             "</caption><thead><tr><th scope='col'>Name or description</th>"
             "<th scope='col'>Role</th><th scope='col'>Support needs</th>"
             f"<th scope='col'>Took part in theming</th></tr></thead><tbody>{rows}</tbody></table>")
    return scroll_region(table, "Who is invited", "tbody tr", "person", "people")


class PeopleMixin:
    """Public controls: person_name, person_role, person_support, person_theming,
    add_person_button; people_list; person_select, edit_person_name, edit_person_role,
    edit_person_support, edit_person_theming, save_person_button, remove_person_button."""

    def _build_people(self) -> w.VBox:
        self.person_name = w.Text(description="Name or description", style=STYLE,
                                  layout=wide(30),
                                  placeholder="e.g. member of the carers' forum")
        self.person_role = w.Dropdown(description="Role", options=ROLE_OPTIONS, style=STYLE)
        self.person_support = w.Checkbox(description="Has support needs", indent=False,
                                         layout=w.Layout(width="auto"))
        self.person_theming = w.Checkbox(description="Took part in theming", indent=False,
                                         layout=w.Layout(width="auto"))
        self.add_person_button = button("Add to who is invited", "Add this person to the list",
                                        "primary")
        self.add_person_button.on_click(lambda _b: self.add_person())
        self.people_list = w.HTML(layout=w.Layout(width="100%"))
        self.person_select = w.Dropdown(description="Change who", style=STYLE, layout=wide(30))
        self.person_select.observe(lambda _c: self._fill_person(), "value")
        self.edit_person_name = w.Text(description="Name or description", style=STYLE,
                                       layout=wide(30))
        self.edit_person_role = w.Dropdown(description="Role", options=ROLE_OPTIONS, style=STYLE)
        self.edit_person_support = w.Checkbox(description="Has support needs", indent=False,
                                              layout=w.Layout(width="auto"))
        self.edit_person_theming = w.Checkbox(description="Took part in theming", indent=False,
                                              layout=w.Layout(width="auto"))
        self.save_person_button = button("Save changes", "Save the changes to this person")
        self.save_person_button.on_click(lambda _b: self.save_person())
        self.remove_person_button = button("Remove from the list", "Remove this person",
                                           "danger")
        self.remove_person_button.on_click(lambda _b: self.remove_person())
        self._person_edit = w.VBox([
            self.edit_person_name, self.edit_person_role,
            row(self.edit_person_support, self.edit_person_theming),
            row(self.save_person_button, self.remove_person_button)])
        add = labelled_box("Invite someone", [
            self.person_name, self.person_role, row(self.person_support, self.person_theming),
            row(self.add_person_button)])
        change = labelled_box("Change or remove someone", [self.person_select,
                                                           self._person_edit])
        return w.VBox([self.people_list, side_by_side(add, change)])

    def _draw_people(self) -> None:
        self._people = {p.id: p for p in self.workshop.invitees()}
        self.people_list.value = invitees_html(list(self._people.values()))
        choices = [("Choose someone…", NOBODY)] + [
            (f"{p.name} ({p.role_label})", p.id) for p in self._people.values()]
        with self._quiet():
            set_options(self.person_select, choices, fallback=NOBODY)
        self._fill_person()

    def _fill_person(self) -> None:
        if self._quiet.on:
            return
        person = self._people.get(self.person_select.value)
        self._person_edit.layout.display = None if person else "none"
        if person:
            self.edit_person_name.value = person.name
            self.edit_person_role.value = person.role
            self.edit_person_support.value = person.support_needs
            self.edit_person_theming.value = person.theming

    @guarded
    def add_person(self) -> None:
        name = self.person_name.value
        self.workshop.add_invitee(name, self.person_role.value,
                                  support_needs=self.person_support.value,
                                  theming=self.person_theming.value, actor=self.actor)
        self.person_name.value = ""
        self.person_support.value = self.person_theming.value = False
        self.after_write(f"Added {name.strip()} to who is invited.")

    @guarded
    def save_person(self) -> None:
        if self.person_select.value == NOBODY:
            raise_choose("person to change")
        self.workshop.edit_invitee(self.person_select.value, name=self.edit_person_name.value,
                                   role=self.edit_person_role.value,
                                   support_needs=self.edit_person_support.value,
                                   theming=self.edit_person_theming.value, actor=self.actor)
        self.after_write("Saved.")

    @guarded
    def remove_person(self) -> None:
        if self.person_select.value == NOBODY:
            raise_choose("person to remove")
        name = self._people[self.person_select.value].name
        self.workshop.remove_invitee(self.person_select.value, actor=self.actor)
        self.after_write(f"Removed {name} from who is invited. Undo brings them back.")


def raise_choose(what: str) -> None:
    raise InputError(f"Choose the {what} first, in the list above.")
