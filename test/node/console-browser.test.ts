// The local console in a real headless Chromium (Debian's, driven by playwright-core) against
// the example Worker served by `wrangler dev` with seeded local R2 and D1 (helpers/local-worker):
// open the skill, ask for a story and hear it start (the <audio> element's source, playing,
// time advancing), pause (the device reports PlaybackStopped at the element's position),
// resume at that offset, ask for help, scrub to the end (PlaybackNearlyFinished, the skill's
// ENQUEUE, PlaybackFinished, the next story playing); then the keyboard focus order and a
// 360 px window. Keeps .artifacts/console.png and the first-load size in
// .artifacts/console-size.json. Skips, saying why, only where /usr/bin/chromium is absent.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalWorker, type LocalWorker } from "./helpers/local-worker.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--autoplay-policy=no-user-gesture-required",
];
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`console browser test skipped: no ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`);

interface PlayerState {
  readonly src: string;
  readonly paused: boolean;
  readonly currentTime: number;
}

const playerState = (page: Page): Promise<PlayerState> =>
  page.$eval("#player", (element) => {
    // The page's <audio>; this file is type-checked without the DOM library.
    const audio = element as unknown as { currentSrc: string; src: string; paused: boolean; currentTime: number };
    return { src: audio.currentSrc || audio.src, paused: audio.paused, currentTime: audio.currentTime };
  });

async function say(page: Page, words: string): Promise<void> {
  const turns = await page.locator("#transcript > li").count();
  await page.getByLabel("Utterance").fill(words);
  await page.keyboard.press("Enter");
  await page.locator("#transcript > li").nth(turns).waitFor();
}

/** The offset in the last request of `type` the page sent, read from its request JSON. */
async function lastRequestOffset(page: Page, type: string): Promise<number> {
  const turn = page.locator("#transcript > li", { hasText: type }).last();
  const json = await turn.locator("details pre").first().textContent();
  return (JSON.parse(json ?? "{}") as { request: { offsetInMilliseconds: number } }).request.offsetInMilliseconds;
}

