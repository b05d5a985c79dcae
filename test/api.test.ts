import { eq, sql } from 'drizzle-orm';
import { contactChanges, notes } from '../db/schema.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startHarness, type Harness, type TestAccount } from './support/harness.js';

let h: Harness;
let owner: TestAccount,
  admin: TestAccount,
  tech: TestAccount,
  billing: TestAccount,
  stranger: TestAccount,
  support: TestAccount;
let serviceId: string;

beforeAll(async () => {
  h = await startHarness({ resendCooldown: '1h' });
  [owner, admin, tech, billing, stranger, support] = await Promise.all([
    h.account('Owner'),
    h.account('Admin'),
    h.account('Tech'),
    h.account('Billing'),
    h.account('Stranger'),
    h.account('Sam', 'en', 'support'),
  ]);
  serviceId = (await h.service(owner, { admin, tech, billing })).id;
});
afterAll(async () => {
  await h?.close();
});

const path = (id = serviceId) => `/api/v1/services/${id}/contact-changes`;

describe('authentication', () => {
  it('asks for a token on account endpoints, with a problem that says how', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/services'],
      ['GET', '/api/v1/contact-changes'],
      ['POST', path()],
      ['GET', '/api/v1/support/contact-changes'],
    ] as const) {
      const res = await h.request(method, url, method === 'POST' ? { body: {} } : {});
      expect(res.statusCode, url).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({
        code: 'unauthenticated',
        detail: expect.stringMatching(/Authorization: Bearer/),
      });
    }
    expect((await h.request('GET', '/api/v1/services', { token: 'cs_forged' })).statusCode).toBe(401);
  });

  it('keeps the admin API behind ADMIN_API_KEY', async () => {
    const body = { email: 'x@test.example', firstName: 'X', language: 'en' };
    expect((await h.request('POST', '/api/v1/admin/accounts', { body })).statusCode).toBe(401);
    expect((await h.request('POST', '/api/v1/admin/accounts', { token: owner.token, body })).statusCode).toBe(401);
    expect((await h.request('POST', '/api/v1/admin/accounts', { token: ADMIN_KEY, body })).statusCode).toBe(201);
  });

  it('lets only support staff see the support view', async () => {
    expect((await h.request('GET', '/api/v1/support/contact-changes', { token: owner.token })).statusCode).toBe(403);
    expect((await h.request('GET', '/api/v1/support/contact-changes', { token: support.token })).statusCode).toBe(200);
  });
});

