import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { calendarDay, dayStart } from '../domain/days.js';
import { formatSpan, parseDuration, parseDurationList } from '../domain/durations.js';
import { mayRequestChange, rolesHeldBy } from '../domain/permissions.js';
import { makeToken, partyOfToken } from '../domain/tokens.js';
import { escapeHtml, html, raw } from '../web/shared/html.js';
import securityHeaders from '../core/security-headers.js';

const SECRET = 'unit-test-secret-0123456789-abcdefghijkl';

describe('tokens', () => {
  it('are 256-bit, URL-safe, and differ by request, party and sending', () => {
    const token = makeToken(SECRET, 'req1', 'from', 1);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const others = [
      makeToken(SECRET, 'req2', 'from', 1),
      makeToken(SECRET, 'req1', 'to', 1),
      makeToken(SECRET, 'req1', 'from', 2),
      makeToken('another-secret-0123456789-abcdefghijkl', 'req1', 'from', 1),
    ];
    expect(new Set([token, ...others]).size).toBe(5);
  });

  it('tell which party they belong to, for the current sending only', () => {
    expect(partyOfToken(SECRET, 'req1', 1, makeToken(SECRET, 'req1', 'to', 1))).toBe('to');
    expect(partyOfToken(SECRET, 'req1', 2, makeToken(SECRET, 'req1', 'to', 1))).toBeNull();
    expect(partyOfToken(SECRET, 'req2', 1, makeToken(SECRET, 'req1', 'from', 1))).toBeNull();
    for (const junk of ['', 'short', '!'.repeat(43), `${makeToken(SECRET, 'req1', 'from', 1)}x`])
      expect(partyOfToken(SECRET, 'req1', 1, junk)).toBeNull();
  });
});

describe('who may ask', () => {
  const service = { holderId: 'h', adminId: 'a', techId: 't', billingId: 'b' };
  it('the holder and admin: any role; tech and billing: their own only; others: nothing', () => {
    expect(mayRequestChange(service, 'h', ['admin', 'tech', 'billing'])).toBe(true);
    expect(mayRequestChange(service, 'a', ['billing'])).toBe(true);
    expect(mayRequestChange(service, 't', ['tech'])).toBe(true);
    expect(mayRequestChange(service, 't', ['tech', 'billing'])).toBe(false);
    expect(mayRequestChange(service, 'b', ['admin'])).toBe(false);
    expect(mayRequestChange(service, 'x', ['tech'])).toBe(false);
  });
  it('counts every role an account holds', () => {
    expect(rolesHeldBy({ holderId: 'h', adminId: 'h', techId: 'x', billingId: 'h' }, 'h')).toEqual([
      'admin',
      'billing',
    ]);
  });
});

describe('durations', () => {
  it('read 20s, 15m, 7d and lists; refuse anything else', () => {
    expect(parseDuration('20s')).toBe(20_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('7d')).toBe(604_800_000);
    for (const bad of ['7', '7 days', '-1d', '0s', '1.5h', '']) expect(parseDuration(bad)).toBeNull();
    expect(parseDurationList('2d,6d')).toEqual([172_800_000, 518_400_000]);
    expect(parseDurationList('none')).toEqual([]);
    expect(parseDurationList('2d,x')).toBeNull();
  });

  it("are said in the reader's language, in the largest whole unit", () => {
    // French puts a no-break space before the unit, as it should.
    const span = (ms: number, lang: string) => formatSpan(ms, lang).replace(/\s/g, ' ');
    expect(span(3 * 86_400_000, 'en')).toBe('3 days');
    expect(span(3 * 86_400_000, 'fr')).toBe('3 jours');
    expect(span(3 * 86_400_000, 'nl')).toBe('3 dagen');
    expect(span(36 * 3_600_000, 'en')).toBe('36 hours');
    expect(span(2_000, 'fr')).toBe('2 secondes');
  });
});

