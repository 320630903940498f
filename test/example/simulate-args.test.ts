/**
 * `npm run simulate` argument parsing (cli/simulate-args.ts): every request kind, the
 * options and their defaults, and a usage error (never a throw) for each kind of mistake.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SIMULATE_URL, parseSimulateArgs, type SimulateInvocation } from "../../cli/simulate-args.js";

function run(...argv: string[]): SimulateInvocation {
  const parsed = parseSimulateArgs(argv);
  if (parsed.kind !== "run") throw new Error(`expected a run, got ${JSON.stringify(parsed)}`);
  return parsed.invocation;
}

function usageError(...argv: string[]): string {
  const parsed = parseSimulateArgs(argv);
  if (parsed.kind !== "usage-error") throw new Error(`expected a usage error, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe("parseSimulateArgs", () => {
  it("launch, with the defaults", () => {
    expect(run("launch")).toEqual({ request: { type: "LaunchRequest" }, url: DEFAULT_SIMULATE_URL, json: false, locale: "en-US" });
    expect(DEFAULT_SIMULATE_URL).toBe("http://localhost:8787/");
  });

  it("intent with slots (values may contain spaces and '=')", () => {
    expect(run("intent", "PlayStoryIntent", "story=the quiet sea", "note=a=b").request).toEqual({
      type: "IntentRequest",
      intent: "PlayStoryIntent",
      slots: { story: "the quiet sea", note: "a=b" },
    });
    expect(run("intent", "AMAZON.PauseIntent").request).toEqual({ type: "IntentRequest", intent: "AMAZON.PauseIntent" });
  });

  it("intent with --token: context.AudioPlayer, PLAYING unless --activity says otherwise", () => {
    expect(run("intent", "AMAZON.PauseIntent", "--token", "story:moon", "--offset", "5000").audioPlayer).toEqual({
      token: "story:moon",
      offsetInMilliseconds: 5000,
      playerActivity: "PLAYING",
    });
    expect(run("intent", "AMAZON.ResumeIntent", "--token=t", "--activity", "stopped").audioPlayer).toEqual({
      token: "t",
      offsetInMilliseconds: 0,
      playerActivity: "STOPPED",
    });
  });

  it("audio events, with or without the AudioPlayer. prefix, token and offset in the request", () => {
    expect(run("audio", "PlaybackNearlyFinished", "--token", "t", "--offset", "1234").request).toEqual({
      type: "AudioPlayer.PlaybackNearlyFinished",
      token: "t",
      offsetInMilliseconds: 1234,
    });
    expect(run("audio", "AudioPlayer.playbackstopped").request).toEqual({ type: "AudioPlayer.PlaybackStopped" });
    expect(run("audio", "PlaybackStarted", "--token", "t").audioPlayer).toBeUndefined();
  });

  it("playback buttons, session-ended with a reason, skill events", () => {
    expect(run("playback", "next").request).toEqual({ type: "PlaybackController.NextCommandIssued" });
    expect(run("playback", "Play").request).toEqual({ type: "PlaybackController.PlayCommandIssued" });
    expect(run("session-ended").request).toEqual({ type: "SessionEndedRequest", reason: "USER_INITIATED" });
    expect(run("session-ended", "--reason", "error").request).toEqual({ type: "SessionEndedRequest", reason: "ERROR" });
    expect(run("event", "SkillEnabled").request).toEqual({ type: "AlexaSkillEvent.SkillEnabled" });
    expect(run("event", "AlexaSkillEvent.SkillDisabled").request).toEqual({ type: "AlexaSkillEvent.SkillDisabled" });
  });

  it("--json, --url, --user, --locale, --skill-id, --model and --no-model", () => {
    expect(
      run("launch", "--json", "--url", "https://skill.example.com/", "--user", "u1", "--locale", "en-GB", "--skill-id", "s1", "--model", "m.json"),
    ).toEqual({
      request: { type: "LaunchRequest" },
      url: "https://skill.example.com/",
      json: true,
      locale: "en-GB",
      userId: "u1",
      skillId: "s1",
      model: "m.json",
    });
    expect(run("launch", "--no-model").model).toBe("none");
  });

  it("free words, quoted or not, are an utterance for the virtual Alexa", () => {
    expect(run("play the dragon story").request).toEqual({ type: "Utterance", words: "play the dragon story" });
    expect(run("ask", "bedtime", "stories", "to", "play", "owl", "--locale", "en-GB")).toMatchObject({
      request: { type: "Utterance", words: "ask bedtime stories to play owl" },
      locale: "en-GB",
    });
  });

  it("help", () => {
    expect(parseSimulateArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseSimulateArgs(["intent", "-h"])).toEqual({ kind: "help" });
  });

  it.each([
    [[], /which request/],
    [["play the dragon story", "--no-model"], /drop --no-model/],
    [["launch", "extra"], /launch takes no further arguments/],
    [["intent"], /intent needs an intent name/],
    [["intent", "story=dragons"], /intent needs an intent name/],
    [["intent", "PlayStoryIntent", "story"], /slots are name=value, not "story"/],
    [["intent", "PlayStoryIntent", "=dragons"], /slots are name=value/],
    [["audio"], /the AudioPlayer event must be one of PlaybackStarted/],
    [["audio", "PlaybackPaused"], /not "PlaybackPaused"/],
    [["audio", "PlaybackStarted", "--offset", "-5"], /--offset needs a value|--offset must be a whole number/],
    [["audio", "PlaybackStarted", "--offset", "1.5"], /--offset must be a whole number of milliseconds, not "1.5"/],
    [["audio", "PlaybackStarted", "--activity", "PLAYING"], /--activity is for intents/],
    [["intent", "AMAZON.PauseIntent", "--offset", "5"], /go with --token/],
    [["intent", "X", "--token", "t", "--activity", "dancing"], /--activity must be one of/],
    [["playback", "rewind"], /the playback button must be one of play, pause, next, previous/],
    [["event", "SkillExploded"], /the skill event must be one of/],
    [["launch", "--reason", "ERROR"], /--reason is for session-ended/],
    [["session-ended", "--reason", "BORED"], /--reason must be one of/],
    [["launch", "--url"], /--url needs a value/],
    [["launch", "--url", "--json"], /--url needs a value/],
    [["launch", "--url", "ftp://x/"], /--url must be an http\(s\) URL/],
    [["launch", "--url", "not a url"], /--url must be an http\(s\) URL/],
    [["launch", "--json=yes"], /--json takes no value/],
    [["launch", "--verbose"], /unknown option --verbose/],
    [["launch", "-x"], /unknown option -x/],
    [["launch", "--model", "m.json", "--no-model"], /exclude each other/],
  ])("refuses %j with a usage message", (argv, message) => {
    expect(usageError(...argv)).toMatch(message);
  });
});
