import { z } from 'zod';

/** The IANA zones this runtime knows, UTC first (Node leaves it out of its list; a browser may report it). */
export const TIME_ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
const KNOWN = new Set(TIME_ZONES);

/** A zone as a browser names it, in the list's spelling (Asia/Calcutta is Asia/Kolkata here); null if unknown. */
export function knownTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  if (KNOWN.has(value)) return value;
  try {
    const canonical = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    return KNOWN.has(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

/** The profile's time zone: one of the list, or null for none (UTC). */
export const timeZoneInput = z
  .string()
  .trim()
  .max(64)
  .nullable()
  .refine((v) => v === null || v === '' || KNOWN.has(v), 'an IANA time zone, e.g. Europe/Paris')
  .transform((v) => v || null)
  .describe('an IANA time zone, e.g. Europe/Paris; null: UTC');
