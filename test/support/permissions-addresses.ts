import type { Row } from './permissions-table.js';

/** The rows of address changes in the table of who may do what (./permissions-table.ts): its columns, its cells. */

// holder admin tech billing s:none s:cont s:prof s:dv s:dm s:sm support stranger anon
export const ADDRESS_API: Row[] = [
  {
    what: "change the profile's email address, without the password",
    call: () => ({ method: 'PUT', url: '/api/v1/profile', body: { email: 'moved@test.example', language: 'en' } }),
    cells: '422   422   422  422     403    403    403    403  403  403  422     422     401',
  },
  {
    what: 'withdraw my address change (none waits)',
    call: () => ({ method: 'DELETE', url: '/api/v1/profile/pending-email' }),
    cells: '409   409   409  409     403    403    403    403  403  403  409     409     401',
  },
  {
    what: "withdraw a contact's address change (none waits)",
    call: (f) => ({ method: 'DELETE', url: `/api/v1/contacts/${f.contactId}/pending-email` }),
    cells: '409   404   404  404     403    403    403    403  403  403  403     404     401',
  },
  {
    what: 'confirm an address with a wrong token (the link decides, not who asks)',
    call: () => ({
      method: 'POST',
      url: '/api/v1/email-changes/no-such-change/confirm',
      body: { token: 'x'.repeat(43) },
    }),
    cells: '410   410   410  410     410    410    410    410  410  410  410     410     410',
  },
];

// holder admin tech billing s:none s:cont s:prof s:dv s:dm s:sm support stranger anon
export const ADDRESS_PAGES: Row[] = [
  {
    what: 'the address confirmation page (public: the link decides)',
    call: () => ({ method: 'GET', url: '/address/confirm/no-such-change' }),
    cells: '200   200   200  200     200    200    200    200  200  200  200     200     200',
  },
  {
    what: 'withdraw an address change (none waits)',
    call: () => ({ method: 'POST', url: '/address/withdraw', body: {} }),
    cells: '303   303   303  303     403    403    403    403  403  403  303     303     303',
  },
];
