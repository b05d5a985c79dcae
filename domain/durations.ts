const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+)(ms|s|m|h|d)$/;

/** Parses "20s", "15m", "7d" into milliseconds; null when the text is not such a duration. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return value > 0 && Number.isSafeInteger(value) ? value : null;
}

/** Parses a comma-separated list of durations ("2d,6d"); "none" is an empty list. */
export function parseDurationList(text: string): number[] | null {
  if (text.trim() === 'none') return [];
  const values = text.split(',').map(parseDuration);
  return values.every((v): v is number => v !== null) ? values : null;
}

const SPAN_UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
] as const;

/** "3 days", "3 jours", "3 dagen": the largest whole unit, in the reader's language. */
export function formatSpan(ms: number, language: string): string {
  const [unit, size] =
    SPAN_UNITS.find(([, size]) => ms >= size && ms % size === 0) ??
    SPAN_UNITS.find(([, size]) => ms >= size) ??
    SPAN_UNITS[3];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(
    ms / size,
  );
}
