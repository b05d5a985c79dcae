import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type TestAccount } from './support/harness.js';
import {
  ACTORS,
  API,
  PAGES,
  parse,
  type Actor,
  type Cell,
  type Fixture,
  type Row,
} from './support/permissions-table.js';

/** Runs the table of who may do what (./support/permissions-table.ts): every row, for every kind of person. */

let h: Harness;
const cookies = {} as Record<Exclude<Actor, 'anonymous'>, string>;
const people = {} as Record<Exclude<Actor, 'anonymous'>, TestAccount>;
let shared: Fixture;

/** Fresh things for a cell that changes them: a pending request on a domain like D, a contact, a sub-account. */
async function make(what: keyof Fixture): Promise<string> {
  if (what === 'changeId') {
    const incoming = await h.account('Incoming');
    const { admin, tech, billing } = people;
    const service = await h.service(people.holder, { admin, tech, billing });
    const res = await h.change(people.holder, service.id, ['tech'], incoming);
    const id = (res.json() as { id: string }).id;
    await h.waitForState(id, people.holder, 'validatingByCustomers');
    return id;
  }
  if (what === 'contactId') return (await h.contact(people.holder)).id;
  if (what === 'subId') return (await h.subAccount(people.holder, ['profile'])).id;
  throw new Error(`cannot make a fresh ${what}`);
}

beforeAll(async () => {
  h = await startHarness({ resendCooldown: '1ms' });
  for (const name of ['holder', 'admin', 'tech', 'billing', 'stranger'] as const) people[name] = await h.account(name);
  people.support = await h.account('support', 'en', 'support');
  for (const actor of ACTORS) {
    if (actor.startsWith('sub:')) {
      const permission = actor.slice(4);
      people[actor as `sub:${string}` & Actor] = (await h.subAccount(
        people.holder,
        permission === 'none' ? [] : [permission],
      )) as TestAccount;
    }
  }
  const service = await h.service(people.holder, { admin: people.admin, tech: people.tech, billing: people.billing });
  shared = { serviceId: service.id, changeId: '', contactId: (await h.contact(people.holder)).id, subId: '' };
  // The request moves the tech role: the tech contact is its outgoing party.
  const incoming = await h.account('Incoming');
  const res = await h.change(people.holder, service.id, ['tech'], incoming);
  shared.changeId = (res.json() as { id: string }).id;
  await h.waitForState(shared.changeId, people.holder, 'validatingByCustomers');
  for (const actor of ACTORS) if (actor !== 'anonymous') cookies[actor] = await h.signIn(people[actor]);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

async function cell(r: Row, actor: Actor, page = false): Promise<Cell> {
  const f = { ...shared };
  for (const what of r.fresh ?? []) f[what] = await make(what);
  const { method, url, body } = r.call(f);
  const res = page
    ? await pageRequest(actor, method, url, body)
    : await h.request(method, url, { token: actor === 'anonymous' ? undefined : people[actor].token, body });
  const problem = /application\/problem\+json/;
  if (res.statusCode >= 400)
    expect(res.headers['content-type'], `${r.what} / ${actor}`).toMatch(page ? /text\/html/ : problem);
  // A fresh request is ended, so that the lists' pending filter finds only the shared one, whatever the order.
  if (f.changeId !== shared.changeId)
    await h.request('POST', `/api/v1/contact-changes/${f.changeId}/cancel`, { token: people.support.token, body: {} });
  if (r.lists && res.statusCode === 200) return r.lists(res.body, f) ? 'L' : '-';
  return res.statusCode;
}

/** A page as the person's browser asks for it: with its cookie, and a form's CSRF field taken from its Profile page. */
async function pageRequest(actor: Actor, method: ReturnType<Row['call']>['method'], url: string, body?: unknown) {
  const cookie = actor === 'anonymous' ? undefined : cookies[actor];
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (method === 'GET') return h.app.inject({ method, url, headers });
  const form = new URLSearchParams(body as Record<string, string>);
  if (cookie) {
    const profile = await h.app.inject({ method: 'GET', url: '/profile', headers });
    form.set('_csrf', /name="_csrf" value="([^"]+)"/.exec(profile.body)![1]!);
  }
  return h.app.inject({
    method,
    url,
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
  });
}

for (const [name, rows, page] of [
  ['the API', API, false],
  ['the pages', PAGES, true],
] as const) {
  describe(`who may do what: ${name}`, () => {
    it('has one cell per person on every row', () => {
      for (const r of rows) expect(parse(r.cells), r.what).toHaveLength(ACTORS.length);
    });

    for (const r of rows) {
      it(r.what, async () => {
        const expected = parse(r.cells);
        const got: Record<string, Cell> = {};
        for (const actor of ACTORS) got[actor] = await cell(r, actor, page);
        expect(got).toEqual(Object.fromEntries(ACTORS.map((a, i) => [a, expected[i]])));
      });
    }
  });
}
