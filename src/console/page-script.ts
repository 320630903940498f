/**
 * The console page's script, served as /_skillflare/console.js (plain modern JavaScript, an
 * ES module, no build step, no dependency). It posts each action to the console API with the
 * engine snapshot it holds, has render.js draw the turn, drives the <audio> element from the
 * turn's player commands (play from the offset, queue, stop) and reports what the element
 * really does as the device's playback events: started, nearly finished, finished, stopped,
 * failed; the element's own pause and play buttons are the device's buttons. Requests go out
 * one at a time, in order, so the snapshot is never forked.
 */
export const PAGE_SCRIPT = String.raw`"use strict";
import { clock, element, pretty, renderAttributes, renderProblem, renderTurn } from "./render.js";
const byId = (id) => document.getElementById(id);
const settings = JSON.parse(byId("console-settings").textContent || "{}");
const transcript = byId("transcript");
const player = byId("player");
const clipPlayer = byId("clip-player");
const utterance = byId("utterance");
const localeField = byId("locale");
const userField = byId("user");

let engineState = null;
let queue = Promise.resolve();
let current = null;
let enqueued = null;
let clips = [];

function offsetMs() {
  return Math.round((player.currentTime || 0) * 1000);
}

function showPlayerState(text) {
  byId("player-state").textContent = text;
}

function startStream(command) {
  current = { token: command.token, startedSent: false, nearlySent: false, stopped: false };
  player.src = command.url;
  player.currentTime = command.offsetMs / 1000;
  showPlayerState("Loading " + command.token + " at " + clock(command.offsetMs));
  player.play().catch((error) => showPlayerState("The browser did not start playback: " + error.message));
}

function stopStream() {
  if (current === null || current.stopped) return;
  current.stopped = true;
  if (!player.paused) player.pause();
  showPlayerState("Stopped " + current.token + " at " + clock(offsetMs()));
  if (current.startedSent) send({ kind: "event", event: "PlaybackStopped", offsetMs: offsetMs() });
}

function applyPlayer(commands) {
  for (const command of commands) {
    if (command.kind === "play") startStream(command);
    else if (command.kind === "enqueue") enqueued = command;
    else if (command.kind === "clear-queue") enqueued = null;
    else if (command.kind === "stop") {
      enqueued = null;
      stopStream();
    }
  }
}

function playNextClip() {
  const next = clips.shift();
  if (next === undefined) return;
  clipPlayer.src = next;
  clipPlayer.play().catch(() => playNextClip());
}

function queueClips(urls) {
  if (urls.length === 0) return;
  const list = byId("clips");
  list.replaceChildren(...urls.map((url) => element("li", "", url)));
  clips = urls.slice();
  playNextClip();
}

async function call(action) {
  const busy = byId("busy");
  busy.textContent = "Waiting for the skill...";
  try {
    const response = await fetch("/_skillflare/api/turn", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action, state: engineState, locale: localeField.value, userId: userField.value.trim() }),
    });
    const data = await response.json().catch(() => null);
    if (!response.ok || data === null || !data.turn) {
      renderProblem("The console API answered HTTP " + response.status + (data && (data.detail || data.message) ? ": " + (data.detail || data.message) : ""));
      return null;
    }
    engineState = data.state;
    renderTurn(data.turn);
    renderAttributes(data);
    applyPlayer(data.turn.player);
    queueClips(data.turn.ssmlAudio);
    return data;
  } catch (error) {
    renderProblem("The console could not reach the Worker: " + error.message);
    return null;
  } finally {
    busy.textContent = "";
  }
}

function send(action) {
  const job = queue.then(() => call(action));
  queue = job.catch(() => null);
  return job;
}

function sessionOpen() {
  return engineState !== null && engineState.session !== undefined;
}

function resetForNewUserOrLocale() {
  if (sessionOpen()) send({ kind: "end" });
  queue = queue.then(() => {
    engineState = null;
    byId("session-attributes").textContent = "No session yet.";
  });
}

byId("say-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const words = utterance.value.trim();
  if (words === "") return;
  utterance.value = "";
  send({ kind: "say", words });
  utterance.focus();
});
byId("launch").addEventListener("click", () => send({ kind: "launch" }));
byId("new-session").addEventListener("click", () => {
  if (sessionOpen()) send({ kind: "end" });
  const marker = element("li", "turn");
  marker.append(element("p", "heard", "New session"));
  queue = queue.then(() => transcript.append(marker));
  utterance.focus();
});
localeField.addEventListener("change", resetForNewUserOrLocale);
userField.addEventListener("change", resetForNewUserOrLocale);

player.addEventListener("playing", () => {
  if (current === null || current.stopped) return;
  showPlayerState("Playing " + current.token + " from " + clock(offsetMs()));
  if (current.startedSent) return;
  current.startedSent = true;
  send({ kind: "event", event: "PlaybackStarted", offsetMs: offsetMs() });
});
player.addEventListener("timeupdate", () => {
  if (current === null || current.stopped || current.nearlySent || !Number.isFinite(player.duration)) return;
  const left = player.duration - player.currentTime;
  if (left > Math.min(10, player.duration / 2)) return;
  current.nearlySent = true;
  send({ kind: "event", event: "PlaybackNearlyFinished", offsetMs: offsetMs() });
});
player.addEventListener("ended", () => {
  if (current === null || current.stopped) return;
  current.stopped = true;
  showPlayerState("Finished " + current.token);
  send({ kind: "event", event: "PlaybackFinished", offsetMs: offsetMs() }).then(() => {
    if (enqueued === null) return;
    const next = enqueued;
    enqueued = null;
    startStream(next);
  });
});
player.addEventListener("pause", () => {
  if (current === null || current.stopped || player.ended) return;
  send({ kind: "press", button: "pause" });
});
player.addEventListener("play", () => {
  if (current === null || !current.stopped) return;
  player.pause();
  send({ kind: "press", button: "play" });
});
player.addEventListener("error", () => {
  if (current === null || current.stopped) return;
  current.stopped = true;
  showPlayerState("The stream failed to play: " + (player.error ? player.error.message || "code " + player.error.code : "unknown error"));
  send({ kind: "event", event: "PlaybackFailed", offsetMs: offsetMs() });
});
clipPlayer.addEventListener("ended", playNextClip);

if (settings.problem) byId("say-form").hidden = true;
`;
