/**
 * The example skill's story catalog: each story's id (the entity-resolution id of the STORY
 * slot type in skill-package/interactionModels/custom/en-US.json), its title as spoken, the R2
 * key its MP3 lives under (`stories/<id>.mp3`, seeded locally by `npm start` from
 * assets/stories/), its duration, and the names a person might say for it. Lookups are pure
 * and total: an unknown id or name gives `undefined`, never a throw.
 */

export interface Story {
  readonly id: string;
  readonly title: string;
  readonly key: string;
  readonly durationMs: number;
  /** Other names for the story, lower case; the interaction model lists the same synonyms. */
  readonly synonyms: readonly string[];
}

export const STORIES: readonly Story[] = [
  {
    id: "dragons",
    title: "The Sleepy Dragon",
    key: "stories/dragons.mp3",
    durationMs: 22_512,
    synonyms: ["dragon", "dragons", "sleepy dragon", "the dragon", "ember"],
  },
  {
    id: "moon",
    title: "The Moon Who Could Not Sleep",
    key: "stories/moon.mp3",
    durationMs: 22_032,
    synonyms: ["moon", "the moon", "sleepy moon", "the moon story", "the moon who couldn't sleep"],
  },
  {
    id: "owl",
    title: "The Little Owl's Lullaby",
    key: "stories/owl.mp3",
    durationMs: 21_480,
    synonyms: ["owl", "little owl", "the owl", "lullaby", "owl lullaby", "the little owls lullaby"],
  },
  {
    id: "sea",
    title: "The Quiet Sea",
    key: "stories/sea.mp3",
    durationMs: 21_312,
    synonyms: ["sea", "the sea", "quiet sea", "ocean", "waves"],
  },
];

export function storyById(id: string | undefined): Story | undefined {
  return id === undefined ? undefined : STORIES.find((story) => story.id === id);
}

function normalised(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Matches what a person said against ids, titles and synonyms (case and punctuation ignored). */
export function storyBySpokenName(spoken: string | undefined): Story | undefined {
  if (spoken === undefined) return undefined;
  const wanted = normalised(spoken);
  if (wanted === "") return undefined;
  return STORIES.find(
    (story) => story.id === wanted || normalised(story.title) === wanted || story.synonyms.some((s) => normalised(s) === wanted),
  );
}

/** The story after `id` in catalog order, or undefined after the last one (no wrap-around). */
export function storyAfter(id: string): Story | undefined {
  const index = STORIES.findIndex((story) => story.id === id);
  return index === -1 ? undefined : STORIES[index + 1];
}

/** What "next" plays: the story after `current`, or the first story when nothing is current. */
export function nextStory(current: Story | undefined): Story | undefined {
  return current === undefined ? STORIES[0] : storyAfter(current.id);
}

/** The story before `id`, or undefined before the first one. */
export function storyBefore(id: string): Story | undefined {
  const index = STORIES.findIndex((story) => story.id === id);
  return index <= 0 ? undefined : STORIES[index - 1];
}

/** "A, B, C, or D" for speech. */
function spokenList(titles: readonly string[]): string {
  if (titles.length <= 1) return titles.join("");
  return `${titles.slice(0, -1).join(", ")}, or ${titles[titles.length - 1]}`;
}

export function catalogTitles(): string {
  return spokenList(STORIES.map((story) => story.title));
}
