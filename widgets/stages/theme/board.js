// The theme board: cards not yet in a theme, and the themes, with drag and drop and keys.
// Python owns the data (the "data" trait); this module only draws it and asks for moves
// with model.send({type: "move", ids: [...], theme_id: N or null}).
// Participant text goes into the page with textContent only, never as HTML.
//
// Keyboard (WAI-ARIA listbox pattern, one tab stop per zone): Tab goes from zone to zone;
// the arrow keys, Home and End move between the cards of a zone (a roving tabindex); Space
// or Enter chooses a card; a theme's number (1, 2, ... shown on each theme) moves the chosen
// cards there, 0 moves them back to "not yet in a theme". Each step is said in the status
// line (a polite live region).
// Layout ("screen" trait): "big" for the big screen (themes in a wide grid, no cards inside
// them but the last one moved in; the unthemed cards in many columns), "table" for laptops.

const CARD_TYPE = "application/x-wtfc-cards";
const NUMBER_WAIT_MS = 800; // time to type the second digit of a theme number (10 and up)

function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function render({ model, el }) {
  const chosen = new Set(); // ids of cards chosen with a click, Enter or Space
  const state = {
    dragging: false,
    dragIds: null,
    pending: false,
    zoneOf: new Map(),
    active: new Map(), // zone key -> id of the card that holds the zone's tab stop
    digits: "",
    digitTimer: null,
    counters: [], // "N more" lines to update when the layout or a scroll changes
  };

  const root = make("div", "wtfc-board-root");
  const help = make(
    "p",
    "wtfc-board-help",
    "Drag a card onto a theme. Or by keyboard: Tab to the cards, arrow keys to move, Space to " +
      "choose, then the theme's number to move the chosen cards there (0: back to not yet in a theme).",
  );
  help.id = `wtfc-board-help-${Math.random().toString(36).slice(2)}`;
  const status = make("p", "wtfc-board-status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const body = make("div", "wtfc-board-layout");
  root.append(help, body, status);
  el.appendChild(root);

  function say(text) {
    status.textContent = text;
  }

  function layout() {
    return model.get("screen") === "big" ? "big" : "table";
  }

  function themes() {
    return (model.get("data") || {}).themes || [];
  }

  function zoneName(themeId) {
    if (themeId === null) return "not yet in a theme";
    const theme = themes().find((t) => t.id === themeId);
    return theme ? `“${theme.name}”` : "that theme";
  }

  function move(ids, themeId) {
    const toMove = ids.filter((id) => state.zoneOf.get(id) !== themeId);
    if (toMove.length === 0) {
      say(`Nothing to move: ${ids.length === 1 ? "that card is" : "those cards are"} already there.`);
      return;
    }
    model.send({ type: "move", ids: toMove, theme_id: themeId });
    say(`Moving ${plural(toMove.length, "card")} to ${zoneName(themeId)}…`);
    chosen.clear();
    for (const card of body.querySelectorAll(".wtfc-board-card")) markChosen(card, false);
  }

  function markChosen(card, on) {
    card.setAttribute("aria-selected", on ? "true" : "false");
    card.classList.toggle("wtfc-board-chosen", on);
    const flag = card.querySelector(".wtfc-board-chosen-flag");
    if (flag) flag.hidden = !on;
  }

  function toggle(card) {
    const id = Number(card.dataset.statementId);
    const on = !chosen.has(id);
    if (on) chosen.add(id);
    else chosen.delete(id);
    markChosen(card, on);
    const n = themes().length;
    const how = n ? ` Press a theme's number (1 to ${n}) to move ${chosen.size === 1 ? "it" : "them"}.` : "";
    say(chosen.size ? `${plural(chosen.size, "card")} chosen.${how}` : "No cards chosen.");
  }

  // --- keys ------------------------------------------------------------------------------
  function cardsOf(list) {
    return [...list.querySelectorAll(":scope > .wtfc-board-card")];
  }

  function columns(cards) {
    if (cards.length < 2) return 1;
    const top = cards[0].offsetTop;
    const n = cards.findIndex((c) => c.offsetTop !== top);
    return n === -1 ? cards.length : Math.max(1, n);
  }

  function focusCard(list, card) {
    for (const c of cardsOf(list)) c.tabIndex = c === card ? 0 : -1;
    state.active.set(list.dataset.key, card.dataset.statementId);
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function moveByNumber(number) {
    const list = themes();
    if (number === 0) {
      if (chosen.size) move([...chosen], null);
      else say("Choose cards first: Space chooses the card you are on.");
      return;
    }
    const theme = list[number - 1];
    if (!theme) {
      say(`There is no theme ${number}: the themes are numbered 1 to ${list.length}.`);
      return;
    }
    if (chosen.size === 0) {
      say("Choose cards first: Space chooses the card you are on.");
      return;
    }
    move([...chosen], theme.id);
  }

  function typedDigit(digit) {
    clearTimeout(state.digitTimer);
    state.digits += digit;
    const number = Number(state.digits);
    // Wait for a second digit only if one could still name a theme (10 themes or more).
    if (number * 10 > themes().length || state.digits.length >= 3) {
      state.digits = "";
      moveByNumber(number);
    } else {
      state.digitTimer = setTimeout(() => {
        state.digits = "";
        moveByNumber(number);
      }, NUMBER_WAIT_MS);
    }
  }

  function onListKey(event, list) {
    const cards = cardsOf(list);
    const card = event.target.closest(".wtfc-board-card");
    if (/^[0-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      typedDigit(event.key);
      return;
    }
    if (!card || !cards.length) return;
    const at = cards.indexOf(card);
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns(cards), ArrowUp: -columns(cards) };
    let next = null;
    if (event.key in step) next = cards[Math.min(cards.length - 1, Math.max(0, at + step[event.key]))];
    else if (event.key === "Home") next = cards[0];
    else if (event.key === "End") next = cards[cards.length - 1];
    else if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      toggle(card);
      return;
    } else return;
    event.preventDefault();
    if (next) focusCard(list, next);
  }

  // --- drawing ---------------------------------------------------------------------------
  function cardNode(card, themeId) {
    const node = make("div", `wtfc-card wtfc-kind-${card.kind} wtfc-board-card`);
    node.dataset.statementId = String(card.id);
    node.tabIndex = -1;
    node.draggable = true;
    node.setAttribute("role", "option");
    const label = make("span", "wtfc-kind-label");
    const symbol = make("span", "wtfc-kind-symbol", card.kind_symbol);
    symbol.setAttribute("aria-hidden", "true");
    label.append(symbol, document.createTextNode(` ${card.kind_label}`));
    const flag = make("span", "wtfc-board-chosen-flag", "✓ Chosen");
    const text = make("p", "wtfc-card-text");
    // On the big screen the kind shows as its symbol (and the colour bar) beside the words;
    // its name stays in the text for screen readers.
    const mark = make("span", "wtfc-board-card-mark", card.kind_symbol);
    mark.setAttribute("aria-hidden", "true");
    const spoken = make("span", "wtfc-board-card-kind", `${card.kind_label}: `);
    text.append(mark, spoken, document.createTextNode(card.text));
    text.title = `No. ${card.id}, ${card.kind_label}: ${card.text} (${card.review} · ${card.perspective_label})`;
    // The number printed on the paper wall's card, so the room can match paper and screen.
    const meta = make("span", "wtfc-card-meta",
      `No. ${card.id} · ${card.review} · ${card.perspective_label}`);
    const top = make("p", "wtfc-board-card-top");
    top.append(label, flag, meta);
    node.append(top, text);
    markChosen(node, chosen.has(card.id));
    state.zoneOf.set(card.id, themeId);
    // Focus it ourselves without scrolling: the browser's own focus would scroll a half-hidden
    // card into view inside its list, and the drag would then start on a different card.
    node.addEventListener("mousedown", () => {
      const list = node.parentElement;
      for (const c of cardsOf(list)) c.tabIndex = c === node ? 0 : -1;
      state.active.set(list.dataset.key, node.dataset.statementId);
      node.focus({ preventScroll: true });
    });
    node.addEventListener("click", () => toggle(node));
    node.addEventListener("dragstart", (event) => {
      const ids = chosen.has(card.id) ? [...chosen] : [card.id];
      state.dragging = true;
      state.dragIds = ids;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData(CARD_TYPE, JSON.stringify(ids));
      event.dataTransfer.setData("text/plain", ids.join(","));
      node.classList.add("wtfc-board-dragging");
    });
    node.addEventListener("dragend", () => {
      node.classList.remove("wtfc-board-dragging");
      state.dragging = false;
      state.dragIds = null;
      if (state.pending) {
        state.pending = false;
        draw();
      }
    });
    return node;
  }

  function droppable(zone, themeId) {
    zone.addEventListener("dragover", (event) => {
      if (!state.dragIds && !event.dataTransfer.types.includes(CARD_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      zone.classList.add("wtfc-board-over");
    });
    zone.addEventListener("dragleave", (event) => {
      if (!zone.contains(event.relatedTarget)) zone.classList.remove("wtfc-board-over");
    });
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("wtfc-board-over");
      let ids = state.dragIds;
      const raw = event.dataTransfer.getData(CARD_TYPE);
      if (raw) {
        try {
          ids = JSON.parse(raw);
        } catch (_err) {
          ids = null;
        }
      }
      if (Array.isArray(ids) && ids.length) move(ids.map(Number), themeId);
    });
  }

  // The mouse's way to move chosen cards; keyboard users press the number instead, so the
  // button is not a tab stop (one tab stop per zone).
  function moveHereButton(themeId, text) {
    const button = make("button", "wtfc-board-move-here", text);
    button.type = "button";
    button.tabIndex = -1;
    button.addEventListener("click", () => {
      if (chosen.size === 0) {
        say("Choose cards first: press a card to choose it.");
        return;
      }
      move([...chosen], themeId);
    });
    return button;
  }

  // A listbox of cards: the tab stop is the card last visited (or the first).
  function cardList(cards, themeId, key, label) {
    const list = make("div", "wtfc-board-cards");
    list.dataset.key = key;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-multiselectable", "true");
    list.setAttribute("aria-label", label);
    list.setAttribute("aria-describedby", help.id);
    for (const card of cards) list.appendChild(cardNode(card, themeId));
    const nodes = cardsOf(list);
    const keep = state.active.get(key);
    const holder = nodes.find((n) => n.dataset.statementId === keep) || nodes[0];
    if (holder) holder.tabIndex = 0;
    else list.tabIndex = 0; // an empty zone keeps its tab stop: a number still moves cards
    list.addEventListener("keydown", (event) => onListKey(event, list));
    return list;
  }

  // "N more": how many items of a scrolling region are out of sight (below or above).
  function moreCounter(region, itemSelector, what) {
    const line = make("p", "wtfc-board-more");
    line.setAttribute("aria-hidden", "true"); // the zone's summary says it for screen readers
    const update = () => {
      const box = region.getBoundingClientRect();
      if (!box.height) return;
      let hidden = 0;
      for (const item of region.querySelectorAll(itemSelector)) {
        const r = item.getBoundingClientRect();
        if (r.bottom > box.bottom + 2 || r.top < box.top - 2) hidden += 1;
      }
      line.textContent = hidden ? `${hidden} more ${what} (scroll this box)` : "";
    };
    region.addEventListener("scroll", update, { passive: true });
    state.counters.push(update);
    return line;
  }

  function unthemedZone(data) {
    const u = data.unthemed || { cards: [], summary: "" };
    const zone = make("section", "wtfc-board-zone wtfc-board-unthemed wtfc-column");
    zone.setAttribute("role", "region");
    zone.setAttribute("aria-label", "Cards not yet in a theme");
    zone.dataset.zone = "unthemed";
    const head = make("div", "wtfc-board-zone-head");
    const list = cardList(u.cards || [], null, "unthemed", `Cards not yet in a theme. ${u.summary}`);
    const scroller = make("div", "wtfc-board-scroller");
    scroller.appendChild(list);
    head.append(
      make("h2", "wtfc-board-title", "0 · Not yet in a theme"),
      make("p", "wtfc-board-summary", u.summary),
      moveHereButton(null, "Move chosen cards back here"),
      moreCounter(scroller, ".wtfc-board-card", "cards"),
    );
    zone.append(head, scroller);
    droppable(zone, null);
    return zone;
  }

  function themeZone(theme, number) {
    const big = layout() === "big";
    const zone = make("div", "wtfc-board-zone wtfc-board-theme");
    zone.dataset.themeId = String(theme.id);
    zone.dataset.zone = `theme-${theme.id}`;
    zone.setAttribute("role", "group");
    zone.setAttribute("aria-label", `Theme ${number}: ${theme.name}, ${plural(theme.total, "card")}`);
    const name = make("h3", "wtfc-board-theme-name");
    const badge = make("span", "wtfc-board-number", String(number));
    badge.setAttribute("aria-hidden", "true");
    name.append(badge, document.createTextNode(` ${theme.name}`));
    name.title = theme.name; // the whole name, where the big screen cuts it to one line
    const i = theme.i_statement
      ? make("p", "wtfc-board-i", `“${theme.i_statement}”`)
      : make("p", "wtfc-board-i wtfc-board-i-missing", "No “I” statement yet");
    const counts = make("ul", "wtfc-board-counts");
    counts.setAttribute("aria-label", "Cards in this theme by kind");
    for (const c of theme.counts || []) {
      const item = make("li", `wtfc-kind-${c.kind}`);
      const label = make("span", "wtfc-kind-label");
      const symbol = make("span", "wtfc-kind-symbol", c.symbol);
      symbol.setAttribute("aria-hidden", "true");
      label.append(symbol, document.createTextNode(big ? ` ${c.n}` : ` ${c.label}: ${c.n}`));
      if (big) label.setAttribute("title", `${c.label}: ${c.n}`);
      item.appendChild(label);
      counts.appendChild(item);
    }
    // The total is in the theme's label; on the big screen the tile has room for the kinds only.
    if (!big) counts.appendChild(make("li", "wtfc-board-total", plural(theme.total, "card")));
    const button = moveHereButton(theme.id, big ? "Move here" : "Move chosen cards here");
    const row = make("div", "wtfc-board-theme-row");
    row.append(counts, button);
    zone.append(name, i, row);
    // On the big screen a theme is its name, words and counts; its cards are at the tables.
    if (!big) zone.append(cardList(theme.cards || [], theme.id, `theme-${theme.id}`,
                                   `Cards in theme ${number}: ${theme.name}`));
    if (!big) zone.append(make("p", "wtfc-board-summary", theme.summary));
    droppable(zone, theme.id);
    return zone;
  }

  function themesColumn(data) {
    const column = make("section", "wtfc-board-themes wtfc-column");
    column.setAttribute("role", "region");
    column.setAttribute("aria-label", "Themes");
    const head = make("div", "wtfc-board-zone-head");
    head.append(make("h2", "wtfc-board-title", "Themes"), make("p", "wtfc-board-summary", data.summary || ""));
    column.appendChild(head);
    const list = themes();
    if (list.length === 0) {
      column.appendChild(
        make("p", "wtfc-board-empty", "No themes yet. Make one with “New theme”, then drag cards onto it."),
      );
    }
    const grid = make("div", "wtfc-board-theme-grid");
    grid.dataset.zone = "grid";
    if (layout() === "big") {
      // Many themes scroll in this box; with no cards in it, the box itself takes the focus
      // so it can be scrolled by keyboard (one tab stop for the themes).
      grid.tabIndex = 0;
      grid.setAttribute("role", "group");
      grid.setAttribute("aria-label", "Themes (scrolls when there are many)");
    }
    list.forEach((theme, n) => grid.appendChild(themeZone(theme, n + 1)));
    head.appendChild(moreCounter(grid, ".wtfc-board-theme", "themes"));
    column.append(grid);
    return column;
  }

  // Redraws keep the reader's place: focus, scroll positions and chosen cards survive.
  function remember() {
    const active = document.activeElement;
    const place = { focus: null, scroll: new Map() };
    if (active && body.contains(active)) {
      const list = active.closest(".wtfc-board-cards");
      if (list) {
        const cards = cardsOf(list);
        place.focus = { list: list.dataset.key, card: active.dataset.statementId,
                        index: Math.max(0, cards.indexOf(active)) };
      }
    }
    for (const node of body.querySelectorAll("[data-zone], .wtfc-board-cards, .wtfc-board-scroller")) {
      const zone = node.closest("[data-zone]");
      const key = `${zone ? zone.dataset.zone : ""}/${node.className}`;
      if (node.scrollTop) place.scroll.set(key, node.scrollTop);
    }
    return place;
  }

  function restore(place) {
    for (const node of body.querySelectorAll("[data-zone], .wtfc-board-cards, .wtfc-board-scroller")) {
      const zone = node.closest("[data-zone]");
      const key = `${zone ? zone.dataset.zone : ""}/${node.className}`;
      if (place.scroll.has(key)) node.scrollTop = place.scroll.get(key);
    }
    if (!place.focus) return;
    const list = body.querySelector(`.wtfc-board-cards[data-key="${CSS.escape(place.focus.list)}"]`);
    if (!list) return;
    const cards = cardsOf(list);
    // The card itself if it is still here, else the one now in its place (it was moved away).
    const same = place.focus.card
      ? list.querySelector(`[data-statement-id="${CSS.escape(place.focus.card)}"]`) : null;
    const target = same || cards[Math.min(place.focus.index, cards.length - 1)];
    if (target) {
      for (const c of cards) c.tabIndex = c === target ? 0 : -1;
      target.focus({ preventScroll: true });
    } else list.focus({ preventScroll: true });
  }

  function countMore() {
    for (const update of state.counters) update();
  }

  function draw() {
    const data = model.get("data") || {};
    const place = remember();
    state.zoneOf = new Map();
    state.counters = [];
    root.classList.toggle("wtfc-board-big", layout() === "big");
    body.replaceChildren(unthemedZone(data), themesColumn(data));
    for (const id of [...chosen]) if (!state.zoneOf.has(id)) chosen.delete(id);
    restore(place);
    requestAnimationFrame(countMore);
  }

  function onData() {
    if (state.dragging) state.pending = true; // never pull a card from under the pointer
    else draw();
  }

  // Python says how a move went (done, or what to fix), so the status never hangs.
  function onMessage(msg) {
    if (msg && msg.type === "status") say(msg.text || "");
  }

  const resize = new ResizeObserver(() => countMore());
  resize.observe(root);
  model.on("change:data", onData);
  model.on("change:screen", draw);
  model.on("msg:custom", onMessage);
  draw();
  return () => {
    resize.disconnect();
    clearTimeout(state.digitTimer);
    model.off("change:data", onData);
    model.off("change:screen", draw);
    model.off("msg:custom", onMessage);
  };
}

export default { render };
