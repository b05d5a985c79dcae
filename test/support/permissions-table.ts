import { TWO_STEP_API, TWO_STEP_PAGES } from './permissions-two-step.js';
import { ADDRESS_API, ADDRESS_PAGES } from './permissions-addresses.js';

/**
 * Who may do what, as one table: every endpoint and page against every kind of person. The domain D is held
 * by `holder`, with `admin`, `tech` and `billing` as its contacts (accounts of their own); the sub-accounts are
 * kept by `holder`. A cell is the status the person gets, or for a list whether D (or the request) is in it.
 * A stranger's refusal is always the "not found" of a thing that does not exist.
 */

export const ACTORS = [
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
export type Actor = (typeof ACTORS)[number];
/** A status, or for a list: L listed, - not listed. */
export type Cell = number | 'L' | '-';

export interface Fixture {
  serviceId: string;
  changeId: string;
  contactId: string;
  subId: string;
}
export interface Row {
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
export const parse = (cells: string): Cell[] =>
  cells
    .trim()
    .split(/\s+/)
    .map((c) => (c === 'L' || c === '-' ? c : Number(c)));

const contactBody = { firstName: 'Matrix', lastName: 'Contact', email: 'matrix@test.example', language: 'en' };
const created = (body: string, f: Fixture) => body.includes(f.serviceId);

// holder admin tech billing s:none s:cont s:prof s:dv s:dm s:sm support stranger anon
export const API: Row[] = [
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
  ...(
    [
      ['the events feed', 'GET', '/api/v1/admin/events'],
      ['list webhook endpoints', 'GET', '/api/v1/admin/webhooks'],
      ['add a webhook endpoint', 'POST', '/api/v1/admin/webhooks'],
      ['delete a webhook endpoint', 'DELETE', '/api/v1/admin/webhooks/ep_matrix'],
      ["rotate a webhook endpoint's secret", 'POST', '/api/v1/admin/webhooks/ep_matrix/rotate-secret'],
      ['enable a disabled webhook endpoint', 'POST', '/api/v1/admin/webhooks/ep_matrix/enable'],
    ] as const
  ).map(([what, method, url]) =>
    row(
      `${what} (ADMIN_API_KEY only)`,
      () => ({ method, url, ...(method === 'POST' ? { body: { url: 'https://hooks.test.example/' } } : {}) }),
      '                                                                  401   401   401  401     401    401    401    401  401  401  401     401     401',
    ),
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
  ...TWO_STEP_API,
  ...ADDRESS_API,
];

/** Pages: a signed-in person has a session cookie; an anonymous one is sent to the sign-in page (303). */
// holder admin tech billing s:none s:cont s:prof s:dv s:dm s:sm support stranger anon
export const PAGES: Row[] = [
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
  row(
    'send a webhook delivery again (support; the request has none)',
    (f) => ({ method: 'POST', url: `/support/requests/${f.changeId}/webhooks/0/send-again` }),
    '                                                                  404   404   404  404     404    404    404    404  404  404  404     404     303',
  ),
  ...TWO_STEP_PAGES,
  ...ADDRESS_PAGES,
];
