import type { DatePrecision } from './entities.js';

/**
 * The one date rule: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a real calendar date
 * (`2024-02-31` and `2024-13` are refused). Annotations, document input and extraction all
 * check dates through it.
 */
export interface CalendarDate {
  year: number;
  month: number | null;
  day: number | null;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parseCalendarDate(value: string): CalendarDate | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year, month: null, day: null };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month, day: null };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCalendarDate(value: string): boolean {
  return parseCalendarDate(value) !== null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The precision a date string is written to. */
export function precisionOfDate(date: string): DatePrecision {
  return date.length === 10 ? 'DAY' : date.length === 7 ? 'MONTH' : 'YEAR';
}
