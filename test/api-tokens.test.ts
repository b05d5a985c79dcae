import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../db/schema.js';
import { tokenDigest } from '../domain/api-tokens.js';
import { startHarness, type Harness, type TestAccount } from './support/harness.js';
import { formPages, withFlash } from './support/pages.js';

/** My API tokens, through the API and on their page: one's own only, `read` ones read only, revoked at once. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { get, post } = formPages(() => h, '/account/api-tokens');

const create = (owner: TestAccount, body: object) => h.request('POST', '/api/v1/tokens', { token: owner.token, body });
const as = (token: string): TestAccount => ({ id: '', handle: '', email: '', token });

describe('My API tokens (API)', () => {
  it('a token I create works at once, is listed without its secret, and answers 401 once revoked', async () => {
    const alice = await h.account('Alice');
    const res = await create(alice, { name: 'billing export', scope: 'full' });
    expect(res.statusCode).toBe(201);
    const made = res.json() as { id: string; name: string; scope: string; createdAt: string; token: string };
    expect(made).toMatchObject({ name: 'billing export', scope: 'full', token: expect.stringMatching(/^cs_/) });
    expect(res.headers['cache-control']).toBe('no-store');

    expect((await h.request('GET', '/api/v1/profile', { token: made.token })).statusCode).toBe(200);
    const listed = await h.request('GET', '/api/v1/tokens', { token: made.token });
    expect(listed.body).not.toContain(made.token);
    const items = listed.json().items as { id: string; name: string; scope: string; lastUsedAt: string | null }[];
    expect(items.find((t) => t.id === made.id)).toMatchObject({
      name: 'billing export',
      lastUsedAt: expect.any(String),
    });
    // The token the provider issued through the admin API keeps full access.
    expect(items.find((t) => t.id !== made.id)).toMatchObject({ name: 'API token', scope: 'full' });
    // Only its digest is stored.
    const [row] = await h.db.select().from(apiTokens).where(eq(apiTokens.id, made.id));
    expect(row!.tokenHash).toBe(tokenDigest(made.token));

    expect((await h.request('DELETE', `/api/v1/tokens/${made.id}`, { token: alice.token })).statusCode).toBe(204);
    const after = await h.request('GET', '/api/v1/profile', { token: made.token });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('a read token reads, and is refused (403 readOnlyToken) on anything that would change', async () => {
    const [alice, bob] = await Promise.all([h.account('Alice'), h.account('Bob')]);
    const service = await h.service(alice);
    const reader = (await create(alice, { name: 'dashboard', scope: 'read' })).json() as { id: string; token: string };

    expect((await h.request('GET', '/api/v1/services', { token: reader.token })).statusCode).toBe(200);
    const refused = await h.change(as(reader.token), service.id, ['tech'], bob);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('readOnlyToken');
    for (const [method, url, body] of [
      ['PUT', '/api/v1/profile/newsletters', { newsletters: [] }],
      ['POST', '/api/v1/tokens', { name: 'escalate', scope: 'full' }],
      ['DELETE', `/api/v1/tokens/${reader.id}`, undefined],
    ] as const) {
      const res = await h.request(method, url, { token: reader.token, body });
      expect(res.json().code, `${method} ${url}`).toBe('readOnlyToken');
    }
    const pending = await h.request('GET', '/api/v1/services', { token: alice.token });
    expect(pending.json().items[0].pendingChanges).toEqual([]);
    expect((await h.request('GET', '/api/v1/tokens', { token: alice.token })).json().items).toHaveLength(2);
  });

  it("another account's token id is not found, and stays working", async () => {
    const [alice, mallory] = await Promise.all([h.account('Alice'), h.account('Mallory')]);
    const made = (await create(alice, { name: 'ci', scope: 'full' })).json() as { id: string; token: string };
    const res = await h.request('DELETE', `/api/v1/tokens/${made.id}`, { token: mallory.token });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('notFound');
    const listed = (await h.request('GET', '/api/v1/tokens', { token: mallory.token })).json().items as {
      id: string;
    }[];
    expect(listed.map((t) => t.id)).not.toContain(made.id);
    expect((await h.request('GET', '/api/v1/profile', { token: made.token })).statusCode).toBe(200);
  });

  it('a token’s last use is written once, not on every request', async () => {
    const alice = await h.account('Alice');
    const made = (await create(alice, { name: 'busy', scope: 'read' })).json() as { id: string; token: string };
    await h.request('GET', '/api/v1/services', { token: made.token });
    const [first] = await h.db.select().from(apiTokens).where(eq(apiTokens.id, made.id));
    for (let i = 0; i < 3; i++) await h.request('GET', '/api/v1/services', { token: made.token });
    const [later] = await h.db.select().from(apiTokens).where(eq(apiTokens.id, made.id));
    expect(first!.lastUsedAt).not.toBeNull();
    expect(later!.lastUsedAt).toEqual(first!.lastUsedAt);
  });

  it('refuses a token without a name or with an unknown scope, and without a token at all', async () => {
    const alice = await h.account('Alice');
    expect((await create(alice, { name: ' ', scope: 'full' })).statusCode).toBe(400);
    expect((await create(alice, { name: 'x', scope: 'admin' })).statusCode).toBe(400);
    expect((await h.request('GET', '/api/v1/tokens')).statusCode).toBe(401);
  });
});

describe('My API tokens (page)', () => {
  it('creates a token shown this once, lists it and revokes it', async () => {
    const alice = await h.account('Alice');
    const cookie = await h.signIn(alice);
    const profile = await get('/profile', cookie);
    expect(profile.body).toContain('<a href="/account/api-tokens">');

    const made = await post('/account/api-tokens', cookie, { name: 'backup script', scope: 'read' });
    expect(made.statusCode).toBe(201);
    const token = /id="new-token" value="(cs_[A-Za-z0-9_-]+)"/.exec(made.body)![1]!;
    expect(made.body).toContain('it is shown only this once');
    expect((await h.request('GET', '/api/v1/services', { token })).statusCode).toBe(200);

    const page = await get('/account/api-tokens', cookie);
    expect(page.body).toContain('backup script');
    expect(page.body).toContain('Read only');
    expect(page.body).not.toContain(token);

    const id = (await h.request('GET', '/api/v1/tokens', { token }))
      .json()
      .items.find((t: { name: string }) => t.name === 'backup script').id as string;
    const revoked = await post(`/account/api-tokens/${id}/revoke`, cookie);
    expect(revoked.statusCode).toBe(303);
    expect((await get(revoked.headers.location as string, withFlash(cookie, revoked))).body).toContain(
      'The token is revoked',
    );
    expect((await h.request('GET', '/api/v1/services', { token })).statusCode).toBe(401);
  });

  it("words a refusal in the reader's language, and will not revoke another account's token", async () => {
    const [amelie, mallory] = await Promise.all([h.account('Amelie', 'fr'), h.account('Mallory')]);
    const cookie = await h.signIn(amelie);
    const bad = await post('/account/api-tokens', cookie, { name: '', scope: 'read' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Nommez le jeton');
    expect(bad.body).toContain('aria-invalid="true"');

    const theirs = (await create(mallory, { name: 'theirs', scope: 'full' })).json() as { id: string; token: string };
    expect((await post(`/account/api-tokens/${theirs.id}/revoke`, cookie)).statusCode).toBe(404);
    expect((await h.request('GET', '/api/v1/profile', { token: theirs.token })).statusCode).toBe(200);
    expect((await post('/account/api-tokens', cookie, { name: 'x', scope: 'read' }, false)).statusCode).toBe(403);
  });
});
