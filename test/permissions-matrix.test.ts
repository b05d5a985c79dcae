import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type TestAccount } from './support/harness.js';

/**
 * Who may do what, as one table: every endpoint and page against every kind of person. The domain D is held
 * by `holder`, with `admin`, `tech` and `billing` as its contacts (accounts of their own); the sub-accounts are
 * kept by `holder`. A cell is the status the person gets, or for a list whether D (or the request) is in it.
 * A stranger's refusal is always the "not found" of a thing that does not exist.
 */

const ACTORS = [
  'holder',
  'admin',
  'tech',
  'billing',
  'sub:none',
  'sub:contacts',
  'sub:profile',
  'sub:domains.view',
  'sub:domains.manage',
  'sub:services.manage',
  'support',
  'stranger',
  'anonymous',
] as const;
type Actor = (typeof ACTORS)[number];
/** A status, or for a list: L listed, - not listed. */
type Cell = number | 'L' | '-';

interface Fixture {
  serviceId: string;
  changeId: string;
  contactId: string;
  subId: string;
}
interface Row {
  what: string;
  /** The request, given the fixture (shared, or made fresh for this cell when the row changes something). */
  call: (f: Fixture) => { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; body?: unknown };
  /** For a list: whether the answer names the fixture's service, request or contact. */
  lists?: (body: string, f: Fixture) => boolean;
  /** This row changes what it acts on: each cell gets its own. */
  fresh?: Array<keyof Fixture>;
  cells: string;
}

const row = (what: string, call: Row['call'], cells: string, more: Partial<Row> = {}): Row => ({
  what,
  call,
  cells,
  ...more,
});
const parse = (cells: string): Cell[] =>
  cells
    .trim()
    .split(/\s+/)
    .map((c) => (c === 'L' || c === '-' ? c : Number(c)));

const contactBody = { firstName: 'Matrix', lastName: 'Contact', email: 'matrix@test.example', language: 'en' };
const created = (body: string, f: Fixture) => body.includes(f.serviceId);

