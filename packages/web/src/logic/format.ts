import { locale } from '../i18n/index.js';
import { parseIsoDate } from './date-presets.js';

const numberFormat = new Intl.NumberFormat(locale);
const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' });
const fullDayFormat = new Intl.DateTimeFormat(locale, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const weekdayFormat = new Intl.DateTimeFormat(locale, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : numberFormat.format(value);
}

export function formatDay(iso: string | null | undefined): string {
  return iso ? dayFormat.format(parseIsoDate(iso)) : '—';
}

export function formatFullDay(iso: string | null | undefined): string {
  return iso ? fullDayFormat.format(parseIsoDate(iso)) : '—';
}

export function formatWeekday(iso: string): string {
  return weekdayFormat.format(parseIsoDate(iso));
}

export function formatMonth(month: string): string {
  const text = monthFormat.format(parseIsoDate(`${month}-01`));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : '—';
}
