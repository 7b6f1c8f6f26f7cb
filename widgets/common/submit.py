"""Add buttons whose click carries what the browser showed: nothing typed is lost.

Why a button of our own (Jupyter Widgets 8, as Voila serves it): the browser sends a text box's
new value through that box's own model, one message at a time (a second change waits in a
buffer until the kernel has answered the first), while a Button's click is a message of the
Button's model and goes at once. On a busy kernel the click therefore overtakes the words typed
just before it: the kernel sees the click with the box still empty (cleared after the previous
save) and the words arrive a moment later. No clock can tell that from a real empty click.

`SubmitButton` sends, with each click, the values its form's fields have in the browser at
that moment (read from the fields' browser-side models), a per-form id, a click number and the
number of changes the fields have had in the browser. `AddForm` then:
- saves what the click carried, not what the kernel happens to hold;
- recognises a repeated click (a double click) by what it carries: no field has changed in
  the browser since the click that was saved; it says so instead of adding twice;
- says plainly that nothing was added when a click carries an empty box after a save (and
  the form's own check says what to type before the first), never silence;
- clears a box only if it still holds the words that were saved: for a click from the
  browser, the browser does it (the kernel tells it what was saved), because a clear sent from
  the kernel lands after words typed meanwhile and would wipe them; words typed meanwhile stay;
- on any refusal (an `InputError`) leaves every box as it was, with the reason shown.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import anywidget
import ipywidgets as w
import traitlets

from workbook.text import shorten

REF = "anywidget:"  # anywidget's reference to another widget's model (host.getModel)

_ESM = r"""
let forms = 0;
function render({ model, el, host }) {
  const form = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${++forms}`;
  let seq = 0, edits = 0;
  const fields = [];
  const button = document.createElement("button");
  button.type = "button";
  const draw = () => {
    const style = model.get("button_style");
    button.className = "jupyter-widgets jupyter-button widget-button wtfc-submit" +
      (style ? ` mod-${style}` : "");
    button.textContent = model.get("description");
    button.title = model.get("tooltip") || "";
    button.disabled = !!model.get("disabled");
  };
  draw();
  for (const name of ["description", "tooltip", "button_style", "disabled"]) {
    model.on(`change:${name}`, draw);
  }
  const count = () => { edits += 1; };
  const watch = async () => {
    for (const ref of model.get("refs") || []) {
      try {
        const m = host && host.getModel ? await host.getModel(ref)
          : await model.widget_manager.get_model(ref.slice(10));
        m.on("change:value", count);
        m.on("change:index", count);
        fields.push([ref.slice(10), m]);
      } catch (err) {
        console.warn("wtfc submit: field not found", ref, err);
      }
    }
  };
  const ready = watch();
  // The kernel saved a click of this form: empty each box that still holds the words saved
  // (here, where the words are: a kernel-side clear could wipe words typed since).
  model.on("msg:custom", async (msg) => {
    if (!msg || msg.event !== "saved" || msg.form !== form) return;
    await ready;
    for (const [id, m] of fields) {
      if (Object.prototype.hasOwnProperty.call(msg.clear || {}, id) &&
          m.get("value") === msg.clear[id]) {
        m.set("value", "");
        m.save_changes();
      }
    }
  });
  button.addEventListener("click", async () => {
    if (model.get("disabled")) return;
    seq += 1;
    const mine = seq;
    await ready;
    const values = {};
    for (const [id, m] of fields) {
      const v = {};
      const value = m.get("value"), index = m.get("index");
      if (typeof value === "string") v.value = value;
      if (index !== undefined) v.index = index;
      values[id] = v;
    }
    model.send({ event: "submit", form, seq: mine, edits, values });
  });
  el.appendChild(button);
}
export default { render };
"""


def _is_selection(widget: w.Widget) -> bool:
    return hasattr(widget, "_options_values") and hasattr(widget, "index")


@dataclass
class Submission:
    """One click and the field values it carried (the kernel's own values for a headless
    `click()` or for a field the browser did not report)."""

    form: str
    seq: int
    edits: int
    carried: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __getitem__(self, widget: w.Widget) -> Any:
        got = self.carried.get(widget.model_id)
        if got is None:
            return widget.value
        if _is_selection(widget) and "index" in got:
            index = got["index"]
            values = tuple(widget._options_values)
            try:
                if isinstance(index, list):
                    return tuple(values[i] for i in index)
                return None if index is None else values[index]
            except (IndexError, TypeError):  # the options changed since: trust the kernel
                return widget.value
        if "value" in got and isinstance(widget.value, str):
            return got["value"]
        return widget.value

    def repeats(self, other: Submission | None) -> bool:
        """True if this click carries nothing new since `other`: same form on the same page,
        no field changed in between (the second click of a double click)."""
        return (other is not None and other.form == self.form and other.seq < self.seq
                and other.edits == self.edits)


class SubmitButton(anywidget.AnyWidget):
    """A button like `ipywidgets.Button` (description, tooltip, button_style, disabled,
    on_click, click) whose click carries the browser's values of `fields`. While a click's
    callbacks run, `current` is its `Submission`."""

    _esm = _ESM
    description = traitlets.Unicode("").tag(sync=True)
    tooltip = traitlets.Unicode("").tag(sync=True)
    button_style = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    refs = traitlets.List(traitlets.Unicode()).tag(sync=True)

    _kernel_seq = itertools.count(1)

    def __init__(self, description: str = "", *, fields: Sequence[w.Widget] = (),
                 **kwargs: Any):
        super().__init__(description=description, **kwargs)
        self.fields = list(fields)
        self.refs = [f"{REF}{f.model_id}" for f in self.fields]
        self._callbacks: list[Callable[[SubmitButton], Any]] = []
        self._current: Submission | None = None
        self.kernel_edits = 0  # changes to the fields seen by the kernel (headless clicks)
        for f in self.fields:
            f.observe(self._field_changed, names="value")
        self.on_msg(self._on_custom_msg)

    # --- clicks -------------------------------------------------------------------------
    def on_click(self, callback: Callable[[SubmitButton], Any]) -> None:
        self._callbacks.append(callback)

    def click(self) -> None:
        """A click from Python (tests): carries the kernel's values."""
        self.submit(Submission("kernel", next(self._kernel_seq), self.kernel_edits))

    def receive(self, msg: Any) -> None:
        """A click from the browser (what the custom-message callback calls)."""
        if not isinstance(msg, dict) or msg.get("event") != "submit":
            return
        carried = msg.get("values")
        try:
            sub = Submission(str(msg.get("form", "")), int(msg.get("seq", 0)),
                             int(msg.get("edits", 0)),
                             {str(k): dict(v) for k, v in dict(carried or {}).items()})
        except (TypeError, ValueError):
            return
        self.submit(sub)

    def submit(self, sub: Submission) -> None:
        if self.disabled:
            return
        self._current = sub
        try:
            for callback in list(self._callbacks):
                callback(self)
        finally:
            self._current = None

    @property
    def current(self) -> Submission:
        """The click being handled, or the kernel's values when called outside one."""
        return self._current or Submission("kernel", 0, self.kernel_edits)

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        self.receive(content)

    # --- clearing what was saved --------------------------------------------------------
    def clear_saved(self, sub: Submission, saved: dict[w.Widget, Any]) -> None:
        """Empty each box that still holds the words `sub` saved. A browser's click: the
        browser is told and checks its own boxes (the kernel's copy may be behind or ahead of
        what is on the screen). A click from Python: done here."""
        if sub.form != "kernel":
            self.send({"event": "saved", "form": sub.form, "seq": sub.seq,
                       "clear": {box.model_id: value for box, value in saved.items()
                                 if isinstance(value, str)}})
            return
        for box, value in saved.items():
            if isinstance(value, str) and box.value == value:
                box.value = ""

    def _field_changed(self, _change: dict) -> None:
        self.kernel_edits += 1


class AddForm:
    """The add-and-clear flow of one form (see the module docstring).

    `page` has `messages` and `after_write`; `boxes` are the fields emptied after a save
    (the others, e.g. the kind or the review, stay for the next entry); `required` is the
    box whose emptiness means "nothing to add" (default: the first of `boxes`)."""

    def __init__(self, page: Any, button: SubmitButton, boxes: Sequence[w.Widget],
                 required: w.Widget | None = None):
        self.page = page
        self.button = button
        self.boxes = list(boxes)
        self.required = required if required is not None else (self.boxes[0] if boxes else None)
        self.last: Submission | None = None
        self.last_words = ""

    def run(self, save: Callable[[Submission], str | None]) -> str | None:
        """Save what the current click carries with `save(sub)` (which returns the message);
        returns the message, or None when nothing was saved. An `InputError` from `save`
        propagates (the view's `guarded` shows it) and every box keeps its words."""
        sub = self.button.current
        if sub.repeats(self.last):
            self.page.messages.info(
                f"Already saved: “{self.last_words}”. Pressing again does not add it twice.")
            return None
        if self.required is not None and self.last is not None:
            words = sub[self.required]
            if isinstance(words, str) and not words.strip():
                self.page.messages.info(f"Nothing was added: the box is empty. The last one, "
                                        f"“{self.last_words}”, was saved. Type the next one.")
                return None
        message = save(sub)
        self.last = sub
        if self.required is not None:
            self.last_words = shorten(str(sub[self.required] or ""), 60)
        self.button.clear_saved(sub, {box: sub[box] for box in self.boxes})
        self.page.after_write(message)
        return message
