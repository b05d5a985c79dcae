import { z } from 'zod';

/** A calendar day as a date field sends it, "2026-03-01"; a day that does not exist (30 February) is refused. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((day) => {
    const at = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === day;
  }, 'a date that exists');

/** The zone, when it is one this runtime knows; else UTC. */
function zoneOf(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** How far ahead of UTC the zone's clocks are at `at`, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - (at - (at % 1000));
}

/** The instant a calendar day starts in a time zone (UTC when none, or one unknown); `days` later for the day after. */
export function dayStart(day: string, timeZone?: string | null, days = 0): Date {
  const zone = zoneOf(timeZone);
  const midnight = new Date(`${day}T00:00:00Z`).getTime() + days * 86_400_000;
  // The zone's offset at UTC midnight, then at the instant found: they differ only across a change of clocks.
  const first = midnight - offsetAt(midnight, zone);
  return new Date(midnight - offsetAt(first, zone));
}
