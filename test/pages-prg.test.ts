import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.js';
import { formPages, withFlash } from './support/pages.js';

/**
 * Post/redirect/get: a page form that did its work answers 303 See Other to a page got with a GET, which says once what
 * happened. The message rides in a short-lived cookie holding only its key; the page that shows it takes it away.
 * In a browser (reload, Back, Forward): browser-prg.test.ts.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { get, post } = formPages(() => h, '/services');
type Answer = Awaited<ReturnType<typeof post>>;

/** The action answered 303 to `location`, whose page says `words` once: the page takes the message away. */
async function saidOnce(res: Answer, cookie: string, location: string, words: string) {
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe(location);
  const page = await get(location, withFlash(cookie, res));
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain(words);
  expect(page.cookies).toContainEqual(expect.objectContaining({ name: 'cs_flash', value: '' }));
  // The browser no longer sends it: a reload shows the page without the message.
  expect((await get(location, cookie)).body).not.toContain(words);
}

describe('the message after an action', () => {
  it('rides in a 60 s HttpOnly, SameSite=Lax cookie for the whole site, holding only its key', async () => {
    const alice = await h.account('Alice');
    const cookie = await h.signIn(alice);
    const res = await post('/contacts', cookie, {
      firstName: 'Jeanne',
      lastName: 'Dupont',
      email: `jeanne-${Date.now()}@example.fr`,
      language: 'fr',
    });
    expect(res.statusCode).toBe(303);
    const flash = res.cookies.find((c) => c.name === 'cs_flash');
    expect(flash).toMatchObject({ value: 'contacts.added', httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 60 });
    expect(String(res.headers['set-cookie'])).not.toContain('Jeanne');
    await saidOnce(res, cookie, '/contacts', 'The contact has been added.');
  });

  it('a key no page knows, or one of another area, shows nothing and is taken away all the same', async () => {
    const alice = await h.account('Alice');
    const cookie = await h.signIn(alice);
    for (const forged of ['contacts.nothing', '<b>hi</b>', 'requests.sent']) {
      const page = await get('/contacts', `${cookie}; cs_flash=${encodeURIComponent(forged)}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('id="flash"');
      expect(page.cookies).toContainEqual(expect.objectContaining({ name: 'cs_flash', value: '' }));
    }
  });

  it('confirming a change leads to the new request, which says it was sent, in the account’s language', async () => {
    const [alice, bob] = await Promise.all([h.account('Alice', 'nl'), h.account('Bob')]);
    const service = await h.service(alice);
    const cookie = await h.signIn(alice);
    const res = await post(`/services/${service.id}/change/confirm`, cookie, { roles: 'tech', to: bob.handle });
    const services = (await h.request('GET', '/api/v1/services', { token: alice.token })).json().items as {
      id: string;
      pendingChanges: { changeId: string }[];
    }[];
    const [change] = services.find((s) => s.id === service.id)!.pendingChanges;
    await saidOnce(
      res,
      cookie,
      `/requests/${change!.changeId}`,
      'Verzoek verstuurd: beide contacten krijgen een e-mail met een eenmalige code',
    );
  });

  it('revoking a token and support’s cancel answer 303 too, and say so once', async () => {
    const alice = await h.account('Alice');
    const cookie = await h.signIn(alice);
    expect((await post('/account/api-tokens', cookie, { name: 'backup', scope: 'read' })).statusCode).toBe(201);
    const backup = (await h.request('GET', '/api/v1/tokens', { token: alice.token }))
      .json()
      .items.find((t: { name: string }) => t.name === 'backup') as { id: string };
    const revoked = await post(`/account/api-tokens/${backup.id}/revoke`, cookie);
    await saidOnce(revoked, cookie, '/account/api-tokens', 'The token is revoked: it no longer works.');

    const { id } = await h.pending();
    const sam = await h.signIn(await h.account('Sam', 'en', 'support'));
    const cancelled = await post(`/support/requests/${id}/cancel`, sam, { reason: 'Asked by phone' });
    await saidOnce(cancelled, sam, `/support/requests/${id}`, 'The request was cancelled.');
  });
});

describe('under an https PUBLIC_BASE_URL', () => {
  it('is the __Host-cs_flash cookie: Secure, for the whole site, no Domain', async () => {
    const secure = await startHarness({ worker: false, env: { PUBLIC_BASE_URL: 'https://countersign.test' } });
    try {
      const pages = formPages(() => secure, '/services');
      const cookie = await secure.signIn(await secure.account('Hana'));
      const res = await pages.post('/contacts', cookie, {
        firstName: 'Jan',
        lastName: 'Peeters',
        email: `jan-${Date.now()}@example.be`,
        language: 'nl',
      });
      expect(res.statusCode).toBe(303);
      const set = String([res.headers['set-cookie']].flat().find((c) => c?.startsWith('__Host-cs_flash=')));
      expect(set).toBe('__Host-cs_flash=contacts.added; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=Lax');
      const page = await pages.get('/contacts', withFlash(cookie, res));
      expect(page.body).toContain('role="status" id="flash">');
      expect(page.cookies).toContainEqual(expect.objectContaining({ name: '__Host-cs_flash', value: '' }));
    } finally {
      await secure.close();
    }
  });
});
