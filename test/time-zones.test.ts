import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TEST_PASSWORD, type Harness, type TestAccount } from './support/harness.js';

/** The account's time zone: the profile sets it, sign-in takes the browser's, emails and pages write dates in it. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const profileOf = async (who: TestAccount) => (await h.request('GET', '/api/v1/profile', { token: who.token })).json();
const setZone = (who: TestAccount, timeZone: string | null) =>
  h.request('PUT', '/api/v1/profile', { token: who.token, body: { timeZone } });

/** "14:05" and the zone's short name ("CET", "UTC+1", "UTC") as Intl writes them for this language and zone. */
function clock(at: Date, locale: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { time: `${part('hour')}:${part('minute')}`, zone: part('timeZoneName') };
}

describe('The profile time zone in the API', () => {
  it('is null until set, is set and shown, refuses a zone not in the IANA list with unknownTimeZone, and unsets', async () => {
    const olga = await h.account('Olga');
    expect((await profileOf(olga)).timeZone).toBeNull();

    const set = await setZone(olga, 'Europe/Paris');
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().timeZone).toBe('Europe/Paris');
    expect((await profileOf(olga)).timeZone).toBe('Europe/Paris');

    const bad = await setZone(olga, 'Mars/Olympus_Mons');
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'unknownTimeZone', field: 'timeZone' });
    expect((await profileOf(olga)).timeZone).toBe('Europe/Paris');

    // With the contact information, a wrong zone refuses the whole change.
    const profile = await profileOf(olga);
    const whole = await h.request('PUT', '/api/v1/profile', {
      token: olga.token,
      body: { email: profile.email, language: 'en', city: 'Lille', timeZone: 'Nowhere/Town' },
    });
    expect(whole.json()).toMatchObject({ code: 'unknownTimeZone' });
    expect((await profileOf(olga)).city).toBeNull();
    const both = await h.request('PUT', '/api/v1/profile', {
      token: olga.token,
      body: { email: profile.email, language: 'en', city: 'Lille', timeZone: 'Europe/Brussels' },
    });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json()).toMatchObject({ city: 'Lille', timeZone: 'Europe/Brussels' });

    const cleared = await setZone(olga, null);
    expect(cleared.json().timeZone).toBeNull();
  });
});

describe('Sign-in', () => {
  const signInWith = (who: TestAccount, timeZone: string) =>
    h.app.inject({
      method: 'POST',
      url: '/signin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        handle: who.handle,
        password: TEST_PASSWORD,
        next: '/services',
        timeZone,
      }).toString(),
    });

  it("takes the browser's zone for an account without one, and never replaces a zone already there", async () => {
    const nina = await h.account('Nina');
    await h.signIn(nina); // sets the password; this sign-in gives no zone
    expect((await profileOf(nina)).timeZone).toBeNull();

    expect((await signInWith(nina, 'not a zone')).statusCode).toBe(303);
    expect((await profileOf(nina)).timeZone).toBeNull();

    expect((await signInWith(nina, 'America/New_York')).statusCode).toBe(303);
    expect((await profileOf(nina)).timeZone).toBe('America/New_York');

    expect((await signInWith(nina, 'Asia/Tokyo')).statusCode).toBe(303);
    expect((await profileOf(nina)).timeZone).toBe('America/New_York');
  });
});

describe('Dates in emails and pages', () => {
  it("a request's email gives its deadline in the recipient's zone, naming it, and in UTC for an account with none", async () => {
    const alice = await h.account('Alice', 'fr');
    const bob = await h.account('Bob', 'en');
    expect((await setZone(bob, 'Europe/Paris')).statusCode).toBe(200);
    const service = await h.service(alice);
    const created = await h.change(alice, service.id, ['tech'], bob);
    expect(created.statusCode, created.body).toBe(201);
    const { id, expiresAt } = created.json() as { id: string; expiresAt: string };
    const deadline = new Date(expiresAt);

    const paris = clock(deadline, 'en-GB', 'Europe/Paris');
    expect(paris.zone).not.toBe('UTC');
    const toBob = await h.email(bob, (t) => t.includes(id));
    expect(toBob.text).toContain(`${paris.time} ${paris.zone}`);

    const utc = clock(deadline, 'fr', 'UTC');
    expect(utc.time).not.toBe(paris.time);
    const toAlice = await h.email(alice, (t) => t.includes(id));
    expect(toAlice.text).toMatch(new RegExp(`${utc.time}\\sUTC\\b`));
    expect(toAlice.text).not.toContain(paris.time);
  });

  it("My requests writes the deadline in the account's zone, naming it, until the browser rewrites it", async () => {
    const alice = await h.account('Alice', 'en');
    const bob = await h.account('Bob', 'en');
    expect((await setZone(bob, 'Asia/Tokyo')).statusCode).toBe(200);
    const service = await h.service(alice);
    const created = await h.change(alice, service.id, ['tech'], bob);
    const { expiresAt } = created.json() as { expiresAt: string };
    const tokyo = clock(new Date(expiresAt), 'en-GB', 'Asia/Tokyo');

    const page = await h.app.inject({ method: 'GET', url: '/requests', headers: { cookie: await h.signIn(bob) } });
    const deadline = new RegExp(`<time datetime="${new Date(expiresAt).toISOString()}"[^>]*>([^<]*)</time>`).exec(
      page.body,
    );
    expect(deadline?.[1]).toMatch(new RegExp(`${tokyo.time} ${tokyo.zone.replace('+', '\\+')}$`));
  });
});
