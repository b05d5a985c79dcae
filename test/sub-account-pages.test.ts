import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startHarness, type Harness, type TestAccount } from './support/harness.js';
import { formPages } from './support/pages.js';

/** A sub-account's pages say whose area it acts in and fit its permissions; service kinds in the page's language. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { get } = formPages(() => h, '/services');
const OWN_ONLY_FR = 'vous ne pouvez transmettre que votre propre rôle';
const areaLine = (body: string) => /<p class="area">([^<]*)<\/p>/.exec(body)?.[1];

async function serviceOf(holder: TestAccount, kind: string, tech: TestAccount = holder) {
  const res = await h.request('POST', '/api/v1/admin/services', {
    token: ADMIN_KEY,
    body: {
      name: `site-${Date.now()}.example`,
      kind,
      ownerId: holder.id,
      contacts: { admin: holder.handle, tech: tech.handle, billing: holder.handle },
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; name: string };
}

describe('A sub-account on its pages (fr)', () => {
  it('sees whose customer area it acts in, an intro for a sub-account, and no "only your own role" hint', async () => {
    const [alice, carol] = await Promise.all([h.account('Alice', 'fr'), h.account('Carol', 'fr')]);
    const tom = await h.subAccount(alice, ['domains.manage']);
    const domain = await h.service(alice, { tech: carol });
    const tomCookie = await h.signIn(tom);

    const services = await get('/services?lang=fr', tomCookie);
    expect(services.statusCode).toBe(200);
    expect(areaLine(services.body)).toBe(`Vous agissez dans l’espace client d’Alice (${alice.handle}).`);
    expect(services.body).toContain('Les services de cet espace client que vos droits vous permettent de voir');
    expect(services.body).not.toContain('Les services dont vous êtes titulaire ou contact');
    expect(services.body).toContain(domain.name);

    // Tom acts for Alice, the holder: every role is his to hand over, and the form does not say otherwise.
    const form = await get(`/services/${domain.id}/change?lang=fr`, tomCookie);
    expect(form.statusCode).toBe(200);
    expect(areaLine(form.body)).toContain('d’Alice');
    expect(form.body).toContain('value="admin"');
    expect(form.body).not.toContain(OWN_ONLY_FR);

    // Carol, the tech contact herself, is told; and an account in its own area sees no area line.
    const carolForm = await get(`/services/${domain.id}/change?lang=fr`, await h.signIn(carol));
    expect(carolForm.body).toContain(OWN_ONLY_FR);
    expect(areaLine(carolForm.body)).toBeUndefined();
    expect(areaLine((await get('/services?lang=fr', await h.signIn(alice))).body)).toBeUndefined();
  });

  it('is shown, on its keeper’s access form, which permissions are for the provider’s own customer area', async () => {
    const alice = await h.account('Alice', 'fr');
    const tom = await h.subAccount(alice, ['domains.view']);
    const page = await get(`/contacts/${tom.id}/edit?lang=fr`, await h.signIn(alice));
    expect(page.statusCode).toBe(200);
    const elsewhere = /<fieldset id="permissions-elsewhere"[\s\S]*?<\/fieldset>/.exec(page.body)?.[0] ?? '';
    expect(elsewhere).toContain('Dans l’espace client de votre hébergeur');
    for (const p of ['invoices', 'tickets', 'emails', 'orders']) expect(elsewhere).toContain(`value="${p}"`);
    for (const p of ['domains.view', 'services.manage', 'contacts']) expect(elsewhere).not.toContain(`value="${p}"`);
  });
});

describe('Service kinds in the page’s language', () => {
  it('names the kind in French and Dutch on My services, the change form and the request', async () => {
    const [alice, bob] = await Promise.all([h.account('Alice', 'fr'), h.account('Bob')]);
    const hosting = await serviceOf(alice, 'web-hosting');
    const domain = await h.service(alice);
    const created = await h.change(alice, domain.id, ['tech'], bob);
    const changeId = (created.json() as { id: string }).id;
    const cookie = await h.signIn(alice);

    const fr = await get('/services?lang=fr', cookie);
    expect(fr.body).toContain('<dd>Hébergement</dd>');
    expect(fr.body).toContain('<dd>Nom de domaine</dd>');
    expect(fr.body).not.toMatch(/<dd>(web-hosting|domain)<\/dd>/);
    const nl = await get('/services?lang=nl', cookie);
    expect(nl.body).toContain('<dd>Hostingpakket</dd>');
    expect(nl.body).not.toMatch(/<dd>(web-hosting|domain)<\/dd>/);

    const form = await get(`/services/${hosting.id}/change?lang=nl`, cookie);
    expect(form.body).toContain(`<strong>${hosting.name}</strong> · Hostingpakket`);
    const request = await get(`/requests/${changeId}?lang=fr`, cookie);
    expect(request.statusCode).toBe(200);
    expect(request.body).toContain(`${domain.name} (Nom de domaine)`);
    expect(request.body).not.toContain('(domain)');
  });
});
