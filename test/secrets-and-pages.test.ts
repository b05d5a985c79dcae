import { sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIdOf } from '../domain/ids.js';
import { startHarness, TEST_PASSWORD, waitFor, type Harness } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  // At debug, every request has its line: the logs below are the most a terminal would show.
  h = await startHarness({ env: { LOG_LEVEL: 'debug' } });
});
afterAll(async () => {
  await h?.close();
});

/** All text in a value, with binary payloads decoded as UTF-8. */
function textOf(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  if (value && typeof value === 'object') return Object.values(value).map(textOf).join(' ');
  return String(value);
}

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe('tokens are never at rest', () => {
  it('appear nowhere in the workflow history, the database or the logs', async () => {
    const { id, aliceToken, bobToken } = await h.pending({ roles: ['admin', 'tech', 'billing'], bob: 'nl' });
    await h.decide(id, 'refuse', 'x'.repeat(43));
    await h.decide(id, 'accept', aliceToken);
    await h.decide(id, 'accept', bobToken);
    await h.waitForState(id, await h.account('Sam', 'en', 'support'), 'done');

    const history = textOf(await h.temporal.workflow.getHandle(workflowIdOf(id)).fetchHistory());
    // Payloads are decoded: the workflow input's field names are readable.
    expect(history).toContain(`"changeId":"${id}"`);
    // Every table that holds request data, as text.
    const dump = await h.db.execute<{ dump: string }>(
      sql`select string_agg(t::text, ' ') as dump from (
        select row_to_json(x)::text as t from contact_changes x union all select row_to_json(x)::text from change_events x
        union all select row_to_json(x)::text from emails x union all select row_to_json(x)::text from notes x
        union all select row_to_json(x)::text from accounts x union all select row_to_json(x)::text from api_tokens x
        union all select row_to_json(x)::text from rate_limits x) all_rows`,
    );
    const logs = h.logs.join('\n');
    expect(logs).toContain(`/api/v1/contact-changes/${id}/accept`);
    for (const token of [aliceToken, bobToken]) {
      expect(history).not.toContain(token);
      expect(dump[0]!.dump).not.toContain(token);
      expect(logs).not.toContain(token);
    }
  });

  it("an invitation link's token and the chosen password appear nowhere in the history, the database or the logs", async () => {
    const owner = await h.account('Olga');
    const sub = await h.subAccount(owner, ['profile']);
    const history = textOf(await h.temporal.workflow.getHandle(`invitation-${sub.link.id}`).fetchHistory());
    expect(history).toContain(`"invitationId":"${sub.link.id}"`);
    const dump = await h.db.execute<{ dump: string }>(
      sql`select string_agg(t::text, ' ') as dump from (
        select row_to_json(x)::text as t from invitations x union all select row_to_json(x)::text from emails x
        union all select row_to_json(x)::text from accounts x union all select row_to_json(x)::text from sessions x) all_rows`,
    );
    expect(dump[0]!.dump).toContain(sub.link.id);
    const logs = h.logs.join('\n');
    expect(logs).toContain(`/api/v1/invitations/${sub.link.id}/accept`);
    for (const secret of [sub.link.token, TEST_PASSWORD]) {
      expect(history).not.toContain(secret);
      expect(dump[0]!.dump).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });

  it('API tokens are stored as digests only', async () => {
    const account = await h.account('Carla', 'nl');
    const rows = await h.db.execute<{ token_hash: string }>(
      sql`select token_hash from api_tokens where account_id = ${account.id}`,
    );
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.token_hash).not.toContain(account.token);
  });
});

