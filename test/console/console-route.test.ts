/**
 * The local console through the real Worker (src/worker.ts, real D1, R2 and KV in workerd),
 * wrapped in `withLocalConsole` from skillflare/dev exactly as `skillflare dev`'s generated
 * entry wraps it (the bare Worker has no console at all: console-wiring.test.ts):
 * a 404 identical to any unknown path for every non-loopback host and for any Worker without
 * SKILLFLARE_DEV_KIT (production); on loopback with the kit, the page, its same-origin assets
 * and the turn API, whose turns are dev-signed requests through the Worker's own verification.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import model from "../../skill-package/interactionModels/custom/en-US.json";
import { DEV_USER_ID } from "../../src/devkit/index.js";
import { withLocalConsole } from "skillflare/dev";
import worker from "../../src/worker.js";

const devWorker = withLocalConsole(worker);

const CONSOLE_PATHS = ["/_skillflare", "/_skillflare/", "/_skillflare/console.js", "/_skillflare/console.css", "/_skillflare/api/turn", "/_skillflare/nope"];
const devEnv = { ...env, SKILLFLARE_DEV_KIT: JSON.stringify(inject("devKit")), SKILLFLARE_DEV_MODELS: JSON.stringify({ "en-US": model }) };

async function call(url: string, init?: RequestInit, bindings: object = devEnv): Promise<Response> {
  const context = createExecutionContext();
  const response = await devWorker.fetch!(new Request(url, init) as Request<unknown, IncomingRequestCfProperties>, bindings as Env, context);
  await waitOnExecutionContext(context);
  return response;
}

interface TurnAnswer {
  readonly turns: readonly {
    heard: string;
    status: number;
    sent: boolean;
    resolvedTo?: string;
    speech?: string;
    sessionEnded: boolean;
    slots: unknown[];
    player: unknown[];
    directives: string[];
    request: { request: { type: string } };
  }[];
  readonly device: { activity: string; offsetMs: number; token?: string; url?: string };
  readonly state: { version: number; session?: { sessionId: string } };
  readonly persistent: { ok: boolean; attributes?: unknown };
}

const turn = (body: unknown) =>
  call("http://localhost:8787/_skillflare/api/turn", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("the console is invisible outside local development", () => {
  const unknownPathBody = async (host: string) => (await call(`https://${host}/no-such-path`)).text();

  for (const host of ["skill.example.com", "localhost.example.com", "127.0.0.2", "10.0.0.1:8787"]) {
    it(`is the ordinary 404 for ${host}, even with the dev kit configured`, async () => {
      for (const path of CONSOLE_PATHS) {
        for (const method of ["GET", "POST"]) {
          const response = await call(`https://${host}${path}`, { method, ...(method === "POST" ? { body: "{}" } : {}) });
          expect(response.status, `${method} ${path}`).toBe(404);
          expect(await response.text()).toBe(await unknownPathBody(host));
        }
      }
    });
  }

  it("is the ordinary 404 when wrangler dev relays a client from another machine (CF-Connecting-IP)", async () => {
    for (const client of ["192.168.1.20", "10.0.0.7", "2001:db8::1", "::ffff:192.168.1.20", "not an ip"]) {
      const response = await call("http://localhost:8787/_skillflare/", { headers: { "CF-Connecting-IP": client } });
      expect(response.status, client).toBe(404);
    }
    for (const client of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const response = await call("http://localhost:8787/_skillflare/", { headers: { "CF-Connecting-IP": client } });
      expect(response.status, client).toBe(200);
    }
  });

  it("is a 404 on loopback when no dev kit is configured (the production Worker's bindings)", async () => {
    for (const path of CONSOLE_PATHS) {
      const response = await exports.default.fetch(`http://localhost:8787${path}`);
      expect(response.status, path).toBe(404);
    }
    const empty = await call("http://127.0.0.1:8787/_skillflare/", undefined, { ...env, SKILLFLARE_DEV_KIT: " " });
    expect(empty.status).toBe(404);
  });

  it("is a 404 when the Worker turns it off with console: false", async () => {
    const { createAlexaWorker } = await import("../../src/http/create-alexa-worker.js");
    const off = withLocalConsole(createAlexaWorker({ handler: () => ({ version: "1.0", response: {} }), console: false }));
    const response = await off.fetch!(new Request("http://localhost/_skillflare/") as Request<unknown, IncomingRequestCfProperties>, devEnv as Env, createExecutionContext());
    expect(response.status).toBe(404);
  });
});

describe("the console on loopback with the dev kit", () => {
  it("serves the page with a labelled Utterance field, a live transcript and same-origin assets only", async () => {
    const response = await call("http://localhost:8787/_skillflare/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<label for="utterance">Utterance</label>');
    expect(html).toContain('id="transcript" aria-live="polite"');
    expect(html).toContain('<option value="en-US">en-US</option>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const [path, type] of [["console.js", "text/javascript"], ["render.js", "text/javascript"], ["console.css", "text/css"]] as const) {
      const asset = await call(`http://localhost:8787/_skillflare/${path}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toContain(type);
      expect((await asset.text()).length).toBeGreaterThan(500);
    }
    expect((await call("http://[::1]:8787/_skillflare")).headers.get("location")).toBe("/_skillflare/");
  });

  it("runs a launch through the Worker's verification and returns the turn, the snapshot and the attributes", async () => {
    const response = await turn({ action: { kind: "launch" }, locale: "en-US", userId: DEV_USER_ID });
    expect(response.status).toBe(200);
    const body = await response.json<TurnAnswer>();
    expect(body.turns.map((view) => [view.request.request.type, view.status, view.sent])).toEqual([["LaunchRequest", 200, true]]);
    expect(body.turns[0]?.speech).toContain("Bedtime Stories");
    expect(body.turns[0]?.sessionEnded).toBe(false);
    expect(body.state.version).toBe(1);
    expect(body.state.session?.sessionId).toMatch(/^amzn1\.echo-api\.session\./);
    expect(body.device).toEqual({ activity: "IDLE", offsetMs: 0 });
    expect(body.persistent.ok).toBe(true);
  });

  it("plays a story, lets device time follow the page's element, and pauses at the offset heard", async () => {
    const user = "console-test-user";
    const post = async (action: unknown, state: unknown, player?: unknown) =>
      (await turn({ action, state, locale: "en-US", userId: user, ...(player === undefined ? {} : { player }) })).json<TurnAnswer>();
    const launched = await post({ kind: "launch" }, undefined);
    const play = await post({ kind: "say", words: "play the dragon" }, launched.state);
    expect(play.turns.map((view) => view.heard)).toEqual(['You said "play the dragon"', "AudioPlayer.PlaybackStarted story:dragons at 0:00.0"]);
    const [asked] = play.turns;
    expect(asked?.resolvedTo).toBe("PlayStoryIntent");
    expect(asked?.slots).toEqual([{ name: "story", value: "the dragon", resolved: expect.stringContaining("(id dragons)") }]);
    expect(asked?.player).toEqual([{ kind: "play", url: "http://localhost:8787/audio/stories/dragons.mp3", token: "story:dragons", offsetMs: 0 }]);
    expect(asked?.directives).toEqual(["Play stream story:dragons from 0:00.0, replacing the queue"]);
    expect(play.device).toEqual({ activity: "PLAYING", token: "story:dragons", url: "http://localhost:8787/audio/stories/dragons.mp3", offsetMs: 0 });

    const element = { token: "story:dragons", durationMs: 22_512 };
    const ticked = await post({ kind: "tick" }, play.state, { ...element, positionMs: 5_000 });
    expect(ticked.turns).toEqual([]);
    expect(ticked.device.offsetMs).toBe(5_000);
    const nearly = await post({ kind: "tick" }, ticked.state, { ...element, positionMs: 13_000 });
    expect(nearly.turns.map((view) => view.heard)).toEqual(["AudioPlayer.PlaybackNearlyFinished story:dragons at 0:12.5"]);

    const paused = await post({ kind: "say", words: "pause" }, nearly.state, { ...element, positionMs: 14_200 });
    expect(paused.turns.map((view) => view.heard)).toEqual(['You said "pause"', "AudioPlayer.PlaybackStopped story:dragons at 0:14.2"]);
    expect(paused.device).toMatchObject({ activity: "STOPPED", offsetMs: 14_200 });
    expect(paused.persistent).toMatchObject({ ok: true, attributes: { playback: { storyId: "dragons", offsetInMilliseconds: 14_200 } } });
  });

  it("answers bad input with a 400 that says what was wrong", async () => {
    const cases: [unknown, string][] = [
      [{ action: { kind: "dance" }, userId: "u" }, "action.kind"],
      [{ action: { kind: "say", words: " " }, userId: "u" }, "non-empty words"],
      [{ action: { kind: "event", event: "PlaybackStarted", offsetMs: -1 }, userId: "u" }, "offsetMs"],
      [{ action: { kind: "launch" }, locale: "xx-XX", userId: "u" }, "no interaction model for locale xx-XX"],
      [{ action: { kind: "launch" } }, "userId is required"],
      [[1, 2], "JSON object"],
    ];
    for (const [body, message] of cases) {
      const response = await turn(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json<{ detail: string }>()).detail).toContain(message);
    }
    const notJson = await call("http://localhost:8787/_skillflare/api/turn", { method: "POST", body: "{" });
    expect(notJson.status).toBe(400);
    expect((await call("http://localhost:8787/_skillflare/api/turn")).status).toBe(405);
  });

  it("shows the skill's failure in the turn where it happened, not as a failed API call", async () => {
    const { createAlexaWorker } = await import("../../src/http/create-alexa-worker.js");
    const failing = withLocalConsole(
      createAlexaWorker({
        handler: () => {
          throw new Error("boom in the handler");
        },
      }),
    );
    const context = createExecutionContext();
    const response = await failing.fetch!(
      new Request("http://localhost:8787/_skillflare/api/turn", { method: "POST", body: JSON.stringify({ action: { kind: "launch" }, userId: "u" }) }) as Request<unknown, IncomingRequestCfProperties>,
      devEnv as Env,
      context,
    );
    await waitOnExecutionContext(context);
    expect(response.status).toBe(200);
    const body = await response.json<{ turns: { status: number; error?: string; request: { request: { type: string } } }[] }>();
    expect(body.turns).toHaveLength(1);
    expect(body.turns[0]?.status).toBe(500);
    expect(body.turns[0]?.request.request.type).toBe("LaunchRequest");
    expect(body.turns[0]?.error).toContain("boom in the handler");
  });

  it("reports a broken configuration on the page instead of crashing", async () => {
    const response = await call("http://localhost:8787/_skillflare/", undefined, { ...env, SKILLFLARE_DEV_KIT: "{not json" });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("SKILLFLARE_DEV_KIT is not JSON");
  });
});
