/**
 * AMAZON.NUMBER as Alexa fills it: spoken numbers become digits ("seven" -> "7", "twenty one"
 * -> "21", "a hundred and five" -> "105", "three thousand" -> "3000"), digits stay digits, and
 * ordinals ("third", "21st") become their number for AMAZON.ORDINAL. Anything else is not a
 * number, which tells the resolver that this reading of the words does not fit.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
const ORDINALS: Readonly<Record<string, string>> = {
  first: "one", second: "two", third: "three", fourth: "four", fifth: "five", sixth: "six", seventh: "seven", eighth: "eight",
  ninth: "nine", tenth: "ten", eleventh: "eleven", twelfth: "twelve", thirteenth: "thirteen", fourteenth: "fourteen",
  fifteenth: "fifteen", sixteenth: "sixteen", seventeenth: "seventeen", eighteenth: "eighteen", nineteenth: "nineteen",
  twentieth: "twenty", thirtieth: "thirty", fortieth: "forty", fiftieth: "fifty", sixtieth: "sixty", seventieth: "seventy",
  eightieth: "eighty", ninetieth: "ninety", hundredth: "hundred", thousandth: "thousand",
};

/** The number some spoken words say, or undefined. */
export function parseNumberWords(words: readonly string[]): number | undefined {
  if (words.length === 0) return undefined;
  let sign = 1;
  let rest = words;
  if (rest[0] === "minus" || rest[0] === "negative") {
    sign = -1;
    rest = rest.slice(1);
  }
  if (rest.length === 1 && /^\d+(\.\d+)?$/.test(rest[0] ?? "")) return sign * Number(rest[0]);
  if (rest.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? "";
    if (word === "and" && seen && i < rest.length - 1) continue;
    if ((word === "a" || word === "an") && i === 0 && rest.length > 1) {
      current = 1;
      continue;
    }
    if (UNITS[word] !== undefined) current += UNITS[word];
    else if (TENS[word] !== undefined) current += TENS[word];
    else if (SCALES[word] !== undefined) {
      const scale = SCALES[word];
      if (scale === 100) current = (current === 0 ? 1 : current) * 100;
      else {
        total += (current === 0 ? 1 : current) * scale;
        current = 0;
      }
    } else return undefined;
    seen = true;
  }
  return seen ? sign * (total + current) : undefined;
}

/** AMAZON.NUMBER's slot value for the words ("7"), or undefined when they say no number. */
export function spokenNumber(words: readonly string[]): string | undefined {
  const value = parseNumberWords(words);
  return value === undefined ? undefined : String(value);
}

/** AMAZON.ORDINAL's value ("third" -> "3", "21st" -> "21"), or undefined. */
export function spokenOrdinal(words: readonly string[]): string | undefined {
  const last = words[words.length - 1];
  if (last === undefined) return undefined;
  const digits = /^(\d+)(st|nd|rd|th)$/.exec(last);
  if (digits && words.length === 1) return digits[1];
  const cardinal = ORDINALS[last] ?? (last.endsWith("ieth") ? undefined : undefined);
  if (cardinal === undefined) return undefined;
  return spokenNumber([...words.slice(0, -1), cardinal]);
}

/** Digits as a person would say them, for filling samples in measurements ("7" -> "seven"). */
export function numberToWords(value: number): string {
  const names = Object.keys(UNITS);
  const tens = Object.keys(TENS);
  if (value < 20) return names[value === 0 ? 0 : value + 1] ?? String(value);
  if (value < 100) return `${tens[Math.floor(value / 10) - 2]}${value % 10 === 0 ? "" : ` ${names[(value % 10) + 1]}`}`;
  if (value < 1000) return `${names[Math.floor(value / 100) + 1]} hundred${value % 100 === 0 ? "" : ` ${numberToWords(value % 100)}`}`;
  return String(value);
}
