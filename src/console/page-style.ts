/**
 * The console's style sheet: system fonts, light and dark schemes, two columns on a wide
 * window and one on a narrow one, visible focus rings for keyboard use, and an utterance
 * field that sticks to the bottom of the window while the transcript grows above it.
 */
export const PAGE_STYLE = `:root { color-scheme: light dark; --fg: #1b1b1f; --bg: #fafafa; --panel: #fff; --muted: #5b5b66; --line: #d6d6de; --accent: #0b57d0; --bad: #b3261e; --you: #eef3fd; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e8ee; --bg: #121215; --panel: #1d1d22; --muted: #a9a9b5; --line: #3a3a44; --accent: #8ab4f8; --bad: #f2b8b5; --you: #1e2a40; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header { padding: 0.75rem 1rem; border-bottom: 1px solid var(--line); }
header h1 { margin: 0; font-size: 1.25rem; }
header p { margin: 0.25rem 0 0; color: var(--muted); }
main { display: grid; grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr); gap: 1rem; padding: 1rem; max-width: 80rem; }
@media (max-width: 50rem) { main { grid-template-columns: minmax(0, 1fr); } }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.75rem; margin-bottom: 1rem; }
h2 { margin: 0 0 0.5rem; font-size: 1.05rem; }
h3 { margin: 0.75rem 0 0.25rem; font-size: 0.95rem; }
label { display: block; font-weight: 600; margin: 0.5rem 0 0.25rem; }
input, select, button { font: inherit; color: inherit; }
input, select { width: 100%; padding: 0.45rem 0.5rem; border: 1px solid var(--line); border-radius: 0.35rem; background: var(--bg); }
button { padding: 0.45rem 0.9rem; border: 1px solid var(--accent); border-radius: 0.35rem; background: var(--accent); color: var(--panel); cursor: pointer; }
button[type="button"] { background: transparent; color: var(--accent); }
button:disabled { opacity: 0.6; cursor: progress; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.row { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
.row input { flex: 1 1 12rem; width: auto; }
.actions { margin-top: 0.5rem; }
#busy { color: var(--muted); }
#transcript { list-style: none; margin: 0; padding: 0; }
#say-form { position: sticky; bottom: 0; background: var(--panel); padding: 0.25rem 0 0.5rem; border-top: 1px solid var(--line); }
.turn { border-top: 1px solid var(--line); padding: 0.5rem 0; }
.turn:first-child { border-top: 0; }
.heard { margin: 0; font-weight: 600; background: var(--you); border-radius: 0.35rem; padding: 0.2rem 0.5rem; display: inline-block; max-width: 100%; overflow-wrap: anywhere; }
.turn dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.15rem 0.75rem; margin: 0.4rem 0; }
.turn dt { color: var(--muted); }
.turn dd { margin: 0; overflow-wrap: anywhere; }
.turn ul { margin: 0; padding-left: 1.1rem; }
.card { border: 1px solid var(--line); border-radius: 0.35rem; padding: 0.4rem; }
.card img { max-width: 100%; max-height: 10rem; display: block; margin-top: 0.3rem; }
.error, .problem { color: var(--bad); font-weight: 600; white-space: pre-wrap; }
.problem { margin: 1rem; }
details { margin-top: 0.3rem; }
summary { cursor: pointer; color: var(--accent); }
pre { margin: 0.3rem 0 0; padding: 0.5rem; background: var(--bg); border: 1px solid var(--line); border-radius: 0.35rem; overflow: auto; max-height: 20rem; font-size: 0.85rem; white-space: pre-wrap; overflow-wrap: anywhere; }
audio { width: 100%; }
.hint, #player-state { color: var(--muted); margin: 0.4rem 0 0; }
#clips { padding-left: 1.1rem; margin: 0.3rem 0 0; overflow-wrap: anywhere; }
`;