// holder admin tech billing s:none s:cont s:prof s:dv s:dm s:sm support stranger anon
const API: Row[] = [
  row(
    'list my services',
    () => ({ method: 'GET', url: '/api/v1/services' }),
    '                                                                  L     L     L    L       -      -      -      L    L    -    -       -       401',
    { lists: created },
  ),
  row(
    'ask for a change of the admin role',
    (f) => ({
      method: 'POST',
      url: `/api/v1/services/${f.serviceId}/contact-changes`,
      body: { roles: ['admin'], to: 'nobody-there' },
    }),
    '                                                                  422   422   403  403     404    404    404    403  422  404  403     404     401',
  ),
  row(
    'ask for a change of the billing role',
    (f) => ({
      method: 'POST',
      url: `/api/v1/services/${f.serviceId}/contact-changes`,
      body: { roles: ['billing'], to: 'nobody-there' },
    }),
    '                                                                  422   422   403  422     404    404    404    403  422  404  403     404     401',
  ),
  row(
    'list my requests (pending)',
    () => ({ method: 'GET', url: '/api/v1/contact-changes?state=validatingByCustomers' }),
    '                                                                  L     -     L    -       -      -      -      L    L    -    -       -       401',
    { lists: (b, f) => b.includes(f.changeId) },
  ),
  row(
    'read a request',
    (f) => ({ method: 'GET', url: `/api/v1/contact-changes/${f.changeId}` }),
    '                                                                  200   200   200  404     404    404    404    200  200  404  200     404     401',
  ),
  row(
    'cancel a request',
    (f) => ({ method: 'POST', url: `/api/v1/contact-changes/${f.changeId}/cancel`, body: {} }),
    '                                                                  200   403   403  404     404    404    404    403  200  404  200     404     401',
    { fresh: ['changeId'] },
  ),
  row(
    'send new tokens for a request',
    (f) => ({ method: 'POST', url: `/api/v1/contact-changes/${f.changeId}/resend-email`, body: {} }),
    '                                                                  200   403   403  404     404    404    404    403  200  404  200     404     401',
    { fresh: ['changeId'] },
  ),
  row(
    'decide with a wrong token (the token decides, not who asks)',
    (f) => ({ method: 'POST', url: `/api/v1/contact-changes/${f.changeId}/accept`, body: { token: 'x'.repeat(43) } }),
    '                                                                  403   403   403  403     403    403    403    403  403  403  403     403     403',
    { fresh: ['changeId'] },
  ),
  row(
    'support: list requests',
    () => ({ method: 'GET', url: '/api/v1/support/contact-changes' }),
    '                                                                  403   403   403  403     403    403    403    403  403  403  200     403     401',
  ),
  row(
    'support: extend a request',
    (f) => ({
      method: 'POST',
      url: `/api/v1/support/contact-changes/${f.changeId}/extend`,
      body: { expiresAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), reason: 'matrix' },
    }),
    '                                                                  403   403   403  403     403    403    403    403  403  403  200     403     401',
    { fresh: ['changeId'] },
  ),
  row(
    'admin API (ADMIN_API_KEY only)',
    () => ({
      method: 'POST',
      url: '/api/v1/admin/accounts',
      body: { email: 'm@test.example', firstName: 'M', language: 'en' },
    }),
    '                                                                  401   401   401  401     401    401    401    401  401  401  401     401     401',
  ),
  row(
    'list my contacts',
    () => ({ method: 'GET', url: '/api/v1/contacts' }),
    '                                                                  L     -     -    -       403    L      403    403  403  403  403     -       401',
    { lists: (b, f) => b.includes(f.contactId) },
  ),
  row(
    "add a contact (to one's own book)",
    () => ({
      method: 'POST',
      url: '/api/v1/contacts',
      body: { ...contactBody, email: `m-${Math.random().toString(36).slice(2)}@test.example` },
    }),
    '                                                                  201   201   201  201     403    201    403    403  403  403  403     201     401',
  ),
  row(
    'read a contact',
    (f) => ({ method: 'GET', url: `/api/v1/contacts/${f.contactId}` }),
    '                                                                  200   404   404  404     403    200    403    403  403  403  403     404     401',
  ),
  row(
    'edit a contact',
    (f) => ({
      method: 'PUT',
      url: `/api/v1/contacts/${f.contactId}`,
      body: { ...contactBody, email: `e-${f.contactId}@test.example`.toLowerCase() },
    }),
    '                                                                  200   404   404  404     403    200    403    403  403  403  403     404     401',
  ),
  row(
    'delete a contact',
    (f) => ({ method: 'DELETE', url: `/api/v1/contacts/${f.contactId}` }),
    '                                                                  204   404   404  404     403    204    403    403  403  403  403     404     401',
    { fresh: ['contactId'] },
  ),
  row(
    'invite a contact as a sub-account',
    (f) => ({ method: 'POST', url: `/api/v1/contacts/${f.contactId}/invitation`, body: { permissions: ['profile'] } }),
    '                                                                  201   404   404  404     403    403    403    403  403  403  403     404     401',
    { fresh: ['contactId'] },
  ),
  row(
    "change a sub-account's permissions",
    (f) => ({ method: 'PUT', url: `/api/v1/contacts/${f.subId}/permissions`, body: { permissions: ['profile'] } }),
    '                                                                  200   404   404  404     403    403    403    403  403  403  403     404     401',
    { fresh: ['subId'] },
  ),
  row(
    'deactivate a sub-account',
    (f) => ({ method: 'POST', url: `/api/v1/contacts/${f.subId}/deactivate` }),
    '                                                                  200   404   404  404     403    403    403    403  403  403  403     404     401',
    { fresh: ['subId'] },
  ),
  row(
    'read the profile',
    () => ({ method: 'GET', url: '/api/v1/profile' }),
    '                                                                  200   200   200  200     403    403    200    403  403  403  200     200     401',
  ),
  row(
    'change the newsletters',
    () => ({ method: 'PUT', url: '/api/v1/profile/newsletters', body: { newsletters: [] } }),
    '                                                                  200   200   200  200     403    403    200    403  403  403  200     200     401',
  ),
  row(
    "change one's own password (wrong current one)",
    () => ({
      method: 'PUT',
      url: '/api/v1/profile/password',
      body: { currentPassword: 'not-the-password', newPassword: 'long-enough-password' },
    }),
    '                                                                  422   422   422  422     422    422    422    422  422  422  422     422     401',
  ),
];

