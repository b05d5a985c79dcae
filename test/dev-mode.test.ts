import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startHarness, waitFor, type Harness } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ devMailbox: true });
});
afterAll(async () => {
  await h?.close();
});

describe('the development mailbox', () => {
  it('shows the emails with their decision links, so a newcomer can click through the flow', async () => {
    const alice = await h.account('Alice', 'fr');
    const bob = await h.account('Bob', 'en');
    const service = await h.service(alice);
    const id = (await h.change(alice, service.id, ['tech'], bob)).json().id as string;

    const list = await waitFor(
      async () => {
        const page = (await h.app.inject({ method: 'GET', url: '/dev/mailbox' })).body;
        return page.includes(bob.email) && page.includes(alice.email) ? page : null;
      },
      15_000,
      'both emails in the mailbox',
    );
    const dutch = (await h.app.inject({ method: 'GET', url: '/dev/mailbox?lang=nl' })).body;
    expect(dutch).toContain('Testmailbox');
    expect(dutch).toContain('<html lang="nl">');
    const link = new RegExp(
      `href="/dev/mailbox/(dev_[0-9a-f]{20})">Contact change for ${service.name.replace('.', '\\.')}`,
    ).exec(list);
    expect(link).not.toBeNull();

    const email = (await h.app.inject({ method: 'GET', url: `/dev/mailbox/${link![1]}` })).body;
    const decision = new RegExp(
      `<a href="(http://countersign\\.test/requests/${id}/decision\\?lang=en#token=([\\w-]{43}))">`,
    ).exec(email);
    expect(decision).not.toBeNull();
    const accepted = await h.decide(id, 'accept', decision![2]!);
    expect(accepted.json()).toMatchObject({ party: 'to', awaiting: ['from'] });
    expect(
      (await h.app.inject({ method: 'GET', url: `/dev/mailbox/${link![1]}/html` })).headers['content-security-policy'],
    ).toContain("default-src 'none'");
  });
});

describe('without ADMIN_API_KEY', () => {
  it('the admin API is off and says how to turn it on', async () => {
    const off = await startHarness({ admin: false, worker: false });
    try {
      const res = await off.request('POST', '/api/v1/admin/accounts', {
        token: ADMIN_KEY,
        body: { email: 'a@test.example', firstName: 'A', language: 'en' },
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toMatch(/set ADMIN_API_KEY/);
    } finally {
      await off.close();
    }
  });
});
