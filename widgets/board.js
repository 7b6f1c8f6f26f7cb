// The theme board: cards not yet in a theme, and the themes, with drag and drop.
// Python owns the data (the "data" trait); this module only draws it and asks for moves
// with model.send({type: "move", ids: [...], theme_id: N or null}).
// Participant text goes into the page with textContent only, never as HTML.

const CARD_TYPE = "application/x-wtfc-cards";

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
  const state = { dragging: false, dragIds: null, pending: false, zoneOf: new Map() };

  const root = make("div", "wtfc-board-root");
  const help = make(
    "p",
    "wtfc-board-help",
    "Drag a card onto a theme. Or press a card (click, Enter or Space) to choose it, " +
      "then press “Move chosen cards here” on a theme.",
  );
  const status = make("p", "wtfc-board-status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const body = make("div", "wtfc-board-layout");
  root.append(help, status, body);
  el.appendChild(root);

  function say(text) {
    status.textContent = text;
  }

  function zoneName(themeId) {
    if (themeId === null) return "not yet in a theme";
    const theme = (model.get("data").themes || []).find((t) => t.id === themeId);
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
    card.setAttribute("aria-pressed", on ? "true" : "false");
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
    say(chosen.size ? `${plural(chosen.size, "card")} chosen.` : "No cards chosen.");
  }

  function cardNode(card, themeId) {
    const node = make("div", `wtfc-card wtfc-kind-${card.kind} wtfc-board-card`);
    node.dataset.statementId = String(card.id);
    node.tabIndex = 0;
    node.draggable = true;
    node.setAttribute("role", "button");
    const label = make("span", "wtfc-kind-label");
    const symbol = make("span", "wtfc-kind-symbol", card.kind_symbol);
    symbol.setAttribute("aria-hidden", "true");
    label.append(symbol, document.createTextNode(` ${card.kind_label}`));
    const flag = make("span", "wtfc-board-chosen-flag", "✓ Chosen");
    const text = make("p", "wtfc-card-text", card.text);
    const meta = make("p", "wtfc-card-meta", `${card.review} · ${card.perspective_label}`);
    node.append(label, flag, text, meta);
    markChosen(node, chosen.has(card.id));
    state.zoneOf.set(card.id, themeId);
    // Focus it ourselves without scrolling: the browser's own focus would scroll a half-hidden
    // card into view inside its list, and the drag would then start on a different card.
    node.addEventListener("mousedown", () => node.focus({ preventScroll: true }));
    node.addEventListener("click", () => toggle(node));
    node.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        toggle(node);
      }
    });
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

  function moveHereButton(themeId, text) {
    const button = make("button", "wtfc-board-move-here", text);
    button.type = "button";
    button.addEventListener("click", () => {
      if (chosen.size === 0) {
        say("Choose cards first: press a card (or focus it and press Enter) to choose it.");
        return;
      }
      move([...chosen], themeId);
    });
    return button;
  }

  function cardList(cards, themeId) {
    const list = make("div", "wtfc-board-cards");
    for (const card of cards) list.appendChild(cardNode(card, themeId));
    return list;
  }

  function unthemedZone(data) {
    const u = data.unthemed || { cards: [], summary: "" };
    const zone = make("section", "wtfc-board-zone wtfc-board-unthemed wtfc-column");
    zone.setAttribute("role", "region");
    zone.setAttribute("aria-label", "Cards not yet in a theme");
    zone.dataset.zone = "unthemed";
    zone.append(
      make("h2", "wtfc-board-title", "Not yet in a theme"),
      make("p", "wtfc-board-summary", u.summary),
      moveHereButton(null, "Move chosen cards back here"),
      cardList(u.cards || [], null),
    );
    droppable(zone, null);
    return zone;
  }

  function themeZone(theme) {
    const zone = make("div", "wtfc-board-zone wtfc-board-theme");
    zone.dataset.themeId = String(theme.id);
    zone.dataset.zone = `theme-${theme.id}`;
    zone.setAttribute("role", "group");
    zone.setAttribute("aria-label", `Theme: ${theme.name}, ${plural(theme.total, "card")}`);
    const name = make("h3", "wtfc-board-theme-name", theme.name);
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
      label.append(symbol, document.createTextNode(` ${c.label}: ${c.n}`));
      item.appendChild(label);
      counts.appendChild(item);
    }
    zone.append(
      name,
      i,
      make("p", "wtfc-board-total", `${plural(theme.total, "card")} in all`),
      counts,
      moveHereButton(theme.id, "Move chosen cards here"),
      cardList(theme.cards || [], theme.id),
      make("p", "wtfc-board-summary", theme.summary),
    );
    droppable(zone, theme.id);
    return zone;
  }

  function themesColumn(data) {
    const column = make("section", "wtfc-board-themes wtfc-column");
    column.setAttribute("role", "region");
    column.setAttribute("aria-label", "Themes");
    column.append(make("h2", "wtfc-board-title", "Themes"), make("p", "wtfc-board-summary", data.summary || ""));
    const themes = data.themes || [];
    if (themes.length === 0) {
      column.appendChild(
        make("p", "wtfc-board-empty", "No themes yet. Make one under “Themes” below, then drag cards onto it."),
      );
    }
    const grid = make("div", "wtfc-board-theme-grid");
    grid.dataset.zone = "grid";
    for (const theme of themes) grid.appendChild(themeZone(theme));
    column.appendChild(grid);
    return column;
  }

  // Redraws keep the reader's place: focus, scroll positions and chosen cards survive.
  function remember() {
    const active = document.activeElement;
    const place = { focus: null, scroll: new Map() };
    if (active && body.contains(active)) {
      const zone = active.closest("[data-zone]");
      if (active.dataset.statementId) place.focus = { card: active.dataset.statementId };
      else if (zone) place.focus = { zone: zone.dataset.zone, move: active.classList.contains("wtfc-board-move-here") };
    }
    for (const node of body.querySelectorAll("[data-zone], .wtfc-board-cards")) {
      const zone = node.closest("[data-zone]");
      const key = `${zone ? zone.dataset.zone : ""}/${node.className}`;
      if (node.scrollTop) place.scroll.set(key, node.scrollTop);
    }
    return place;
  }

  function restore(place) {
    for (const node of body.querySelectorAll("[data-zone], .wtfc-board-cards")) {
      const zone = node.closest("[data-zone]");
      const key = `${zone ? zone.dataset.zone : ""}/${node.className}`;
      if (place.scroll.has(key)) node.scrollTop = place.scroll.get(key);
    }
    if (!place.focus) return;
    let target = null;
    if (place.focus.card) {
      target = body.querySelector(`[data-statement-id="${CSS.escape(place.focus.card)}"]`);
    }
    if (!target && place.focus.zone) {
      const zone = body.querySelector(`[data-zone="${CSS.escape(place.focus.zone)}"]`);
      if (zone) target = zone.querySelector(".wtfc-board-move-here");
    }
    if (target) target.focus({ preventScroll: true });
  }

  function draw() {
    const data = model.get("data") || {};
    const place = remember();
    state.zoneOf = new Map();
    body.replaceChildren(unthemedZone(data), themesColumn(data));
    for (const id of [...chosen]) if (!state.zoneOf.has(id)) chosen.delete(id);
    restore(place);
  }

  function onData() {
    if (state.dragging) state.pending = true; // never pull a card from under the pointer
    else draw();
  }

  // Python says how a move went (done, or what to fix), so the status never hangs.
  function onMessage(msg) {
    if (msg && msg.type === "status") say(msg.text || "");
  }

  model.on("change:data", onData);
  model.on("msg:custom", onMessage);
  draw();
  return () => {
    model.off("change:data", onData);
    model.off("msg:custom", onMessage);
  };
}

export default { render };