describe.skipIf(!hasChromium)("the local console in headless Chromium", () => {
  let worker: LocalWorker;
  let browser: Browser;
  let page: Page;
  const firstLoad: { url: string; bytes: number }[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    worker = await startLocalWorker();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
    page = await browser.newPage({ viewport: { width: 1180, height: 1300 } });
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    page.on("response", (response) => {
      void response.body().then((body) => firstLoad.push({ url: response.url(), bytes: body.byteLength }), () => undefined);
    });
  }, 180_000);

  afterAll(async () => {
    await mkdir(".artifacts", { recursive: true });
    await page?.screenshot({ path: ".artifacts/console-last.png", fullPage: true }).catch(() => undefined);
    await browser?.close();
    await worker?.stop();
  });

  it("opens the skill, plays a story from local R2, pauses, resumes at the offset and answers help", async () => {
    await page.goto(`${worker.origin}/_skillflare/`);
    await page.waitForLoadState("networkidle");
    const loaded = firstLoad.filter((entry) => entry.url.startsWith(`${worker.origin}/_skillflare/`) && !entry.url.includes("/api/"));
    expect(loaded.map((entry) => new URL(entry.url).pathname).sort()).toEqual([
      "/_skillflare/",
      "/_skillflare/console.css",
      "/_skillflare/console.js",
      "/_skillflare/render.js",
    ]);
    await expect.poll(() => page.evaluate<string | undefined>("document.activeElement?.id")).toBe("utterance");

    await say(page, "open bedtime stories");
    const launch = page.locator("#transcript > li").first();
    await expect.poll(() => launch.textContent()).toContain("Welcome to Bedtime Stories");
    expect(await launch.textContent()).toContain("LaunchRequest");

    await say(page, "play the dragon");
    const play = page.locator("#transcript > li", { hasText: 'You said "play the dragon"' });
    await expect.poll(() => play.textContent()).toContain("PlayStoryIntent");
    expect(await play.textContent()).toContain("Play stream story:dragons from 0:00.0");
    await expect.poll(async () => (await playerState(page)).src).toBe(`${worker.origin}/audio/stories/dragons.mp3`);
    await expect.poll(async () => { const s = await playerState(page); return !s.paused && s.currentTime > 2; }, { timeout: 20_000 }).toBe(true);
    await page.locator("#transcript > li", { hasText: "AudioPlayer.PlaybackStarted" }).waitFor().catch((error: unknown) => {
      throw new Error(`${String(error)}\npage errors: ${pageErrors.join("\n")}`);
    });

    await say(page, "pause");
    await expect.poll(async () => (await playerState(page)).paused).toBe(true);
    await page.locator("#transcript > li", { hasText: "AudioPlayer.PlaybackStopped story:dragons at" }).waitFor();
    const stoppedAt = await lastRequestOffset(page, "AudioPlayer.PlaybackStopped");
    expect(stoppedAt).toBeGreaterThan(2_000);
    expect(Math.abs(stoppedAt - (await playerState(page)).currentTime * 1000)).toBeLessThan(500);
    await expect.poll(() => page.locator("#persistent-attributes").textContent()).toContain(String(stoppedAt));

    await say(page, "resume");
    const resume = page.locator("#transcript > li", { hasText: 'You said "resume"' });
    await expect.poll(() => resume.textContent()).toContain("AMAZON.ResumeIntent");
    const resumed = await resume.locator("details pre").nth(1).textContent();
    const directive = (JSON.parse(resumed ?? "{}") as { response: { directives: { audioItem: { stream: { offsetInMilliseconds: number } } }[] } })
      .response.directives[0];
    expect(directive?.audioItem.stream.offsetInMilliseconds).toBe(stoppedAt);
    await expect.poll(async () => { const s = await playerState(page); return !s.paused && s.currentTime >= stoppedAt / 1000; }, { timeout: 20_000 }).toBe(true);
    expect((await playerState(page)).currentTime).toBeLessThan(stoppedAt / 1000 + 5);

    await say(page, "help");
    const help = page.locator("#transcript > li", { hasText: 'You said "help"' });
    await expect.poll(() => help.textContent()).toContain("AMAZON.HelpIntent");
    await expect.poll(() => help.locator("dd").allTextContents()).toContainEqual(expect.stringMatching(/story/i));

    expect(pageErrors).toEqual([]);
    // Scrub near the end: device time follows, the skill queues the next story, and it plays.
    await page.$eval("#player", (element) => {
      const audio = element as unknown as { currentTime: number; duration: number };
      audio.currentTime = audio.duration - 3;
    });
    await page.locator("#transcript > li", { hasText: "AudioPlayer.PlaybackNearlyFinished" }).waitFor({ timeout: 20_000 });
    await page.locator("#transcript > li", { hasText: "AudioPlayer.PlaybackFinished" }).waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await playerState(page)).src, { timeout: 20_000 }).toBe(`${worker.origin}/audio/stories/moon.mp3`);
    await expect.poll(async () => { const s = await playerState(page); return !s.paused && s.currentTime > 0.5; }, { timeout: 20_000 }).toBe(true);

    await mkdir(".artifacts", { recursive: true });
    await page.screenshot({ path: ".artifacts/console.png", fullPage: true });
    const bytes = loaded.reduce((sum, entry) => sum + entry.bytes, 0);
    await writeFile(".artifacts/console-size.json", `${JSON.stringify({ firstLoadBytes: bytes, files: loaded }, null, 2)}\n`);
    console.log(`console first load: ${bytes} bytes in ${loaded.length} responses`);

    // Keyboard: from the Utterance field, Tab reaches Say, then the two session buttons.
    await page.getByLabel("Utterance").focus();
    const focusOrder: (string | undefined)[] = [];
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press("Tab");
      focusOrder.push(await page.evaluate<string | undefined>("document.activeElement?.textContent"));
    }
    expect(focusOrder).toEqual(["Say", "Open the skill", "New session"]);
    // A narrow window (a phone held upright): one column, nothing wider than the window.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await page.screenshot({ path: ".artifacts/console-narrow.png" });
  }, 180_000);
});
