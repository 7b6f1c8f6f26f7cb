"""Review page: write "you said, we did" on its own (web page or Word) to send to people."""

from __future__ import annotations

import base64
import re

import ipywidgets as w

from widgets.common.cards import esc
from widgets.common.controls import STYLE, wide
from widgets.common.messages import MessageArea, guarded
from widgets.common.page import Drawer
from widgets.common.report_button import DOCX
from widgets.stages.plan.edit import tools_box
from workbook import Workshop
from workbook.feedback.publish import write_you_said_we_did

CHOICES = (("Web page", (".html", "text/html")), ("Word", (".docx", DOCX)))


class SendYouSaid(Drawer):
    """A drawer: choose web page or Word, write the file into outputs/, offer it to download."""

    def __init__(self, workshop: Workshop, messages: MessageArea):
        self.workshop = workshop
        self.messages = messages
        self.send_format = w.Dropdown(description="As a", options=CHOICES, value=CHOICES[1][1],
                                      style=STYLE, layout=wide(20))
        self.write_button = w.Button(description="Write “You said, we did”",
                                     button_style="primary")
        self.write_button.on_click(lambda _b: self.write())
        self.link = w.HTML()
        self.saved = None
        super().__init__("Send “You said, we did” to people", [tools_box([
            w.HTML("<p class='wtfc-note'>The three columns with each entry's status, on their "
                   "own: to send to the people whose reviews were used and everyone who must "
                   "hear back.</p>"),
            self.send_format, self.write_button, self.link])])

    @guarded
    def write(self) -> None:
        suffix, mime = self.send_format.value
        stem = re.sub(r"[^A-Za-z0-9]+", "-", self.workshop.name).strip("-").lower() or "workshop"
        path = self.workshop.outputs / f"{stem}-you-said-we-did{suffix}"
        self.saved = write_you_said_we_did(self.workshop, path)
        data = base64.b64encode(self.saved.read_bytes()).decode("ascii")
        # The page's header keeps a short message (a long one pushes the header, and with
        # it the page, past a 1920 px screen); the file's name goes under the link.
        kind = "Word file" if suffix == ".docx" else "web page"
        self.link.value = (f'<a class="wtfc-download" download="{esc(path.name)}" '
                           f'href="data:{mime};base64,{data}">Download the {kind}</a>'
                           f'<p class="wtfc-note">Saved in the outputs folder as '
                           f'{esc(path.name)}</p>')
        self.messages.ok(f"“You said, we did” is ready as a {kind}: download it below the log.")