describe('admin API', () => {
  it('refuses a taken handle and an unknown contact with the field named', async () => {
    const taken = await h.request('POST', '/api/v1/admin/accounts', {
      token: ADMIN_KEY,
      body: { email: 'y@test.example', firstName: 'Y', language: 'fr', handle: owner.handle },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().field).toBe('handle');
    const service = await h.request('POST', '/api/v1/admin/services', {
      token: ADMIN_KEY,
      body: {
        name: 'x.fr',
        kind: 'domain',
        ownerId: owner.id,
        contacts: { admin: 'nobody-00', tech: owner.handle, billing: owner.handle },
      },
    });
    expect(service.statusCode).toBe(422);
    expect(service.json().detail).toMatch(/nobody-00/);
  });

  it('rejects a bad body with every problem listed', async () => {
    const res = await h.request('POST', '/api/v1/admin/accounts', {
      token: ADMIN_KEY,
      body: { email: 'not-an-email', language: 'de' },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().issues as { field: string }[]).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.firstName', 'body.language']));
  });
});

describe('who may ask for a change', () => {
  it('lets the holder and the admin contact change any role', async () => {
    const target = await h.account('Target');
    const svc = (await h.service(owner, { admin, tech, billing })).id;
    expect((await h.change(admin, svc, ['tech'], target)).statusCode).toBe(201);
    expect((await h.change(owner, svc, ['billing'], target)).statusCode).toBe(201);
  });

  it('lets a tech contact hand over its own role only', async () => {
    const target = await h.account('Target');
    const svc = (await h.service(owner, { admin, tech, billing })).id;
    const other = await h.change(tech, svc, ['admin'], target);
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toMatch(/own role/);
    expect((await h.change(tech, svc, ['tech'], target)).statusCode).toBe(201);
  });

  it('hides a service from someone with no role on it', async () => {
    const res = await h.change(stranger, serviceId, ['tech'], stranger);
    expect(res.statusCode).toBe(404);
  });

  it('refuses an unknown, inactive or identical incoming contact, naming the field', async () => {
    const unknown = await h.change(owner, serviceId, ['tech'], 'nobody-42');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ field: 'to', title: 'Unknown contact', code: 'unknownContact' });
    const same = await h.change(owner, serviceId, ['tech'], tech);
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({ title: 'Same contact', code: 'sameContact' });
    const split = await h.change(owner, serviceId, ['tech', 'billing'], stranger);
    expect(split.statusCode).toBe(422);
    expect(split.json()).toMatchObject({ field: 'roles', code: 'rolesHeldApart' });
  });

  it('refuses bad input before anything starts', async () => {
    for (const body of [
      { roles: [], to: 'x' },
      { roles: ['owner'], to: 'x' },
      { roles: ['tech', 'tech'], to: 'x' },
      { roles: ['tech'] },
    ]) {
      const res = await h.request('POST', path(), { token: owner.token, body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('invalidRequest');
    }
  });

  it('refuses a second pending request on the same role with 409, and sends no token for it', async () => {
    const target = await h.account('Target');
    const svc = (await h.service(owner)).id;
    expect((await h.change(owner, svc, ['billing'], target)).statusCode).toBe(201);
    const clash = await h.change(owner, svc, ['billing', 'admin'], stranger);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().detail).toMatch(/billing/);
    expect(h.resend.to(stranger.email)).toHaveLength(0);
    // The refused request left nothing behind: the admin role is still free.
    expect((await h.change(owner, svc, ['admin'], stranger)).statusCode).toBe(201);
  });
});

describe('My requests', () => {
  it('lists sent and received requests, newest first, page by page', async () => {
    const me = await h.account('Me');
    const peer = await h.account('Peer');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const svc = (await h.service(me)).id;
      ids.push((await h.change(me, svc, ['tech'], peer)).json().id);
    }
    const incoming = (await h.change(peer, (await h.service(peer)).id, ['admin'], me)).json().id as string;

    const sent = (await h.request('GET', '/api/v1/contact-changes?direction=sent&limit=2', { token: me.token })).json();
    expect(sent.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const next = (
      await h.request('GET', `/api/v1/contact-changes?direction=sent&limit=2&cursor=${sent.nextCursor}`, {
        token: me.token,
      })
    ).json();
    expect(next.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(next.nextCursor).toBeNull();

    const received = (await h.request('GET', '/api/v1/contact-changes?direction=received', { token: me.token })).json();
    expect(received.items.map((c: { id: string }) => c.id)).toEqual([incoming, ...ids.slice().reverse()]);
    const others = (await h.request('GET', '/api/v1/contact-changes?direction=all', { token: stranger.token })).json();
    expect(others.items.map((c: { id: string }) => c.id)).not.toContain(incoming);
  });

  it('pages through requests made within the same millisecond without skipping or repeating one', async () => {
    const me = await h.account('Busy');
    const peer = await h.account('Peer');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await h.change(me, (await h.service(me)).id, ['tech'], peer)).json().id);
    // Four requests a few microseconds apart, as under load: a cursor cut to the millisecond loses some.
    for (const [i, id] of ids.entries()) {
      await h.db
        .update(contactChanges)
        .set({ createdAt: sql`'2026-03-01T10:00:00.123000Z'::timestamptz + ${i * 100} * interval '1 microsecond'` })
        .where(eq(contactChanges.id, id));
    }
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = (
        await h.request('GET', `/api/v1/contact-changes?direction=sent&limit=1${cursor ? `&cursor=${cursor}` : ''}`, {
          token: me.token,
        })
      ).json();
      seen.push(...page.items.map((c: { id: string }) => c.id));
      cursor = page.nextCursor ?? '';
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(ids.slice().reverse());
  });

  it('refuses a cursor for a day that does not exist', async () => {
    const forged = Buffer.from(JSON.stringify({ t: '2026-02-30T10:00:00.000000Z', id: 'x' })).toString('base64url');
    const res = await h.request('GET', `/api/v1/contact-changes?cursor=${forged}`, { token: owner.token });
    // Any text fits the cursor's schema: one the list did not give out is a value refused, 422, not a 500.
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('invalidRequest');
  });

  it('filters by state and refuses an unknown state or a forged cursor', async () => {
    expect((await h.request('GET', '/api/v1/contact-changes?state=done', { token: owner.token })).statusCode).toBe(200);
    expect((await h.request('GET', '/api/v1/contact-changes?state=pending', { token: owner.token })).statusCode).toBe(
      400,
    );
    const forged = await h.request('GET', '/api/v1/contact-changes?cursor=abc', { token: owner.token });
    expect(forged.statusCode).toBe(422);
    expect(forged.json().detail).toMatch(/cursor/);
  });

  it('shows a request to its parties, asker and support, and to no one else', async () => {
    const target = await h.account('Target');
    const svc = (await h.service(owner, { admin, tech, billing })).id;
    const id = (await h.change(owner, svc, ['tech'], target)).json().id;
    for (const who of [owner, tech, target, support])
      expect((await h.request('GET', `/api/v1/contact-changes/${id}`, { token: who.token })).statusCode).toBe(200);
    expect((await h.request('GET', `/api/v1/contact-changes/${id}`, { token: stranger.token })).statusCode).toBe(404);
  });
});

