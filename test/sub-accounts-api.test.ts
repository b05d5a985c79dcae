import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_KEY,
  asParty,
  invitationLink,
  startHarness,
  TEST_PASSWORD,
  type Harness,
  type TestAccount,
} from './support/harness.js';

/** Sub-accounts through the API: a contact invited into the customer area, within the permissions it is given. */

let h: Harness;
let owner: TestAccount;
beforeAll(async () => {
  h = await startHarness();
  owner = await h.account('Olivia', 'fr');
});
afterAll(async () => {
  await h?.close();
});

async function apiToken(accountId: string) {
  const res = await h.request('POST', `/api/v1/admin/accounts/${accountId}/api-tokens`, { token: ADMIN_KEY, body: {} });
  return (res.json() as { token: string }).token;
}

const linkOf = invitationLink;
const subAccount = (keeper: TestAccount, permissions: string[]) => h.subAccount(keeper, permissions);

describe('sub-accounts', () => {
  it('invites by email with a link that works once, then signs in with the chosen password', async () => {
    const sub = await subAccount(owner, ['domains.view']);
    const email = h.resend.to(sub.email).find((e) => e.text.includes('/invitations/'))!;
    expect(email.subject).toMatch(/invites you|vous invite|nodigt u uit/);
    expect(email.text).toContain(sub.handle);
    const again = await h.request('POST', `/api/v1/invitations/${sub.link.id}/accept`, {
      body: { token: sub.link.token, password: 'another-password-123' },
    });
    expect(again.statusCode).toBe(410);
    const signIn = await h.app.inject({
      method: 'POST',
      url: '/signin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ handle: sub.handle, password: TEST_PASSWORD, next: '/services' }).toString(),
    });
    expect(signIn.statusCode).toBe(303);
  });

  it('cannot sign in as a contact that was never invited', async () => {
    const contact = await h.contact(owner);
    const token = await apiToken(contact.id);
    expect((await h.request('GET', '/api/v1/services', { token })).statusCode).toBe(403);
  });

  it('stops an older link when a new one is sent, and a withdrawn link at once', async () => {
    const contact = await h.contact(owner);
    await h.request('POST', `/api/v1/contacts/${contact.id}/invitation`, {
      token: owner.token,
      body: { permissions: ['profile'] },
    });
    const first = linkOf(await h.email(asParty(contact), (t) => t.includes('/invitations/')));
    await h.request('POST', `/api/v1/contacts/${contact.id}/invitation`, {
      token: owner.token,
      body: { permissions: ['profile'] },
    });
    const second = linkOf(await h.email(asParty(contact), (t) => t.includes('/invitations/'), 2));
    expect(second.id).not.toBe(first.id);
    expect(
      (
        await h.request('POST', `/api/v1/invitations/${first.id}/accept`, {
          body: { token: first.token, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(410);
    const withdrawn = await h.request('DELETE', `/api/v1/contacts/${contact.id}/invitation`, { token: owner.token });
    expect(withdrawn.json().access.status).toBe('none');
    expect(
      (
        await h.request('POST', `/api/v1/invitations/${second.id}/accept`, {
          body: { token: second.token, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(410);
    // A forged token for a live invitation is refused the same way.
    await h.request('POST', `/api/v1/contacts/${contact.id}/invitation`, {
      token: owner.token,
      body: { permissions: [] },
    });
    const third = linkOf(await h.email(asParty(contact), (t) => t.includes('/invitations/'), 3));
    expect(
      (
        await h.request('POST', `/api/v1/invitations/${third.id}/accept`, {
          body: { token: second.token, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(410);
  });

  it("acts on its keeper's domains only within its permissions, and a change of permissions counts at the next request", async () => {
    const keeper = await h.account('Keeper');
    const domain = await h.service(keeper);
    const sub = await subAccount(keeper, ['domains.view']);
    const incoming = await h.account('Incoming');
    const seen = (await h.request('GET', '/api/v1/services', { token: sub.token })).json() as {
      items: { id: string }[];
    };
    expect(seen.items.map((s) => s.id)).toContain(domain.id);

    const refused = await h.change(sub, domain.id, ['tech'], incoming);
    expect(refused.statusCode).toBe(403);
    const granted = await h.request('PUT', `/api/v1/contacts/${sub.id}/permissions`, {
      token: keeper.token,
      body: { permissions: ['domains.manage'] },
    });
    expect(granted.json().access.permissions).toEqual(['domains.view', 'domains.manage']);
    const created = await h.change(sub, domain.id, ['tech'], incoming);
    expect(created.statusCode, created.body).toBe(201);
    // The keeper sees the request its sub-account made, and may cancel it.
    const id = (created.json() as { id: string }).id;
    expect((await h.request('GET', `/api/v1/contact-changes/${id}`, { token: keeper.token })).statusCode).toBe(200);

    await h.request('PUT', `/api/v1/contacts/${sub.id}/permissions`, {
      token: keeper.token,
      body: { permissions: [] },
    });
    expect(
      ((await h.request('GET', '/api/v1/services', { token: sub.token })).json() as { items: unknown[] }).items,
    ).toHaveLength(0);
    expect((await h.request('GET', `/api/v1/contact-changes/${id}`, { token: sub.token })).statusCode).toBe(200); // it asked
    expect(
      (await h.request('POST', `/api/v1/contact-changes/${id}/cancel`, { token: keeper.token, body: {} })).statusCode,
    ).toBe(200);
  });

  it('stops a deactivated sub-account at once: API token and web session alike', async () => {
    const sub = await subAccount(owner, ['domains.view']);
    const cookie = await (async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/signin',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ handle: sub.handle, password: TEST_PASSWORD, next: '/services' }).toString(),
      });
      return [res.headers['set-cookie']]
        .flat()
        .find((c) => c?.startsWith('cs_session='))!
        .split(';')[0]!;
    })();
    expect((await h.app.inject({ method: 'GET', url: '/services', headers: { cookie } })).statusCode).toBe(200);
    expect(
      (await h.request('POST', `/api/v1/contacts/${sub.id}/deactivate`, { token: owner.token })).json().access.status,
    ).toBe('deactivated');
    expect((await h.request('GET', '/api/v1/services', { token: sub.token })).statusCode).toBe(403);
    const page = await h.app.inject({ method: 'GET', url: '/services', headers: { cookie } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toMatch(/^\/signin/);
    await h.request('POST', `/api/v1/contacts/${sub.id}/reactivate`, { token: owner.token });
    expect((await h.request('GET', '/api/v1/services', { token: sub.token })).statusCode).toBe(200);
  });

  it("keeps access in the holder's hands: a sub-account with the contacts permission cannot invite or grant", async () => {
    const sub = await subAccount(owner, ['contacts']);
    const contact = await h.contact(owner);
    expect((await h.request('GET', `/api/v1/contacts/${contact.id}`, { token: sub.token })).statusCode).toBe(200);
    const invite = await h.request('POST', `/api/v1/contacts/${contact.id}/invitation`, {
      token: sub.token,
      body: { permissions: ['contacts'] },
    });
    expect(invite.statusCode).toBe(403);
    const grant = await h.request('PUT', `/api/v1/contacts/${sub.id}/permissions`, {
      token: sub.token,
      body: { permissions: ['profile'] },
    });
    expect(grant.statusCode).toBe(403);
    expect((await h.request('DELETE', `/api/v1/contacts/${sub.id}`, { token: sub.token })).statusCode).toBe(403);
  });
});
