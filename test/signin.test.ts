import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TEST_PASSWORD, type Harness } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  await h?.close();
});

const form = (fields: Record<string, string>, cookie?: string) => ({
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    'accept-language': 'fr-FR,fr;q=0.9',
    ...(cookie ? { cookie } : {}),
  },
  payload: new URLSearchParams(fields).toString(),
});

describe('signing in', () => {
  it('with the right password opens a session in an HttpOnly, SameSite=Lax cookie; a wrong one says so', async () => {
    const alice = await h.account('Alice', 'fr');
    await h.signIn(alice);
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/signin',
      ...form({ handle: alice.handle, password: 'nope-nope-nope' }),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('ne correspondent pas');
    const right = await h.app.inject({
      method: 'POST',
      url: '/signin',
      ...form({ handle: alice.handle, password: TEST_PASSWORD, next: '/requests' }),
    });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/requests');
    expect(String(right.headers['set-cookie'])).toMatch(/cs_session=[\w-]{43}; .*HttpOnly; SameSite=Lax/);
  });

  it('never redirects to another site after signing in', async () => {
    const bob = await h.account('Bob');
    await h.signIn(bob);
    const res = await h.app.inject({
      method: 'POST',
      url: '/signin',
      ...form({ handle: bob.handle, password: TEST_PASSWORD, next: '//evil.example/' }),
    });
    expect(res.headers.location).toBe('/services');
  });

  it("refuses to sign out without the form's CSRF field, in the account's language", async () => {
    const carla = await h.account('Carla', 'nl');
    const cookie = await h.signIn(carla);
    const forged = await h.app.inject({
      method: 'POST',
      url: '/signout',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '_csrf=forged',
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('formulier is verlopen');
    // Still signed in: the sign-in page sends Carla on.
    expect(
      (await h.app.inject({ method: 'GET', url: '/signin?next=/requests', headers: { cookie } })).headers.location,
    ).toBe('/requests');
  });

  it('remembers the language chosen with the switcher, and never redirects off the site', async () => {
    const chosen = await h.app.inject({ method: 'GET', url: '/lang/nl?next=%2Fsignin' });
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toBe('/signin');
    const cookie = String(chosen.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toBe('cs_lang=nl');
    const page = await h.app.inject({ method: 'GET', url: '/signin', headers: { cookie, 'accept-language': 'fr' } });
    expect(page.body).toContain('<html lang="nl">');
    expect(page.body).toContain('Inloggen');
    expect((await h.app.inject({ method: 'GET', url: '/lang/fr?next=%2F%2Fevil.example' })).headers.location).toBe('/');
  });

  it('sends a visitor of any signed-in page to sign in first, and back there afterwards', async () => {
    for (const path of ['/services', '/requests?direction=sent', '/support', '/requests/some-id']) {
      const res = await h.app.inject({ method: 'GET', url: path });
      expect(res.statusCode, path).toBe(303);
      expect(res.headers.location).toBe(`/signin?next=${encodeURIComponent(path)}`);
    }
  });
});
