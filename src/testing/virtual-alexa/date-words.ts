/**
 * The basics of AMAZON.DATE (and a little AMAZON.TIME and AMAZON.DURATION) as Alexa fills
 * them, relative to the request's clock: "today" / "tomorrow" / "yesterday" -> 2026-12-01,
 * weekdays -> the next such day, "december fifth" / "the 5th of december" -> that date (this
 * year, or next if it has passed), "next week" -> 2026-W50, "this weekend" -> 2026-W48-WE,
 * a month alone -> 2026-12, a year -> 2027; "noon" -> 12:00, "three thirty pm" -> 15:30,
 * "morning" -> MO; "five minutes" -> PT5M. Everything else is not a date.
 */
import { parseNumberWords, spokenOrdinal } from "./number-words.js";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const isoDay = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** ISO week "2026-W49" of a date (weeks start on Monday). */
function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${pad(week)}`;
}

function dayOfMonth(words: readonly string[]): number | undefined {
  const value = Number(spokenOrdinal(words) ?? parseNumberWords(words));
  return Number.isInteger(value) && value >= 1 && value <= 31 ? value : undefined;
}

function monthDay(month: number, day: number, now: Date): string {
  let year = now.getUTCFullYear();
  if (Date.UTC(year, month, day) < Date.UTC(year, now.getUTCMonth(), now.getUTCDate())) year += 1;
  return `${year}-${pad(month + 1)}-${pad(day)}`;
}

/** AMAZON.DATE's value for the words, or undefined. */
export function spokenDate(input: readonly string[], now: Date): string | undefined {
  const words = input[0] === "on" || input[0] === "the" ? input.slice(1) : input;
  const text = words.join(" ");
  const relative: Record<string, number> = { today: 0, tonight: 0, tomorrow: 1, yesterday: -1, "day after tomorrow": 2 };
  if (relative[text] !== undefined) return isoDay(addDays(now, relative[text]));
  const weekday = WEEKDAYS.indexOf(text.replace(/^(this|next|coming) /, ""));
  if (weekday !== -1) return isoDay(addDays(now, ((weekday - now.getUTCDay() + 7) % 7 || 7)));
  if (text === "this week") return isoWeek(now);
  if (text === "next week") return isoWeek(addDays(now, 7));
  if (text === "last week") return isoWeek(addDays(now, -7));
  if (text === "this weekend" || text === "weekend") return `${isoWeek(now)}-WE`;
  if (text === "next weekend") return `${isoWeek(addDays(now, 7))}-WE`;
  if (text === "this month") return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}`;
  if (text === "this year") return String(now.getUTCFullYear());
  if (text === "next year") return String(now.getUTCFullYear() + 1);
  if (/^(19|20)\d\d$/.test(text)) return text;
  const first = MONTHS.indexOf(words[0] ?? "");
  if (first !== -1 && words.length === 1) return `${now.getUTCFullYear()}-${pad(first + 1)}`;
  if (first !== -1) {
    const day = dayOfMonth(words.slice(1).filter((w) => w !== "the"));
    if (day !== undefined) return monthDay(first, day, now);
  }
  const of = words.indexOf("of");
  const month = MONTHS.indexOf(words[words.length - 1] ?? "");
  if (month !== -1 && of > 0 && of === words.length - 2) {
    const day = dayOfMonth(words.slice(0, of));
    if (day !== undefined) return monthDay(month, day, now);
  }
  return undefined;
}

const TIME_WORDS: Readonly<Record<string, string>> = {
  noon: "12:00", midday: "12:00", midnight: "00:00", morning: "MO", afternoon: "AF", evening: "EV", night: "NI", now: "PRESENT_REF",
};

/** AMAZON.TIME's value ("15:30", "MO"), or undefined. */
export function spokenTime(input: readonly string[]): string | undefined {
  const words = input.filter((w) => w !== "at" && w !== "the" && w !== "in" && w !== "oclock" && w !== "o'clock");
  const text = words.join(" ");
  if (TIME_WORDS[text] !== undefined) return TIME_WORDS[text];
  const digital = /^(\d{1,2})(?::(\d\d))?$/.exec(words[0] ?? "");
  const suffix = words[words.length - 1];
  const meridiem = suffix === "am" || suffix === "pm" ? suffix : undefined;
  const body = meridiem === undefined ? words : words.slice(0, -1);
  let hour: number | undefined;
  let minute = 0;
  if (digital && body.length === 1) {
    hour = Number(digital[1]);
    minute = Number(digital[2] ?? 0);
  } else if (body.length >= 1) {
    hour = parseNumberWords(body.slice(0, 1));
    if (body.length > 1) minute = parseNumberWords(body.slice(1)) ?? Number.NaN;
  }
  if (hour === undefined || !Number.isInteger(hour) || hour > 23 || !(minute >= 0 && minute < 60)) return undefined;
  if (meridiem === "pm" && hour < 12) hour += 12;
  if (meridiem === "am" && hour === 12) hour = 0;
  return `${pad(hour)}:${pad(minute)}`;
}

const DURATION_UNITS: Readonly<Record<string, string>> = {
  second: "S", seconds: "S", minute: "M", minutes: "M", hour: "H", hours: "H", day: "D", days: "D", week: "W", weeks: "W", month: "M", months: "M", year: "Y", years: "Y",
};

/** AMAZON.DURATION's value ("PT5M", "P2D"), or undefined. */
export function spokenDuration(words: readonly string[]): string | undefined {
  const unit = DURATION_UNITS[words[words.length - 1] ?? ""];
  if (unit === undefined) return undefined;
  const amount = words.length === 1 ? 1 : parseNumberWords(words.slice(0, -1));
  if (amount === undefined) return undefined;
  const timeUnit = ["seconds", "second", "minute", "minutes", "hour", "hours"].includes(words[words.length - 1] ?? "");
  return timeUnit ? `PT${amount}${unit}` : `P${amount}${unit}`;
}
