/**
 * The console page's HTML: landmarks and headings in reading order (the conversation first,
 * then the audio player, the device settings and the attributes), a labelled "Utterance"
 * field, a transcript that is an aria-live region, and the settings the Worker knows (the
 * locales it has interaction models for, the default user id) as inline JSON for the script.
 * Script and style are separate same-origin files, so the CSP can forbid inline code.
 */
import { escapeXml } from "../shared/xml-escape.js";

export interface PageSettings {
  readonly locales: readonly string[];
  readonly userId: string;
  /** Why the console cannot work (a configuration problem), shown instead of the form. */
  readonly problem?: string;
}

/** JSON safe inside a <script> element: no `<` that could close it. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

export function consolePage(settings: PageSettings): string {
  const options = settings.locales.map((locale) => `<option value="${escapeXml(locale)}">${escapeXml(locale)}</option>`).join("");
  const problem = settings.problem === undefined ? "" : `<p class="problem" role="alert">${escapeXml(settings.problem)}</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>skillflare console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_skillflare/console.css">
<script type="module" src="/_skillflare/console.js"></script>
</head>
<body>
<header>
<h1>skillflare console</h1>
<p>Talk to your skill as Alexa would. Every turn is a dev-signed request through this Worker's full verification.</p>
</header>
${problem}
<main>
<section class="conversation" aria-labelledby="conversation-title">
<h2 id="conversation-title">Conversation</h2>
<ol id="transcript" aria-live="polite" aria-relevant="additions" aria-label="Transcript"></ol>
<form id="say-form" autocomplete="off">
<label for="utterance">Utterance</label>
<div class="row">
<input id="utterance" name="utterance" type="text" maxlength="500" required placeholder="open the skill, then ask for something" autofocus>
<button type="submit">Say</button>
</div>
</form>
<div class="row actions">
<button id="launch" type="button">Open the skill</button>
<button id="new-session" type="button">New session</button>
<span id="busy" role="status" aria-live="polite"></span>
</div>
</section>
<aside>
<section aria-labelledby="player-title">
<h2 id="player-title">Audio player</h2>
<audio id="player" controls preload="auto"></audio>
<p id="player-state">Nothing is playing.</p>
<h3>SSML audio</h3>
<audio id="clip-player" controls preload="auto" aria-label="SSML audio clip"></audio>
<ul id="clips"><li>No clips yet.</li></ul>
</section>
<section aria-labelledby="device-title">
<h2 id="device-title">Device</h2>
<label for="locale">Locale</label>
<select id="locale">${options}</select>
<label for="user">User id</label>
<input id="user" type="text" maxlength="200" value="${escapeXml(settings.userId)}">
<p class="hint">Changing either starts a new session for that user.</p>
</section>
<section aria-labelledby="session-title">
<h2 id="session-title">Session attributes</h2>
<pre id="session-attributes">No session yet.</pre>
</section>
<section aria-labelledby="persistent-title">
<h2 id="persistent-title">Persistent attributes</h2>
<pre id="persistent-attributes">Not read yet.</pre>
</section>
</aside>
</main>
<script type="application/json" id="console-settings">${inlineJson(settings)}</script>
</body>
</html>
`;
}
