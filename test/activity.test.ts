import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivity } from '../accounts/activity.js';
import { startHarness, type Harness, type TestAccount } from './support/harness.js';
import { formPages } from './support/pages.js';

/** My account activity, on its page and in the API: one's own only, in the reader's language. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { get } = formPages(() => h, '/profile');

/** A request from a given address and browser, with the account's token. */
const from = (owner: TestAccount, method: 'POST' | 'DELETE', url: string, payload?: object) =>
  h.app.inject({
    method,
    url,
    remoteAddress: '198.51.100.20',
    headers: { authorization: `Bearer ${owner.token}`, 'user-agent': 'TokenMaker/1.0 (test)' },
    ...(payload ? { payload } : {}),
  });

/** Alice creates and revokes a token, and someone fails to sign in as her. */
async function aliceWithHistory(language: 'en' | 'fr' = 'en') {
  const alice = await h.account('Alice', language);
  const made = await from(alice, 'POST', '/api/v1/tokens', { name: 'nightly sync', scope: 'read' });
  expect(made.statusCode).toBe(201);
  expect((await from(alice, 'DELETE', `/api/v1/tokens/${made.json().id}`)).statusCode).toBe(204);
  // A wrong password on the sign-in page: recorded by the sign-in's own part of this work through this use-case.
  await recordActivity(h.app.ctx, alice.id, 'signInFailed', { ip: '203.0.113.66', userAgent: 'Guesser/2.0' });
  return { alice, token: made.json().token as string };
}

describe('My account activity', () => {
  it('the API lists my token created and revoked and a failed sign-in, newest first, never the token', async () => {
    const { alice, token } = await aliceWithHistory();
    const res = await h.request('GET', '/api/v1/profile/activity', { token: alice.token });
    expect(res.statusCode).toBe(200);
    const { items, nextBefore } = res.json() as {
      items: { id: number; type: string; ip: string; userAgent: string; detail: Record<string, unknown> | null }[];
      nextBefore: number | null;
    };
    expect(items.map((e) => e.type)).toEqual(['signInFailed', 'apiTokenRevoked', 'apiTokenCreated']);
    expect(items[0]).toMatchObject({ ip: '203.0.113.66', userAgent: 'Guesser/2.0' });
    expect(items[2]).toMatchObject({
      ip: '198.51.100.20',
      userAgent: 'TokenMaker/1.0 (test)',
      detail: { name: 'nightly sync' },
    });
    expect(nextBefore).toBeNull();
    expect(res.body).not.toContain(token);

    const first = (await h.request('GET', '/api/v1/profile/activity?limit=2', { token: alice.token })).json();
    expect(first.items).toHaveLength(2);
    const rest = await h.request('GET', `/api/v1/profile/activity?limit=2&before=${first.nextBefore}`, {
      token: alice.token,
    });
    expect(rest.json()).toMatchObject({ items: [{ type: 'apiTokenCreated' }], nextBefore: null });
  });

  it('another account sees none of it, in the API or on its page', async () => {
    await aliceWithHistory();
    const bob = await h.account('Bob');
    const api = (await h.request('GET', '/api/v1/profile/activity', { token: bob.token })).json();
    expect(api.items).toEqual([]);
    const page = await get('/account/activity', await h.signIn(bob));
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('nightly sync');
    expect(page.body).not.toContain('203.0.113.66');
    // Bob's own events (the password the provider set for him, his sign-in) are his; none of Alice's is there.
    expect(page.body).not.toContain('TokenMaker/1.0');
    expect(page.body).not.toContain('Guesser/2.0');
  });

  it("the page shows each event in the reader's language with its date, address and browser", async () => {
    const { alice } = await aliceWithHistory('fr');
    const cookie = await h.signIn(alice);
    expect((await get('/profile', cookie)).body).toContain('<a href="/account/activity">');
    const page = await get('/account/activity', cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Activité de mon compte');
    expect(page.body).toContain('Jeton d’API créé : « nightly sync »');
    expect(page.body).toContain('Jeton d’API révoqué : « nightly sync »');
    expect(page.body).toContain('Tentative de connexion échouée');
    expect(page.body).toMatch(/<td[^>]*>203\.0\.113\.66<\/td>\s*<td class="browser"[^>]*>Guesser\/2\.0<\/td>/);
    expect(page.body).toContain('TokenMaker/1.0 (test)');
    const year = new Date().getUTCFullYear();
    expect(page.body).toMatch(new RegExp(`\\d{1,2}(er)? [a-zéû]+ ${year} à \\d{2}:\\d{2} UTC`));

    const signedOut = await get('/account/activity');
    expect(signedOut.statusCode).toBe(303);
  });
});
