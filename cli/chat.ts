/**
 * `skillflare chat`: a conversation with the running dev server through the virtual Alexa.
 * On a terminal it is a readline prompt with history (kept in .skillflare/chat-history); each
 * turn shows what Alexa heard (intent, slots), the speech, card, directives, and the device
 * events that followed. When stdin is not a terminal it reads one utterance (or command) a
 * line. `--json` prints one `{ "request", "response", "status" }` object a line for every
 * request sent, device events included, and nothing else on stdout. Node only.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createVirtualAlexa, DEFAULT_VIRTUAL_ALEXA_URL, type InteractionModelJson, type Turn, UtteranceNotUnderstoodError, type VirtualAlexa } from "skillflare/testing";
import { lastString, parseArgs } from "./args.js";
import { type ChatAction, CHAT_HELP, parseChatLine } from "./chat-commands.js";
import { DevKitFileError, readDevKitFile } from "./dev-setup-kit.js";
import { defaultSkillUrl } from "./dev/dev-state.js";
import { type CliIo, EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type ExitCode, processIo } from "./io.js";
import { defaultModelPath, loadSimulateModel } from "./simulate-load.js";
import { renderTurn } from "./turn-render.js";

export const CHAT_USAGE = `usage: skillflare chat [--url URL] [--model PATH] [--locale L] [--user ID] [--skill-id ID] [--kit PATH] [--json]

Talk to the skill that \`npm start\` runs (default: where it runs, else ${DEFAULT_VIRTUAL_ALEXA_URL}), the way a person talks to an Echo.
${CHAT_HELP}`;

const HISTORY_FILE = ".skillflare/chat-history";

export interface ChatStreams {
  readonly input: NodeJS.ReadableStream;
  readonly terminal: boolean;
}

async function perform(alexa: VirtualAlexa, action: ChatAction): Promise<Turn[] | string | "quit"> {
  switch (action.kind) {
    case "say":
      return [await alexa.say(action.words)];
    case "launch":
      return [await alexa.launch()];
    case "end":
      return [await alexa.endSession(action.reason)];
    case "advance": {
      const turns = await alexa.advance(action.ms);
      return turns.length === 0 ? `(${action.ms} ms pass; the device is ${alexa.device.activity.toLowerCase()}, at ${Math.round(alexa.device.offsetMs)} ms)` : turns;
    }
    case "intent":
      return [await alexa.intend(action.name, action.slots)];
    case "event":
      return [await alexa.playbackEvent(action.type, action.offsetMs)];
    case "press":
      return [await alexa.press(action.button)];
    case "state":
      return JSON.stringify(alexa.snapshot(), null, 2);
    case "help":
      return CHAT_HELP;
    case "mistake":
      return action.message;
    case "quit":
      return "quit";
    default:
      return "";
  }
}

/** Runs `chat` with its arguments; `streams` default to the process's stdin. */
export async function chatCommand(argv: readonly string[], io: CliIo = processIo(), streams?: ChatStreams): Promise<ExitCode> {
  const parsed = parseArgs(argv, { url: "string", model: "string", locale: "string", user: "string", "skill-id": "string", kit: "string", json: "boolean", help: "boolean" });
  if (!parsed.ok) {
    io.err(`chat: ${parsed.message}\n\n${CHAT_USAGE}`);
    return EXIT_USAGE;
  }
  const { args } = parsed;
  if (args.booleans.has("help")) return io.out(CHAT_USAGE), EXIT_OK;
  const locale = lastString(args, "locale") ?? "en-US";
  const url = lastString(args, "url") ?? defaultSkillUrl();
  const json = args.booleans.has("json");
  const model = await loadSimulateModel(lastString(args, "model"), locale).catch((error: unknown) => error as Error);
  if (model === undefined || model instanceof Error) {
    io.err(`chat: ${model instanceof Error ? model.message : `no interaction model at ${defaultModelPath(locale)} (use --model <path>)`}`);
    return EXIT_USAGE;
  }
  let kit;
  try {
    kit = await readDevKitFile(lastString(args, "kit"));
  } catch (error) {
    io.err(`chat: ${error instanceof DevKitFileError ? error.message : String(error)}`);
    return EXIT_USAGE;
  }
  let showJson = false;
  const user = lastString(args, "user");
  const skillId = lastString(args, "skill-id");
  const alexa = createVirtualAlexa({
    model: model as InteractionModelJson,
    url,
    kit,
    locale,
    ...(user === undefined ? {} : { userId: user }),
    ...(skillId === undefined ? {} : { skillId }),
    onExchange: (exchange) => {
      const line = JSON.stringify({ request: exchange.request, response: exchange.response ?? null, status: exchange.status, ...(exchange.error ? { error: exchange.error } : {}) });
      if (json) io.out(line);
      else if (showJson) io.out(JSON.stringify(JSON.parse(line), null, 2));
    },
  });
  const input = streams?.input ?? process.stdin;
  const terminal = streams?.terminal ?? process.stdin.isTTY === true;
  const history = terminal ? await readFile(HISTORY_FILE, "utf8").then((t) => t.split("\n").filter(Boolean).reverse(), () => []) : [];
  const rl = createInterface({ input, ...(terminal ? { output: process.stdout, terminal: true, history, historySize: 500 } : { terminal: false }) });
  if (terminal) {
    io.out(`Talking to ${url} (${(model as InteractionModelJson).interactionModel.languageModel.invocationName ?? "the skill"}). /help lists the commands; say "open <invocation name>" to start.`);
    rl.setPrompt("you> ");
    rl.prompt();
  }
  let failed = false;
  for await (const line of rl) {
    const action = parseChatLine(line);
    if (action.kind === "json") {
      showJson = !showJson;
      io.out(`(JSON ${showJson ? "on" : "off"})`);
    } else {
      try {
        const result = await perform(alexa, action);
        if (result === "quit") break;
        if (typeof result === "string") (json ? io.err : io.out)(result);
        else {
          if (!json) for (const turn of result) for (const out of renderTurn(turn)) io.out(out);
          failed ||= result.some((turn) => [turn, ...turn.followUps].some((t) => t.error !== undefined));
        }
      } catch (error) {
        (json ? io.err : io.out)(error instanceof UtteranceNotUnderstoodError ? `(Alexa: "Sorry, I don't know that." ${error.message})` : `error: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (terminal) rl.prompt();
  }
  rl.close();
  if (terminal) {
    const lines = (rl as unknown as { history?: string[] }).history ?? [];
    await mkdir(".skillflare", { recursive: true }).then(() => writeFile(HISTORY_FILE, `${[...lines].reverse().join("\n")}\n`)).catch(() => undefined);
  }
  return failed && !terminal ? EXIT_CHECK_FAILED : EXIT_OK;
}
