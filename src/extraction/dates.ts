/**
 * Date expressions in any supported language, found only around date words (month and
 * weekday names, four-digit years, relative phrases from the grammar data) so the cost is
 * linear, and resolved against the publication date:
 *   "le 1er juillet 2023", "July 1, 2023", "Feb 7"   -> DAY
 *   "en avril", "in March 2024", "November 2013"      -> MONTH (year from the publication date)
 *   "vendredi", "on Friday"                           -> the latest such day on or before publication
 *   "last month", "la semaine dernière"               -> MONTH
 *   "in 2016"                                         -> YEAR
 */
import type { DatePrecision } from '../domain/entities.js';
import { daysInMonth, parseCalendarDate } from '../domain/dates.js';
import type { Token } from './text/tokenize.js';
import { GRAMMARS } from './grammar/index.js';
import { PatternSet } from './patterns.js';
import { foldText } from '../domain/fold.js';

export interface PublicationDate {
  year: number;
  month: number;
  day: number | null;
}

export interface DateMention {
  firstToken: number;
  endToken: number;
  start: number;
  end: number;
  /** `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or null when it cannot be resolved. */
  value: string | null;
  precision: DatePrecision | null;
}

const MONTHS = new Map<string, number>();
const AMBIGUOUS_MONTHS = new Set<string>();
const WEEKDAYS = new Map<string, number>();
const YEAR_PREPOSITIONS = new Set<string>();
/** Future markers as folded word sequences ("will", "is set to", "doit"), by first word. */
const FUTURE_MARKERS = new Map<string, string[][]>();
const ORDINAL = new RegExp(`^(\\d{1,2})(${[...new Set(GRAMMARS.flatMap((g) => g.ordinalDaySuffixes))].join('|')})$`);
const ELISIONS = new Set(GRAMMARS.flatMap((g) => g.elisions));
const RELATIVE = new PatternSet<{ days?: number; months?: number; years?: number; precision: DatePrecision }>(ELISIONS);
for (const g of GRAMMARS) {
  for (const [name, n] of Object.entries(g.months)) MONTHS.set(name, n);
  for (const m of g.ambiguousMonths) AMBIGUOUS_MONTHS.add(m);
  for (const [name, n] of Object.entries(g.weekdays)) WEEKDAYS.set(name, n);
  for (const p of g.yearPrepositions) YEAR_PREPOSITIONS.add(p);
  for (const f of g.futureMarkers) {
    const words = foldText(f).split(/\s+/);
    FUTURE_MARKERS.set(words[0]!, [...(FUTURE_MARKERS.get(words[0]!) ?? []), words]);
  }
  for (const r of g.relativeDates) RELATIVE.add(r.pattern, { ...r, precision: r.precision ?? 'DAY' });
}

/** A future marker starts at token i. */
function futureAt(tokens: readonly Token[], i: number): boolean {
  return FUTURE_MARKERS.get(tokens[i]!.norm)?.some((words) => words.every((w, k) => tokens[i + k]?.norm === w)) ?? false;
}

export function parsePublicationDate(value: string): PublicationDate | null {
  // The domain's date rule, with the month required: a year alone anchors nothing.
  const date = parseCalendarDate(value);
  if (!date || date.month === null) return null;
  return { year: date.year, month: date.month, day: date.day };
}

const pad = (n: number) => String(n).padStart(2, '0');
const formatDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const formatMonth = (y: number, m: number) => `${y}-${pad(m)}`;

function dayNumber(t: Token | undefined): number | null {
  if (!t) return null;
  let n: number | null = null;
  if (t.kind === 'number' && /^\d{1,2}$/.test(t.norm)) n = Number(t.norm);
  else {
    const m = ORDINAL.exec(t.norm);
    if (m) n = Number(m[1]);
  }
  return n !== null && n >= 1 && n <= 31 ? n : null;
}

function yearNumber(t: Token | undefined): number | null {
  if (!t || t.kind !== 'number' || !/^\d{4}$/.test(t.norm)) return null;
  const y = Number(t.norm);
  return y >= 1900 && y <= 2100 ? y : null;
}

/** The year of a month/day given without one: the publication year, or the year before when that would lie in the future. */
function inferYear(month: number, day: number | null, pub: PublicationDate | null, future: boolean): number | null {
  if (!pub) return null;
  const later = month > pub.month || (month === pub.month && day !== null && pub.day !== null && day > pub.day);
  const earlier = month < pub.month || (month === pub.month && day !== null && pub.day !== null && day < pub.day);
  if (future) return earlier ? pub.year + 1 : pub.year;
  return later ? pub.year - 1 : pub.year;
}

