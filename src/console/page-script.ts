/**
 * The console page's script, served as /_skillflare/console.js (plain modern JavaScript, an
 * ES module, no build step, no dependency). It posts each action to the console API with the
 * engine snapshot it holds and where its <audio> element is, has render.js draw each turn, and
 * makes the element follow the engine's device (play the current stream from its offset, or
 * stop). As the element plays it lets device time pass (a "tick" every 2 s and at the end), so
 * the engine sends PlaybackNearlyFinished, PlaybackFinished and PlaybackStopped at the offsets
 * really heard; a media error is PlaybackFailed; the element's own pause and play buttons are
 * the device's buttons. Requests go out one at a time, in order: the snapshot never forks.
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
// The stream the element plays: { token, stopped }; the engine's device decides what plays.
let current = null;
let ticking = false;
let lastTickMs = 0;
let clips = [];

function offsetMs() {
  return Math.round((player.currentTime || 0) * 1000);
}

function showPlayerState(text) {
  byId("player-state").textContent = text;
}

/** Where the element is in the device's stream, so the engine's clock follows what was heard. */
function playerPosition() {
  if (current === null || current.stopped || !player.src) return undefined;
  const position = { token: current.token, positionMs: offsetMs() };
  if (Number.isFinite(player.duration)) position.durationMs = Math.round(player.duration * 1000);
  return position;
}

function startStream(device) {
  current = { token: device.token, stopped: false };
  lastTickMs = device.offsetMs;
  player.src = device.url;
  player.currentTime = device.offsetMs / 1000;
  showPlayerState("Loading " + device.token + " at " + clock(device.offsetMs));
  player.play().catch((error) => showPlayerState("The browser did not start playback: " + error.message));
}

function stopStream(activity) {
  if (current === null || current.stopped) return;
  current.stopped = true;
  if (!player.paused) player.pause();
  showPlayerState(activity + ": " + current.token + " at " + clock(offsetMs()));
}

/** Makes the element do what the device does: play the current stream from its offset, or not. */
function followDevice(device, turns) {
  const replaced = turns.some((turn) => turn.player.some((command) => command.kind === "play"));
  if (device.activity === "PLAYING" && device.url) {
    if (replaced || current === null || current.stopped || current.token !== device.token) startStream(device);
  } else {
    stopStream(device.activity === "FINISHED" ? "Finished" : "Stopped");
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
  byId("clips").replaceChildren(...urls.map((url) => element("li", "", url)));
  clips = clips.concat(urls);
  if (clipPlayer.paused) playNextClip();
}

async function call(action) {
  const busy = byId("busy");
  if (action.kind !== "tick") busy.textContent = "Waiting for the skill...";
  try {
    const body = { action, state: engineState, player: playerPosition(), locale: localeField.value, userId: userField.value.trim() };
    const response = await fetch("/_skillflare/api/turn", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const data = await response.json().catch(() => null);
    if (!response.ok || data === null || !Array.isArray(data.turns)) {
      const why = data && (data.detail || data.message) ? ": " + (data.detail || data.message) : "";
      renderProblem("The console API answered HTTP " + response.status + why);
      return null;
    }
    engineState = data.state;
    if (data.notUnderstood) renderProblem('Alexa did not understand "' + action.words + '": ' + data.notUnderstood);
    for (const turn of data.turns) {
      renderTurn(turn);
      queueClips(turn.ssmlAudio);
    }
    if (data.turns.length > 0 || action.kind !== "tick") renderAttributes(data);
    followDevice(data.device, data.turns);
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

function tick() {
  if (ticking) return;
  ticking = true;
  lastTickMs = offsetMs();
  send({ kind: "tick" }).finally(() => (ticking = false));
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
  if (current !== null && !current.stopped) showPlayerState("Playing " + current.token + " from " + clock(offsetMs()));
});
// Device time passes as the element plays: every 2 s of playback, and at the end.
player.addEventListener("timeupdate", () => {
  if (current === null || current.stopped || player.paused) return;
  if (Math.abs(offsetMs() - lastTickMs) >= 2000) tick();
});
player.addEventListener("ended", () => {
  if (current !== null && !current.stopped) send({ kind: "tick" });
});
// The element's own buttons are the device's buttons; the skill decides what happens.
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
  const position = offsetMs();
  stopStream("Failed");
  send({ kind: "event", event: "PlaybackFailed", offsetMs: position });
});
clipPlayer.addEventListener("ended", playNextClip);

if (settings.problem) byId("say-form").hidden = true;
`;