describe('the decision page', () => {
  it("shows what is being approved, in the link's language, and changes nothing when opened", async () => {
    const { id, alice, bob } = await h.pending({ roles: ['admin', 'tech', 'billing'], bob: 'nl' });
    // The provider has both emails; the timeline records each a moment later.
    const before = await waitFor(
      async () => {
        const change = await h.get(id, alice);
        return change.timeline.filter((e) => e.type === 'emailSent').length === 2 && change;
      },
      20_000,
      'both token emails on the timeline',
    );
    for (const method of ['GET', 'HEAD'] as const) {
      const res = await h.app.inject({ method, url: `/requests/${id}/decision?lang=nl` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    const page = (await h.app.inject({ method: 'GET', url: `/requests/${id}/decision?lang=nl` })).body;
    expect(page).toContain('<html lang="nl">');
    for (const text of ['Contactwijziging', bob.handle, alice.handle, 'Accepteren', 'Weigeren', 'Geldig tot'])
      expect(page).toContain(text);
    expect(page).toMatch(/<input id="token" name="token"[^>]*>/);
    expect(page).not.toMatch(/<input id="token"[^>]*value=/);
    expect(await h.get(id, alice)).toEqual(before);
  });

  it('accepts with a pasted token, says what comes next, and shows a readable error for a wrong one', async () => {
    const { id, aliceToken, bobToken } = await h.pending({ roles: ['admin', 'tech', 'billing'], bob: 'nl' });
    const wrong = await h.app.inject({
      method: 'POST',
      url: `/requests/${id}/decision?lang=fr`,
      ...form({ token: 'nope', decision: 'accepted' }),
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.headers['content-type']).toMatch(/text\/html/);
    expect(wrong.body).toContain('Ce code n’est pas valable');

    const first = await h.app.inject({
      method: 'POST',
      url: `/requests/${id}/decision?lang=fr`,
      ...form({ token: aliceToken, decision: 'accepted' }),
    });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('toujours en attente de validation par l’autre contact');
    const last = await h.app.inject({
      method: 'POST',
      url: `/requests/${id}/decision?lang=en`,
      ...form({ token: bobToken, decision: 'accepted' }),
    });
    expect(last.body).toContain('the change is done');
    expect(last.body).not.toContain('<form');
  });

  it('asks for the token when none is given, and says so plainly for an unknown request', async () => {
    const { id } = await h.pending({ roles: ['admin', 'tech', 'billing'], bob: 'nl' });
    const empty = await h.app.inject({
      method: 'POST',
      url: `/requests/${id}/decision?lang=en`,
      ...form({ token: '', decision: 'accepted' }),
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Paste the code from your email');
    const unknown = await h.app.inject({
      method: 'GET',
      url: '/requests/nothing-here/decision',
      headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Cette demande de changement de contact n’existe pas');
  });

  it('answers too many attempts with a readable page', async () => {
    const limited = await startHarness({ rateLimitPerMinute: 1 });
    try {
      const remoteAddress = `10.${Math.floor(Math.random() * 250)}.3.9`;
      const post = () =>
        limited.app.inject({
          method: 'POST',
          url: '/requests/x/decision?lang=nl',
          remoteAddress,
          ...form({ token: 'x', decision: 'accepted' }),
        });
      await post();
      const res = await post();
      expect(res.statusCode).toBe(429);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('Te veel pogingen');
    } finally {
      await limited.close();
    }
  });

  it('fills the token from the link fragment without submitting anything', async () => {
    const script = await h.app.inject({ method: 'GET', url: '/assets/decision.js' });
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain('replaceState');
    expect(script.body).not.toMatch(/submit\(|\.click\(|fetch\(/);
  });
});

describe("the pages' assets", () => {
  const get = (url: string) => h.app.inject({ method: 'GET', url });

  it('are linked by a hash of their content and served as immutable; the plain name answers, cached briefly', async () => {
    const page = (await get('/signin')).body;
    const link = /<link rel="stylesheet" href="(\/assets\/style\.([0-9a-f]{8})\.css)">/.exec(page);
    expect(link, page).toBeTruthy();
    const content = readFileSync(new URL('../web/assets/style.css', import.meta.url));
    expect(link![2]).toBe(createHash('sha256').update(content).digest('hex').slice(0, 8));
    expect(page).toMatch(/<script src="\/assets\/local-time\.[0-9a-f]{8}\.js" defer><\/script>/);

    const fingerprinted = await get(link![1]!);
    expect(fingerprinted.statusCode).toBe(200);
    expect(fingerprinted.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(fingerprinted.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(fingerprinted.headers['x-content-type-options']).toBe('nosniff');
    expect(fingerprinted.rawPayload.equals(content)).toBe(true);

    const plain = await get('/assets/style.css');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=300');
    expect(plain.rawPayload.equals(content)).toBe(true);

    // A page of another release asks for another hash: today's file, which may change again.
    const other = await get('/assets/style.00000000.css');
    expect(other.statusCode).toBe(200);
    expect(other.headers['cache-control']).toBe('public, max-age=300');
    expect((await get('/assets/nothing.00000000.css')).statusCode).toBe(404);
  });
});