describe('days a list is filtered by', () => {
  it('start at midnight in the reader’s zone, also on the days its clocks change', () => {
    const iso = (day: string, zone?: string | null, days?: number) => dayStart(day, zone, days).toISOString();
    expect(iso('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
    expect(iso('2026-03-01', 'Europe/Paris')).toBe('2026-02-28T23:00:00.000Z');
    // Paris moves to summer time at 02:00 on 29 March 2026: that day starts in winter time, the next in summer time.
    expect(iso('2026-03-29', 'Europe/Paris')).toBe('2026-03-28T23:00:00.000Z');
    expect(iso('2026-03-29', 'Europe/Paris', 1)).toBe('2026-03-29T22:00:00.000Z');
    expect(iso('2026-11-01', 'America/New_York')).toBe('2026-11-01T04:00:00.000Z');
    expect(iso('2026-11-02', 'America/New_York')).toBe('2026-11-02T05:00:00.000Z');
    expect(iso('2026-03-01', 'Asia/Kolkata')).toBe('2026-02-28T18:30:00.000Z');
    // A zone this runtime does not know is read as UTC rather than refused.
    expect(iso('2026-03-01', 'Mars/Olympus_Mons')).toBe('2026-03-01T00:00:00.000Z');
    // The years 0 to 99 are those years, not 1900 to 1999 (the contract tester's 0020-02-29 was a 500).
    expect(iso('0020-02-29', 'Europe/Paris')).toMatch(/^0020-02-28T23:/);
    expect(iso('0020-02-29', 'UTC', 1)).toBe('0020-03-01T00:00:00.000Z');
  });

  it('are real calendar days written YYYY-MM-DD', () => {
    for (const day of ['2026-03-01', '2028-02-29']) expect(calendarDay.safeParse(day).success).toBe(true);
    for (const day of ['2026-02-30', '2026-13-01', '1/3/2026', '2026-3-1', '2026-03-01T00:00', ''])
      expect(calendarDay.safeParse(day).success, day).toBe(false);
  });
});

describe('configuration', () => {
  const base = { DATA_DIR: '/tmp/countersign-unit-config', TOKEN_SECRET: SECRET };
  it('has the documented defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      publicBaseUrl: 'http://localhost:3000',
      changeRequestTtlMs: 604_800_000,
      reminderAfterMs: [172_800_000, 518_400_000],
    });
    expect(config.temporal).toMatchObject({ namespace: 'default', taskQueue: 'countersign' });
  });

  it('stops with a message that names each bad variable', () => {
    expect(() =>
      loadConfig({ ...base, PORT: 'eighty', CHANGE_REQUEST_TTL: 'a week', PUBLIC_BASE_URL: 'nowhere' }),
    ).toThrow(
      /PORT[\s\S]*PUBLIC_BASE_URL[\s\S]*CHANGE_REQUEST_TTL: CHANGE_REQUEST_TTL must be a duration such as 20s, 15m, 7d \(got "a week"\)/,
    );
    expect(() => loadConfig({ ...base, CHANGE_REQUEST_TTL: '1d', REMINDER_AFTER: '2d' })).toThrow(/REMINDER_AFTER/);
  });

  it('requires TOKEN_SECRET in production and keeps a generated one locally', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: base.DATA_DIR, RESEND_API_KEY: 're_x' })).toThrow(
      /TOKEN_SECRET: required/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: SECRET })).toThrow(/RESEND_API_KEY: required/);
    const dir = `/tmp/countersign-unit-${process.pid}`;
    const first = loadConfig({ DATA_DIR: dir }).tokenSecret;
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(loadConfig({ DATA_DIR: dir }).tokenSecret).toBe(first);
  });
});

describe('page text', () => {
  it('escapes the five characters that could open markup, and leaves other text as it is', () => {
    expect(html`<dd>${`Tom <b onclick="x">O'Brien</b> & Co`}</dd>`.value).toBe(
      '<dd>Tom &lt;b onclick=&quot;x&quot;&gt;O&#39;Brien&lt;/b&gt; &amp; Co</dd>',
    );
    expect(escapeHtml('Één naam, 10 € — plain')).toBe('Één naam, 10 € — plain');
    expect(html`<p>${raw('<i>safe</i>')}${['<', '>']}</p>`.value).toBe('<p><i>safe</i>&lt;&gt;</p>');
  });
});

describe('security headers', () => {
  it('ask for HTTPS only when the public address is https', async () => {
    for (const [publicBaseUrl, hsts] of [
      ['https://contacts.example-registrar.com', 'max-age=31536000; includeSubDomains'],
      ['http://localhost:3000', undefined],
    ] as const) {
      const app = Fastify();
      await app.register(securityHeaders, { publicBaseUrl });
      app.get('/', async () => ({ ok: true }));
      const res = await app.inject({ method: 'GET', url: '/' });
      expect(res.headers['strict-transport-security']).toBe(hsts);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      await app.close();
    }
  });
});
