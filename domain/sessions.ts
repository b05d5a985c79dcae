import { createHmac } from 'node:crypto';

/**
 * The name a web session goes by in pages and the API. A session is stored under the digest of its cookie's value;
 * that digest is never shown: this HMAC of it is, cut to 22 characters (128 bits), and says nothing of it.
 */
export const publicSessionId = (secret: string, digest: string) =>
  createHmac('sha256', secret).update(`session-id\0${digest}`).digest('base64url').slice(0, 22);

/** The session cookie: `__Host-` under https (Secure, path /, no Domain: no other host may set it); plain on http. */
export const sessionCookieName = (publicBaseUrl: string) =>
  publicBaseUrl.startsWith('https://') ? '__Host-cs_session' : 'cs_session';

export interface Agent {
  browser: string | null;
  system: string | null;
}

// The first that matches wins: Edge and Opera also say Chrome, Chrome also says Safari.
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\bChromium\//, 'Chromium'],
  [/\b(HeadlessChrome|Chrome|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/^curl\//, 'curl'],
];
const SYSTEMS: [RegExp, string][] = [
  [/\bWindows\b/, 'Windows'],
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/** A browser's user agent in a few words ("Firefox", "Windows"); what cannot be told is null. */
export function describeAgent(userAgent: string | null): Agent {
  const ua = userAgent ?? '';
  const find = (list: [RegExp, string][]) => list.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  return { browser: find(BROWSERS), system: find(SYSTEMS) };
}
