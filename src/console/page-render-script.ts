/**
 * The console page's rendering module, served as /_skillflare/render.js and imported by
 * console.js: one transcript entry per turn (what was heard, what it resolved to, the slots,
 * speech, reprompt, card with its image, directives in words, whether the session ended, the
 * error where it happened, and the request and response JSON behind a details element), and
 * the attribute panels. DOM built with textContent only, never innerHTML.
 */
export const PAGE_RENDER_SCRIPT = String.raw`"use strict";
const byId = (id) => document.getElementById(id);
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function pretty(value) {
  return JSON.stringify(value, null, 2);
}

export function clock(ms) {
  const tenths = Math.round(ms / 100);
  const seconds = Math.floor(tenths / 10) % 60;
  return Math.floor(tenths / 600) + ":" + String(seconds).padStart(2, "0") + "." + (tenths % 10);
}

function addRow(list, term, value) {
  if (value === undefined || value === null || value === "") return;
  list.append(element("dt", "", term));
  const dd = element("dd");
  if (value instanceof Node) dd.append(value);
  else dd.textContent = value;
  list.append(dd);
}

function listOf(items) {
  const ul = element("ul");
  for (const item of items) ul.append(element("li", "", item));
  return ul;
}

function cardNode(card) {
  const box = element("div", "card");
  if (card.title) box.append(element("strong", "", card.title));
  if (card.text) box.append(element("div", "", card.text));
  if (card.imageUrl) {
    const img = element("img");
    img.src = card.imageUrl;
    img.alt = "Card image" + (card.title ? ": " + card.title : "");
    box.append(img);
  }
  return box;
}

function slotText(slot) {
  let text = slot.name + " = " + (slot.value === undefined ? "(empty)" : '"' + slot.value + '"');
  if (slot.resolved) text += " → " + slot.resolved;
  return text;
}

export function renderTurn(turn) {
  const item = element("li", "turn");
  item.dataset.kind = turn.kind;
  item.append(element("p", "heard", turn.heard));
  const list = element("dl");
  addRow(list, "Resolved to", turn.resolvedTo);
  if (turn.slots.length > 0) addRow(list, "Slots", listOf(turn.slots.map(slotText)));
  if (turn.dialogState) addRow(list, "Dialog", turn.dialogState);
  addRow(list, "Alexa said", turn.alexaSaid);
  addRow(list, "Speech", turn.speech);
  addRow(list, "Reprompt", turn.reprompt);
  if (turn.card) addRow(list, "Card", cardNode(turn.card));
  if (turn.directives.length > 0) addRow(list, "Directives", listOf(turn.directives));
  if (turn.ssmlAudio.length > 0) addRow(list, "SSML audio", listOf(turn.ssmlAudio));
  if (turn.response && turn.request.session) addRow(list, "Session", turn.sessionEnded ? "ended" : "stays open");
  addRow(list, "HTTP", turn.sent ? String(turn.status) : "not sent: Alexa answered without asking the skill");
  item.append(list);
  if (turn.error) {
    const error = element("p", "error", "Error: " + turn.error);
    error.setAttribute("role", "alert");
    item.append(error);
  }
  const details = element("details");
  details.append(element("summary", "", "Request and response JSON"));
  details.append(element("h3", "", "Request"), element("pre", "", pretty(turn.request)));
  details.append(element("h3", "", "Response"), element("pre", "", turn.response ? pretty(turn.response) : "(none)"));
  item.append(details);
  byId("transcript").append(item);
  item.scrollIntoView({ block: "nearest" });
}

export function renderProblem(text) {
  const item = element("li", "turn");
  const error = element("p", "error", text);
  error.setAttribute("role", "alert");
  item.append(error);
  byId("transcript").append(item);
}

export function renderAttributes(data) {
  byId("session-attributes").textContent = data.session === null ? "No open session." : pretty(data.session);
  const persistent = data.persistent;
  byId("persistent-attributes").textContent = persistent.ok ? pretty(persistent.attributes) : "Unavailable: " + persistent.reason;
}

`;
