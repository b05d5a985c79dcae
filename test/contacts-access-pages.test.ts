import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAccount, box, contactsPages, inputOf, rowOf, type Contact } from './support/contacts-pages.js';
import { tokenIn } from './support/fake-resend.js';
import { startHarness, TEST_PASSWORD, type Harness } from './support/harness.js';
import { withFlash } from './support/pages.js';

/** My contacts: who of them may use the customer area, and with which permissions. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { get, post, contactVia } = contactsPages(() => h);

async function invitationEmail(contact: Contact, count = 1) {
  const email = await h.email(asAccount(contact), (text) => text.includes('/invitations/'), count);
  return { email, id: /\/invitations\/([\w-]+)\?/.exec(email.text)![1]!, token: tokenIn(email) };
}

describe('access to the customer area', () => {
  it('the holder invites a contact with permissions, an email with the link arrives, and the invitation can be withdrawn', async () => {
    const alice = await h.account('Alice');
    const casey = await h.contact(alice, { firstName: 'Casey', lastName: 'Martin' });
    const cookie = await h.signIn(alice);
    const before = await get(`/contacts/${casey.id}/edit`, cookie);
    expect(before.body).toContain('<h2 id="access-heading">Access to the customer area</h2>');
    expect(before.body).toContain('<legend>Allow access to the customer area</legend>');
    expect(before.body).toContain(`We send ${casey.email} an email with a link to choose a password, valid 7 days.`);
    expect(before.body).toContain('<label for="permission-domains-manage">Manage domains</label>');

    const invited = await post(`/contacts/${casey.id}/invite`, cookie, { permissions: ['domains.manage', 'tickets'] });
    expect(invited.statusCode).toBe(303);
    expect(invited.headers.location).toBe(`/contacts/${casey.id}/edit`);
    const { email, id, token } = await invitationEmail(casey);
    expect(email.subject).toContain('invites you');
    const page = await get(invited.headers.location!, withFlash(cookie, invited));
    expect(page.body).toContain('The invitation has been sent.');
    expect(page.body).toMatch(
      new RegExp(`An invitation was sent to ${casey.email}\\. Its link is valid until <time datetime="[^"]+"`),
    );
    for (const p of ['domains.manage', 'domains.view', 'tickets'])
      expect(box(page.body, 'permissions', p)).toContain('checked');
    expect(box(page.body, 'permissions', 'services.view')).not.toContain('checked');
    expect(page.body).toContain('>Send a new link</button>');
    expect(page.body).toContain('>Withdraw the invitation</button>');
    expect(rowOf((await get('/contacts', cookie)).body, casey.id)).toContain('Invited, link valid until');

    const withdrawn = await post(`/contacts/${casey.id}/withdraw`, cookie);
    expect(withdrawn.statusCode).toBe(303);
    const after = await get(withdrawn.headers.location!, withFlash(cookie, withdrawn));
    expect(after.body).toContain('The invitation has been withdrawn: its link no longer works.');
    expect(after.body).toContain('<legend>Allow access to the customer area</legend>');
    expect((await contactVia(alice, casey.id)).access.status).toBe('none');
    const accept = await h.request('POST', `/api/v1/invitations/${id}/accept`, {
      body: { token, password: TEST_PASSWORD },
    });
    expect(accept.statusCode).toBe(410);

    // A button alone, refused: back to the contact, which says why once.
    const again = await post(`/contacts/${casey.id}/withdraw`, cookie);
    expect([again.statusCode, again.headers.location]).toEqual([303, `/contacts/${casey.id}/edit`]);
    expect((await get(again.headers.location!, withFlash(cookie, again))).body).toContain(
      '<p class="notice error" role="alert" id="flash">This contact has no invitation waiting to be accepted.</p>',
    );
    expect((await get(again.headers.location!, cookie)).body).not.toContain('id="flash"');
  });

  it('says when an invitation expired unaccepted, in the list and on the contact, so that a new link can be sent', async () => {
    const alice = await h.account('Alice');
    const cookie = await h.signIn(alice);
    const contact = await h.contact(alice, { firstName: 'Late' });
    await h.request('POST', `/api/v1/contacts/${contact.id}/invitation`, {
      token: alice.token,
      body: { permissions: ['profile'] },
    });
    await h.db.execute(
      sql`update invitations set expires_at = now() - interval '1 day' where account_id = ${contact.id}`,
    );
    expect(rowOf((await get('/contacts', cookie)).body, contact.id)).toContain('Invitation expired on');
    const edit = (await get(`/contacts/${contact.id}/edit`, cookie)).body;
    expect(edit).toContain('was not accepted in time; send a new link');
    expect(edit).toContain('Send a new link');
  });

  it('a sub-account with the contacts permission edits contacts but sees no access section and may not invite', async () => {
    const alice = await h.account('Alice');
    const [sam, dana] = await Promise.all([
      h.contact(alice, { firstName: 'Sam', lastName: 'Sub' }),
      h.contact(alice, { firstName: 'Dana', lastName: 'Else' }),
    ]);
    expect(
      (
        await h.request('POST', `/api/v1/contacts/${sam.id}/invitation`, {
          token: alice.token,
          body: { permissions: ['contacts'] },
        })
      ).statusCode,
    ).toBe(201);
    const { id, token } = await invitationEmail(sam);
    expect(
      (await h.request('POST', `/api/v1/invitations/${id}/accept`, { body: { token, password: TEST_PASSWORD } }))
        .statusCode,
    ).toBe(200);
    const cookie = await h.signIn(asAccount(sam));

    const list = await get('/contacts', cookie);
    expect(list.statusCode).toBe(200);
    expect(rowOf(list.body, dana.id)).toContain('Dana Else');
    const edit = await get(`/contacts/${dana.id}/edit`, cookie);
    expect(edit.statusCode).toBe(200);
    expect(inputOf(edit.body, 'firstName')).toContain('value="Dana"');
    expect(edit.body).not.toContain('Access to the customer area');
    expect(edit.body).not.toContain(`/contacts/${dana.id}/invite`);

    const refused = await post(`/contacts/${dana.id}/invite`, cookie, { permissions: ['profile'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You may not do this.');
    expect((await contactVia(alice, dana.id)).access.status).toBe('none');
  });

  it('the holder changes a sub-account’s permissions, deactivates and reactivates it', async () => {
    const alice = await h.account('Alice', 'nl');
    const sam = await h.contact(alice, { firstName: 'Sam', lastName: 'Sub' });
    await h.request('POST', `/api/v1/contacts/${sam.id}/invitation`, {
      token: alice.token,
      body: { permissions: ['contacts'] },
    });
    const { id, token } = await invitationEmail(sam);
    await h.request('POST', `/api/v1/invitations/${id}/accept`, { body: { token, password: TEST_PASSWORD } });
    const cookie = await h.signIn(alice);

    const page = await get(`/contacts/${sam.id}/edit`, cookie);
    expect(page.body).toContain(`Sam Sub is een subaccount en logt in met de handle ${sam.handle}.`);
    const saved = await post(`/contacts/${sam.id}/permissions`, cookie, { permissions: ['services.manage'] });
    expect((await get(saved.headers.location!, withFlash(cookie, saved))).body).toContain(
      'De permissies zijn opgeslagen',
    );
    expect((await contactVia(alice, sam.id)).access.permissions).toEqual(['services.view', 'services.manage']);

    const off = await post(`/contacts/${sam.id}/deactivate`, cookie);
    expect((await get(off.headers.location!, withFlash(cookie, off))).body).toContain(
      'Sam Sub is een gedeactiveerd subaccount en kan niet inloggen.',
    );
    expect(rowOf((await get('/contacts', cookie)).body, sam.id)).toContain('Gedeactiveerd');
    const on = await post(`/contacts/${sam.id}/reactivate`, cookie);
    expect((await get(on.headers.location!, withFlash(cookie, on))).body).toContain(
      'Het subaccount is weer geactiveerd',
    );
    expect((await contactVia(alice, sam.id)).access.status).toBe('active');
  });
});