/** Finds and resolves the date expressions of tokens [from, to). */
export function findDates(tokens: readonly Token[], from: number, to: number, pub: PublicationDate | null): DateMention[] {
  const out: DateMention[] = [];
  let future = false;
  for (let i = from; i < to; i++) if (futureAt(tokens, i)) { future = true; break; }
  const consumed = new Uint8Array(to - from);
  /** Weekdays that only the month of publication dates: an explicit day of the same sentence may anchor them. */
  const monthOnlyWeekdays: [number, number][] = [];
  const take = (a: number, b: number, value: string | null, precision: DatePrecision | null) => {
    for (let k = a; k < b; k++) consumed[k - from] = 1;
    out.push({ firstToken: a, endToken: b, start: tokens[a]!.start, end: tokens[b - 1]!.end, value, precision });
  };

  // Relative phrases first (they contain words such as "month" that are not date words themselves).
  for (const m of RELATIVE.matchRange(tokens, from, to)) {
    const r = m.pattern.payload;
    if (!pub) { take(m.firstToken, m.endToken, null, null); continue; }
    const base = new Date(Date.UTC(pub.year, pub.month - 1, pub.day ?? 15));
    if (r.years !== undefined) {
      take(m.firstToken, m.endToken, String(pub.year + r.years), 'YEAR');
    } else if (r.months !== undefined) {
      const d = new Date(Date.UTC(pub.year, pub.month - 1 + r.months, 1));
      take(m.firstToken, m.endToken, formatMonth(d.getUTCFullYear(), d.getUTCMonth() + 1), 'MONTH');
    } else {
      base.setUTCDate(base.getUTCDate() + (r.days ?? 0));
      if (r.precision === 'DAY' && pub.day !== null) take(m.firstToken, m.endToken, formatDay(base), 'DAY');
      else take(m.firstToken, m.endToken, formatMonth(base.getUTCFullYear(), base.getUTCMonth() + 1), 'MONTH');
    }
  }

  for (let i = from; i < to; i++) {
    if (consumed[i - from]) continue;
    const t = tokens[i]!;
    if (t.kind === 'word' && /^\d{4}-\d{2}-\d{2}$/.test(t.norm)) {
      const p = parsePublicationDate(t.norm);
      if (p) take(i, i + 1, t.norm, 'DAY');
      continue;
    }
    // dd/mm/yyyy (French and British order).
    if (t.kind === 'number' && tokens[i + 1]?.norm === '/' && tokens[i + 2]?.kind === 'number' && tokens[i + 3]?.norm === '/' && i + 4 < to) {
      const d = Number(t.norm);
      const mo = Number(tokens[i + 2]!.norm);
      const y = yearNumber(tokens[i + 4]);
      if (y !== null && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) {
        take(i, i + 5, `${y}-${pad(mo)}-${pad(d)}`, 'DAY');
        i += 4;
        continue;
      }
    }
    // "mi-mars", "mid-March": the month.
    const month = MONTHS.get(t.norm.replace(/\.$/, '').replace(/^(mi|mid|fin|debut|early|late)-/, ''));
    if (month !== undefined) {
      let first = i;
      let end = i + 1;
      let day = dayNumber(tokens[i - 1]);
      if (day !== null && i - 1 >= from && !consumed[i - 1 - from]) first = i - 1;
      else day = null;
      // "Feb. 7" / "July 1, 2023"
      let k = i + 1;
      if (tokens[k]?.norm === '.') k++;
      if (day === null) {
        const after = dayNumber(tokens[k]);
        if (after !== null && k < to && yearNumber(tokens[k]) === null) { day = after; end = k + 1; k++; }
      }
      if (tokens[k]?.norm === ',') k++;
      const year = k < to ? yearNumber(tokens[k]) : null;
      if (year !== null) end = k + 1;
      if (AMBIGUOUS_MONTHS.has(t.norm) && day === null && year === null) {
        const prev = tokens[i - 1];
        if (!t.capitalized || !prev || !YEAR_PREPOSITIONS.has(prev.norm)) continue;
      }
      if (day !== null && day > daysInMonth(year ?? 2024, month)) day = null;
      const y = year ?? inferYear(month, day, pub, future);
      if (y === null) take(first, end, null, null);
      else if (day !== null) take(first, end, `${y}-${pad(month)}-${pad(day)}`, 'DAY');
      else take(first, end, formatMonth(y, month), 'MONTH');
      i = end - 1;
      continue;
    }
    const weekday = WEEKDAYS.get(t.norm);
    if (weekday !== undefined) {
      // "vendredi 10 mai" is handled when the month is reached; a bare weekday is relative.
      const nextMonth = MONTHS.get(tokens[i + 2]?.norm ?? '');
      if (nextMonth !== undefined && dayNumber(tokens[i + 1]) !== null) continue;
      if (!pub) take(i, i + 1, null, null);
      else if (pub.day === null) {
        take(i, i + 1, formatMonth(pub.year, pub.month), 'MONTH');
        monthOnlyWeekdays.push([out.length - 1, weekday]);
      }
      else {
        const base = new Date(Date.UTC(pub.year, pub.month - 1, pub.day));
        // Weekdays point back (news reports what happened) unless a future verb stands right before.
        let soon = false;
        for (let k = Math.max(from, i - 6); k < i; k++) if (futureAt(tokens, k)) soon = true;
        const delta = soon ? -((weekday - base.getUTCDay() + 7) % 7) : (base.getUTCDay() - weekday + 7) % 7;
        base.setUTCDate(base.getUTCDate() - delta);
        take(i, i + 1, formatDay(base), 'DAY');
      }
      continue;
    }
    const year = yearNumber(t);
    if (year !== null) {
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      if ((prev && YEAR_PREPOSITIONS.has(prev.norm)) || next?.norm === "'s") take(i, i + 1, String(year), 'YEAR');
    }
  }
  anchorWeekdays(out, monthOnlyWeekdays);
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** "detected on Monday ..., said a statement of Thursday 9 November": the Monday of that week, when the publication gives no day. */
function anchorWeekdays(out: DateMention[], weekdays: readonly [number, number][]): void {
  if (weekdays.length === 0) return;
  const anchor = out.find((d) => d.precision === 'DAY' && d.value !== null);
  if (!anchor) return;
  const base = parseCalendarDate(anchor.value!);
  if (!base || base.month === null || base.day === null) return;
  for (const [index, weekday] of weekdays) {
    const d = new Date(Date.UTC(base.year, base.month - 1, base.day));
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() - weekday + 7) % 7));
    const mention = out[index]!;
    mention.value = formatDay(d);
    mention.precision = 'DAY';
  }
}
