import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TEST_PASSWORD, type Harness } from './support/harness.js';
import { formPages } from './support/pages.js';
import { profilePages, sessionCookie } from './support/profile-pages.js';

/** What an attacker tries against signing in: open redirects, malformed requests, and forms posted from elsewhere. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const signInPost = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  h.app.inject({
    method: 'POST',
    url: '/signin',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });

// Each as it would sit in a link's query string, percent-encoded as the attacker wrote it.
const OFF_SITE = [
  '/%09/evil.example',
  '/%0a/x',
  '/%0d%0aSet-Cookie:%20x=1',
  '//evil.example',
  '/%2F%2Fevil.example',
  '/%252F%252Fevil.example',
  '/\\evil.example',
  '/%5Cevil.example',
  '/%5C%5Cevil.example',
  '%5C/evil.example',
  'https://evil.example/',
  'https:evil.example',
  'javascript:alert(1)',
  '/%00/evil.example',
  'evil.example',
];

describe('next= after signing in', () => {
  it('sends a signed-in visitor to the default page for every off-site payload, and never fails', async () => {
    const cookie = await h.signIn(await h.account('Nadia'));
    for (const payload of OFF_SITE) {
      const res = await h.app.inject({ method: 'GET', url: `/signin?next=${payload}`, headers: { cookie } });
      expect(res.statusCode, payload).toBe(303);
      expect(res.headers.location, payload).toBe('/services');
    }
  });

  it('after the sign-in form too, whatever the hidden field says', async () => {
    const account = await h.account('Omar');
    await h.signIn(account);
    for (const payload of OFF_SITE) {
      const next = decodeURIComponent(payload.replace(/%(?![0-9a-f]{2})/gi, '%25'));
      const res = await signInPost({ handle: account.handle, password: TEST_PASSWORD, next });
      expect(res.statusCode, payload).toBe(303);
      expect(res.headers.location, payload).toBe('/services');
    }
  });

  it('keeps a path of this site, with its query and fragment; the language switch alike', async () => {
    const cookie = await h.signIn(await h.account('Pia'));
    const kept = await h.app.inject({
      method: 'GET',
      url: `/signin?next=${encodeURIComponent('/requests?direction=sent#list')}`,
      headers: { cookie },
    });
    expect(kept.headers.location).toBe('/requests?direction=sent#list');
    for (const payload of OFF_SITE) {
      const res = await h.app.inject({ method: 'GET', url: `/lang/nl?next=${payload}` });
      expect(res.statusCode, payload).toBe(303);
      expect(res.headers.location, payload).toBe('/');
    }
  });
});

describe('a malformed request to a page', () => {
  it('is a readable 4xx page, never a 500 or a 503', async () => {
    const badUrl = await h.app.inject({
      method: 'GET',
      url: '/requests/%E0%A4%A',
      headers: { 'accept-language': 'fr' },
    });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.headers['content-type']).toMatch(/^text\/html/);
    expect(badUrl.body).toContain('Cette adresse ou ce formulaire n’est pas valable');
    expect(badUrl.headers['x-content-type-options']).toBe('nosniff');
    expect(badUrl.headers['content-security-policy']).toContain("default-src 'none'");

    const json = await h.app.inject({
      method: 'POST',
      url: '/signin',
      headers: { 'content-type': 'application/json' },
      payload: '{"handle":',
    });
    expect(json.statusCode).toBe(400);
    expect(json.headers['content-type']).toMatch(/^text\/html/);

    const nul = await signInPost({ handle: 'ab\u0000cd', password: 'x' });
    expect(nul.statusCode).toBe(401);
    expect(nul.body).toContain('do not match');
  });

  it('with text that cannot be stored, in a signed-in form, is a 400 page', async () => {
    const account = await h.account('Quinn');
    const cookie = await h.signIn(account);
    const { post } = formPages(() => h, '/profile');
    const res = await post('/profile', cookie, { email: account.email, city: 'Li\u0000ège' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('This address or form is not valid');
    expect(h.logs.join('\n')).not.toContain('page failed');
  });

  it('answers a malformed API URL with a problem, and its security headers', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/services/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalidRequest');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('a sign-in form posted from another site (login CSRF)', () => {
  const CROSS_SITE: Record<string, string>[] = [
    { origin: 'https://evil.example' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
    { origin: 'null' },
    { origin: 'null', 'sec-fetch-site': 'none' },
    { origin: 'http://countersign.test.evil.example', 'sec-fetch-site': 'same-origin' },
  ];

  it('is refused with a readable 403, even with the right password, and signs nobody in', async () => {
    const attacker = await h.account('Mallory');
    await h.signIn(attacker);
    for (const headers of CROSS_SITE) {
      const res = await signInPost(
        { handle: attacker.handle, password: TEST_PASSWORD },
        { ...headers, 'accept-language': 'fr' },
      );
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.body).toContain('envoyé depuis un autre site');
      expect(sessionCookie(res)).toBeUndefined();
    }
  });

  it('still signs in from the site itself, or when the browser sends neither header', async () => {
    const account = await h.account('Rita');
    await h.signIn(account);
    const sameSite: Record<string, string>[] = [
      { origin: 'http://countersign.test', 'sec-fetch-site': 'same-origin' },
      // What browsers send from a page whose referrer policy is no-referrer, as ours is.
      { origin: 'null', 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {},
    ];
    for (const headers of sameSite) {
      const res = await signInPost({ handle: account.handle, password: TEST_PASSWORD }, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(303);
      expect(sessionCookie(res)).toMatch(/^cs_session=/);
    }
  });

  it('refuses the acceptance of an invitation posted from another site; the link still works afterwards', async () => {
    const { invite } = profilePages(() => h);
    const owner = await h.account('Sven');
    const contact = await h.contact(owner);
    const link = await invite(owner, contact, ['services.view']);
    const acceptFrom = (headers: Record<string, string>) =>
      h.app.inject({
        method: 'POST',
        url: `/invitations/${link.id}?lang=en`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: new URLSearchParams({
          token: link.token,
          password: 'a-chosen-pass-phrase',
          confirm: 'a-chosen-pass-phrase',
        }).toString(),
      });
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const forged = await acceptFrom(headers);
      expect(forged.statusCode).toBe(403);
      expect(forged.body).toContain('sent from another website');
      expect(sessionCookie(forged)).toBeUndefined();
    }
    const check = await h.app.inject({
      method: 'POST',
      url: `/invitations/${link.id}/check`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      payload: `token=${link.token}`,
    });
    expect(check.statusCode).toBe(403);
    const own = await acceptFrom({ origin: 'http://countersign.test', 'sec-fetch-site': 'same-origin' });
    expect(own.statusCode).toBe(303);
    expect(sessionCookie(own)).toMatch(/^cs_session=/);
  });
});
