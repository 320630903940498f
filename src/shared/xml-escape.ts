/**
 * XML escaping shared by every layer that writes markup: SSML text in the skill
 * runtime and `<audio src>` attributes in the audio helpers. Each of the five
 * XML special characters is replaced exactly once, so `&apos;` in the input
 * becomes `&amp;apos;` (the text it was), never a double-escaped entity.
 */
const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Escapes text for XML character data and attribute values alike. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}
