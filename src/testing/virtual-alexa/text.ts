/**
 * Words as the virtual Alexa compares them: lower case, punctuation gone (apostrophes too, so
 * "owl's" and "owls" meet), hyphens and runs of spaces made single spaces. Alexa's speech
 * recognition hands skills lower-case words without punctuation; both the model's samples and
 * what the user typed go through the same function, so they compare as Alexa would. Filler
 * words ("um", "please") are removed only on a second try, so a sample that uses them still
 * matches as written.
 */

/** One normalised string: lower case, no punctuation, single spaces. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFC")
    .replace(/[’‘`]/g, "'")
    .replace(/(\p{L})'(\p{L})/gu, "$1$2")
    .replace(/[^\p{L}\p{N}\s.]/gu, " ")
    .replace(/\.(?!\d)|(?<!\d)\./g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The words of `text`, normalised. */
export function wordsOf(text: string): string[] {
  const normal = normaliseText(text);
  return normal === "" ? [] : normal.split(" ");
}

const FILLERS: ReadonlySet<string> = new Set(["um", "umm", "uh", "uhh", "er", "erm", "hmm", "ah", "oh", "please", "alexa", "hey", "well"]);

/** The words without filler words (only where that leaves something). */
export function withoutFillers(words: readonly string[]): string[] {
  const kept = words.filter((word) => !FILLERS.has(word));
  return kept.length === 0 ? [...words] : kept;
}

/** Leading words a person puts before a request ("can you", "i'd like to") that samples rarely list. */
export const POLITE_PREFIXES: readonly (readonly string[])[] = [
  ["can", "you"],
  ["could", "you"],
  ["would", "you"],
  ["will", "you"],
  ["i", "want", "to"],
  ["i", "would", "like", "to"],
  ["id", "like", "to"],
  ["i", "wanna"],
  ["lets"],
  ["let", "us"],
  ["just"],
  ["now"],
  ["and"],
  ["so"],
  ["ok"],
  ["okay"],
];