describe('resend rate', () => {
  it('refuses a resend while the last emails are fresh', async () => {
    const target = await h.account('Target');
    const svc = (await h.service(owner)).id;
    const id = (await h.change(owner, svc, ['tech'], target)).json().id;
    await h.waitForState(id, owner, 'validatingByCustomers');
    const res = await h.request('POST', `/api/v1/contact-changes/${id}/resend-email`, {
      token: owner.token,
      body: { reason: 'Lost in spam' },
    });
    expect(res.statusCode).toBe(429);
    // A client reads when to try again from the code's facts and the header, never from the English detail.
    const { code, retryAfterSeconds } = res.json();
    expect(code).toBe('resendTooSoon');
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(res.headers['retry-after']).toBe(String(retryAfterSeconds));
    // The workflow refused it, so its reason is not kept either.
    expect(await h.db.select().from(notes).where(eq(notes.changeId, id))).toEqual([]);
    await h.email(target, (t) => t.includes(id));
    expect(h.resend.to(target.email)).toHaveLength(1);
  });
});

describe('service endpoints', () => {
  it('serves the OpenAPI document built from the schemas, and health', async () => {
    const doc = (await h.request('GET', '/docs/json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/contact-changes/{id}/accept', '/api/v1/services/{id}/contact-changes']),
    );
    expect((await h.request('GET', '/healthz')).json()).toEqual({ status: 'ok', postgres: 'ok', temporal: 'ok' });
    // Every refusal's code is listed, so that a generated client can name them.
    expect(doc.components.schemas.Problem.properties.code.enum).toEqual(
      expect.arrayContaining(['invalidToken', 'resendTooSoon', 'changePending', 'tokensLocked', 'past']),
    );
  });

  it('answers an unknown path with a problem', async () => {
    const res = await h.request('GET', '/api/v1/nothing');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('answers JSON and problems with nosniff and the strict CSP; the docs with a CSP of their own', async () => {
    const answers = [
      await h.request('GET', '/api/v1/services', { token: owner.token }),
      await h.request('GET', '/nothing'),
    ];
    for (const res of answers) {
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      // PUBLIC_BASE_URL is http here.
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const docs = await h.request('GET', '/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toMatch(/img-src 'self' data:.*frame-ancestors 'none'/);
  });
});
