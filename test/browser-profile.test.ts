import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { snapshot, withBrowserHarness } from './support/browser.js';
import { type Harness } from './support/harness.js';

let h: Harness;
let browser: Browser;
withBrowserHarness((harness, started) => ([h, browser] = [harness, started]));

describe('invitation and profile in a browser', () => {
  it('the invitee opens the emailed link, sees the strength meter, generates a password, lands signed in, then sets the language preference', async () => {
    const owner = await h.account('Olivia');
    const contact = await h.contact(owner, { firstName: 'Iris', lastName: 'Invitee', language: 'fr' });
    const invited = await h.request('POST', `/api/v1/contacts/${contact.id}/invitation`, {
      token: owner.token,
      body: { permissions: ['profile', 'services.view'] },
    });
    expect(invited.statusCode).toBe(201);
    const email = await h.email({ ...contact, token: '' }, (t) => t.includes('/invitations/'));
    const link = /(http:\/\/\S+\/invitations\/\S+#token=[\w-]{43})/.exec(email.text)![1]!;
    expect(link.startsWith(`${h.config.publicBaseUrl}/invitations/`)).toBe(true);

    const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await page.goto(link);
    // Greeted by name once the server has checked the token; the token is gone from the address bar.
    await expect.poll(() => page.locator('#invitee').textContent()).toContain('Bonjour Iris Invitee,');
    expect(await page.locator('#invitee').textContent()).toContain(contact.handle);
    expect(page.url()).not.toContain('token');

    const password = page.locator('#password');
    const strength = page.locator('#password-strength');
    await password.fill('abc');
    await expect.poll(() => strength.textContent()).toContain('trop court');
    // The server rates it as it will on submit, and says why in French.
    await password.fill('soleil2024');
    await expect
      .poll(() => strength.textContent(), { timeout: 15_000 })
      .toBe('Robustesse : faible Ajoutez des mots moins courants.');
    expect(await page.locator('#password-strength meter').evaluate((m) => (m as HTMLMeterElement).value)).toBe(1);
    await password.fill('correct horse battery staple');
    await expect.poll(() => strength.textContent()).toBe('Robustesse : élevée');

    await page.getByRole('button', { name: 'Générer un mot de passe sûr' }).click();
    const generated = await password.inputValue();
    expect(generated).toMatch(/^\S{20}$/);
    expect(generated).not.toBe('correct horse battery staple');
    expect(await password.getAttribute('type')).toBe('text');
    expect(await page.locator('#confirm').inputValue()).toBe(generated);
    await expect.poll(() => strength.textContent()).toBe('Robustesse : élevée');
    await expect
      .poll(() => page.locator('#password-tools').textContent())
      .toContain('Un mot de passe aléatoire est dans le champ');
    await page.getByRole('button', { name: 'Copier' }).click();
    await expect
      .poll(() => page.locator('#password-tools').textContent())
      .toMatch(/Copié dans le presse-papiers|Copie impossible/);
    await page.getByRole('button', { name: 'Masquer' }).click();
    expect(await password.getAttribute('type')).toBe('password');
    await snapshot(page, 'invitation-accept');

    await page.getByRole('button', { name: 'Accepter et me connecter' }).click();
    await page.waitForURL(/\/services$/);
    expect(await page.locator('h1').textContent()).toBe('Mes services');
    expect(await page.locator('.who').textContent()).toContain(contact.handle);

    // With the profile permission, the invitee manages the preferences of Olivia's customer area.
    await page.getByRole('link', { name: 'Profil' }).click();
    await page.waitForURL(/\/profile$/);
    expect(await page.locator('main').textContent()).toContain(
      `Vous gérez le profil de l’espace client d’Olivia (${owner.handle})`,
    );
    await page.locator('#language').selectOption('nl');
    await page.getByRole('button', { name: 'Enregistrer les préférences' }).click();
    await page.waitForURL(/\/profile#preferences$/);
    expect(await page.getByRole('status').textContent()).toBe('Les préférences du compte ont été enregistrées.');
    expect(await page.locator('#language').inputValue()).toBe('nl');
    await snapshot(page, 'profile');
    const profile = (await h.request('GET', '/api/v1/profile', { token: owner.token })).json();
    expect(profile.preferences.language).toBe('nl');
  });
});
