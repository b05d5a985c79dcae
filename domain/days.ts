import { z } from 'zod';

/**
 * A calendar day as a date field sends it, "2026-03-01"; a day that does not exist (30 February) is refused. An ISO
 * date, so that the published schema states it (`format: date` and a pattern that knows the months and leap years).
 */
export const calendarDay = z.iso.date('a date that exists, as YYYY-MM-DD');

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
  // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
  const wall = new Date(0);
  wall.setUTCFullYear(n('year'), n('month') - 1, n('day'));
  wall.setUTCHours(n('hour'), n('minute'), n('second'));
  return wall.getTime() - (at - (at % 1000));
}

/** The instant a calendar day starts in a time zone (UTC when none, or one unknown); `days` later for the day after. */
export function dayStart(day: string, timeZone?: string | null, days = 0): Date {
  const zone = zoneOf(timeZone);
  const midnight = new Date(`${day}T00:00:00Z`).getTime() + days * 86_400_000;
  // The zone's offset at UTC midnight, then at the instant found: they differ only across a change of clocks.
  const first = midnight - offsetAt(midnight, zone);
  return new Date(midnight - offsetAt(first, zone));
}
