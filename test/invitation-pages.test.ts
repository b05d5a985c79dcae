import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.js';
import { errorOf, inputOf, profilePages, sessionCookie, type Link } from './support/profile-pages.js';

/** The page where an invited contact accepts, chooses a password and becomes a sub-account. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { get, post, invite, accept } = profilePages(() => h);

const check = (link: Link, token = link.token) =>
  h.app.inject({
    method: 'POST',
    url: `/invitations/${link.id}/check?lang=${link.lang}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `token=${token}`,
  });

describe('Accepting an invitation', () => {
  it('greets only who holds the link, signs the sub-account in, and works once', async () => {
    const owner = await h.account('Odile', 'fr');
    const contact = await h.contact(owner, { language: 'fr' });
    const link = await invite(owner, contact, ['services.view']);
    expect(link.lang).toBe('fr');
    const page = await get(`/invitations/${link.id}?lang=fr`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Accepter l’invitation');
    expect(page.body).toContain('<input type="hidden" name="token" id="token" value="">');
    expect(page.body).not.toContain('Casey');
    expect(page.headers['cache-control']).toBe('no-store');

    expect((await check(link)).json()).toEqual({
      ok: true,
      greeting: 'Bonjour Casey Contact,',
      handle: `votre identifiant de connexion est ${contact.handle}.`,
      username: contact.handle,
    });
    const forged = await check(link, 'A'.repeat(43));
    expect(forged.statusCode).toBe(410);
    expect(forged.json().message).toContain('Demandez un nouveau lien à la personne à l’origine de l’invitation.');

    const accepted = await accept(link, 'un-mot-de-passe-solide');
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/services');
    const services = await get('/services', sessionCookie(accepted));
    expect(services.statusCode).toBe(200);
    expect(services.body).toContain(`(${contact.handle})`);
    expect(services.body).toContain('Mes services');

    const again = await accept(link, 'un-autre-mot-de-passe');
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Ce lien d’invitation n’est plus valable');
    expect(again.body).not.toContain('name="password"');
    expect(sessionCookie(again)).toBeUndefined();
    // The first password is the one that signs in; the token never reached a logged URL.
    expect(
      (await post('/signin', undefined, { handle: contact.handle, password: 'un-mot-de-passe-solide' })).statusCode,
    ).toBe(303);
    expect(h.logs.some((line) => line.includes(link.token))).toBe(false);
  });

  it('refuses a withdrawn link, and an older link once a new one was sent', async () => {
    const owner = await h.account('Omar');
    const contact = await h.contact(owner);
    const first = await invite(owner, contact, ['profile']);
    const second = await invite(owner, contact, ['profile'], 2);
    const older = await accept(first, 'a-good-long-password');
    expect(older.statusCode).toBe(410);
    expect(older.body).toContain('Ask the person who invited you for a new link.');
    expect((await check(first)).statusCode).toBe(410);
    // A link cut before its token (or a browser without JavaScript) is told how to get a working one.
    const cut = await accept({ ...second, token: '' }, 'a-good-long-password');
    expect(cut.statusCode).toBe(400);
    expect(cut.body).toContain('This link is incomplete. Open the link from the invitation email again');

    expect(
      (await h.request('DELETE', `/api/v1/contacts/${contact.id}/invitation`, { token: owner.token })).statusCode,
    ).toBe(200);
    const withdrawn = await accept(second, 'a-good-long-password');
    expect(withdrawn.statusCode).toBe(410);
    expect(withdrawn.body).toContain('This invitation link is no longer valid');
    expect(
      (await post('/signin', undefined, { handle: contact.handle, password: 'a-good-long-password' })).statusCode,
    ).toBe(401);
  });

  it('a too-short password or a different confirmation is refused next to the field, and the link still works', async () => {
    const owner = await h.account('Otto');
    const contact = await h.contact(owner, { language: 'nl' });
    const link = await invite(owner, contact, []);
    const short = await accept(link, 'short');
    expect(short.statusCode).toBe(422);
    expect(errorOf(short.body, 'password')).toBe('Kies een wachtwoord van ten minste 10 tekens.');
    expect(inputOf(short.body, 'password')).toContain('aria-invalid="true"');
    expect(short.body).toContain('Beste Casey Contact,');
    expect(short.body).toContain(`name="token" id="token" value="${link.token}"`);

    const different = await accept(link, 'long-enough-password', 'long-enough-passwort');
    expect(different.statusCode).toBe(422);
    expect(errorOf(different.body, 'confirm')).toBe(
      'De twee wachtwoorden verschillen: typ twee keer hetzelfde wachtwoord.',
    );
    expect(errorOf(different.body, 'password')).toBe('');

    expect((await accept(link, 'long-enough-password')).statusCode).toBe(303);
  });
});