/** Pages: a signed-in person has a session cookie; an anonymous one is sent to the sign-in page (303). */
// holder admin tech billing s:none s:cont s:prof s:dv s:dm s:sm support stranger anon
const PAGES: Row[] = [
  row(
    'My services (shows D)',
    () => ({ method: 'GET', url: '/services' }),
    '                                                                  L     L     L    L       -      -      -      L    L    -    -       -       303',
    { lists: created },
  ),
  row(
    'Change contacts of D',
    (f) => ({ method: 'GET', url: `/services/${f.serviceId}/change` }),
    '                                                                  200   200   200  200     404    404    404    403  200  404  403     404     303',
  ),
  row(
    'My requests, pending (shows the request)',
    () => ({ method: 'GET', url: '/requests?state=validatingByCustomers' }),
    '                                                                  L     -     L    -       -      -      -      L    L    -    -       -       303',
    { lists: (b, f) => b.includes(f.changeId) },
  ),
  row(
    "a request's page",
    (f) => ({ method: 'GET', url: `/requests/${f.changeId}` }),
    '                                                                  200   200   200  404     404    404    404    200  200  404  200     404     303',
  ),
  row(
    'cancel a request from its page',
    (f) => ({ method: 'POST', url: `/requests/${f.changeId}/cancel`, body: { reason: 'matrix' } }),
    '                                                                  303   403   403  404     404    404    404    403  303  404  303     404     303',
    { fresh: ['changeId'] },
  ),
  row(
    'the decision page (public: the code decides)',
    (f) => ({ method: 'GET', url: `/requests/${f.changeId}/decision` }),
    '                                                                  200   200   200  200     200    200    200    200  200  200  200     200     200',
  ),
  row(
    'the support console',
    () => ({ method: 'GET', url: '/support' }),
    '                                                                  404   404   404  404     404    404    404    404  404  404  200     404     303',
  ),
  row(
    'Profile (a sub-account without the permission: its password only)',
    () => ({ method: 'GET', url: '/profile' }),
    '                                                                  200   200   200  200     200    200    200    200  200  200  200     200     303',
  ),
  row(
    "My contacts (shows the holder's contact)",
    () => ({ method: 'GET', url: '/contacts' }),
    '                                                                  L     -     -    -       403    L      403    403  403  403  403     -       303',
    { lists: (b, f) => b.includes(f.contactId) },
  ),
  row(
    'edit a contact',
    (f) => ({ method: 'GET', url: `/contacts/${f.contactId}/edit` }),
    '                                                                  200   404   404  404     403    200    403    403  403  403  403     404     303',
  ),
  row(
    'delete a contact',
    (f) => ({ method: 'POST', url: `/contacts/${f.contactId}/delete` }),
    '                                                                  303   404   404  404     403    303    403    403  403  403  403     404     303',
    { fresh: ['contactId'] },
  ),
  row(
    'invite a contact as a sub-account',
    (f) => ({ method: 'POST', url: `/contacts/${f.contactId}/invite`, body: { permissions: 'profile' } }),
    '                                                                  303   404   404  404     403    403    403    403  403  403  403     404     303',
    { fresh: ['contactId'] },
  ),
  row(
    'deactivate a sub-account',
    (f) => ({ method: 'POST', url: `/contacts/${f.subId}/deactivate` }),
    '                                                                  303   404   404  404     403    403    403    403  403  403  403     404     303',
    { fresh: ['subId'] },
  ),
  row(
    "save the profile's newsletters",
    () => ({ method: 'POST', url: '/profile/newsletters', body: {} }),
    '                                                                  303   303   303  303     403    403    303    403  403  403  303     303     303',
  ),
];

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
