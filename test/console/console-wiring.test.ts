/**
 * How the console is wired since it left the production bundle: `createAlexaWorker` answers
 * /_skillflare/ with its ordinary 404 even on loopback with the dev kit (it no longer imports
 * the console), and records what the console needs on its fetch handler; `withLocalConsole`
 * (skillflare/dev, what `skillflare dev`'s generated entry applies) serves the console from
 * that record, with the Worker's path and persistent-attributes reader, and passes everything
 * else through. A Worker with no record (console: false, or not a createAlexaWorker Worker)
 * comes back unchanged, with one log line saying there is no console.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { withLocalConsole } from "skillflare/dev";
import { createAlexaWorker } from "skillflare/worker";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import model from "../../skill-package/interactionModels/custom/en-US.json";
import worker from "../../src/worker.js";

const devEnv = { ...env, SKILLFLARE_DEV_KIT: JSON.stringify(inject("devKit")), SKILLFLARE_DEV_MODELS: JSON.stringify({ "en-US": model }) };
const CONSOLE_PATHS = ["/_skillflare", "/_skillflare/", "/_skillflare/console.js", "/_skillflare/api/turn"];

async function call(handler: ExportedHandler<Env>, url: string, init?: RequestInit): Promise<Response> {
  const context = createExecutionContext();
  const response = await handler.fetch!(new Request(url, init) as Request<unknown, IncomingRequestCfProperties>, devEnv as Env, context);
  await waitOnExecutionContext(context);
  return response;
}

const launch = (handler: ExportedHandler<Env>) =>
  call(handler, "http://localhost:8787/_skillflare/api/turn", { method: "POST", body: JSON.stringify({ action: { kind: "launch" }, userId: "wiring-user" }) });

const speak = () => ({ version: "1.0", response: { outputSpeech: { type: "PlainText" as const, text: "hello from /alexa" } } });

afterEach(() => vi.restoreAllMocks());

describe("createAlexaWorker has no console of its own", () => {
  it("answers every console path with its ordinary 404, even on loopback with the dev kit", async () => {
    const unknown = await (await call(worker, "http://localhost:8787/no-such-path")).text();
    for (const path of CONSOLE_PATHS) {
      const response = await call(worker, `http://localhost:8787${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe(unknown);
    }
  });

  it("is served by withLocalConsole, which passes every other request to the Worker unchanged", async () => {
    const wrapped = withLocalConsole(worker);
    expect((await call(wrapped, "http://localhost:8787/_skillflare/")).status).toBe(200);
    for (const [path, method] of [["/", "GET"], ["/no-such-path", "GET"], ["/audio/stories/none.mp3", "GET"], ["/", "POST"]] as const) {
      const [bare, viaConsole] = [await call(worker, `http://localhost:8787${path}`, { method }), await call(wrapped, `http://localhost:8787${path}`, { method })];
      expect([viaConsole.status, await viaConsole.text()], `${method} ${path}`).toEqual([bare.status, await bare.text()]);
    }
  });
});

describe("withLocalConsole", () => {
  it("uses the Worker's own path and persistent-attributes reader", async () => {
    const read = vi.fn(async () => ({ favorite: "teal" }));
    const custom = createAlexaWorker<Env>({ path: "/alexa", handler: speak, console: { persistentAttributes: read } });
    const body = await (await launch(withLocalConsole(custom))).json<{ turns: { status: number; speech?: string }[]; persistent: unknown }>();
    expect(body.turns.map((turn) => [turn.status, turn.speech])).toEqual([[200, "hello from /alexa"]]);
    expect(body.persistent).toEqual({ ok: true, attributes: { favorite: "teal" } });
    expect(read).toHaveBeenCalledWith(expect.anything(), "wiring-user");
  });

  it("finds the record through a spread or a re-wrapped fetch, and keeps the Worker's other handlers", async () => {
    const scheduled = vi.fn();
    const spread = withLocalConsole({ ...worker, scheduled });
    expect(spread.scheduled).toBe(scheduled);
    expect((await call(spread, "http://localhost:8787/_skillflare/")).status).toBe(200);
    expect((await call(withLocalConsole({ fetch: worker.fetch! }), "http://localhost:8787/_skillflare/")).status).toBe(200);
  });

  it("returns a Worker with nothing to serve as it is, and says so once", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const off = createAlexaWorker<Env>({ handler: speak, console: false });
    const plain: ExportedHandler<Env> = { fetch: () => new Response("mine") };
    expect(withLocalConsole(off)).toBe(off);
    expect(withLocalConsole(plain)).toBe(plain);
    expect(log).toHaveBeenCalledTimes(2);
    expect(String(log.mock.calls[0]?.[0])).toContain("no local console at /_skillflare/");
    expect(await (await call(withLocalConsole(plain), "http://localhost:8787/_skillflare/")).text()).toBe("mine");
    expect((await call(withLocalConsole(off), "http://localhost:8787/_skillflare/")).status).toBe(404);
  });
});
