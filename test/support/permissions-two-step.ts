import type { Row } from './permissions-table.js';

/** The rows of two-step sign-in in the table of who may do what (./permissions-table.ts): it is one's own. */

// holder admin tech billing s:none s:cont s:prof s:dv s:dm s:sm support stranger anon
export const TWO_STEP_API: Row[] = [
  {
    what: "one's own two-step sign-in",
    call: () => ({ method: 'GET', url: '/api/v1/profile/two-step' }),
    cells:
      '                                                           200   200   200  200     200    200    200    200  200  200  200     200     401',
  },
  {
    what: "turn off one's own two-step sign-in (wrong password)",
    call: () => ({
      method: 'DELETE',
      url: '/api/v1/profile/two-step',
      body: { password: 'not-the-password', code: '123456' },
    }),
    cells:
      '                                                           422   422   422  422     422    422    422    422  422  422  422     422     401',
  },
];

export const TWO_STEP_PAGES: Row[] = [
  {
    what: "Two-step sign-in (one's own)",
    call: () => ({ method: 'GET', url: '/account/two-step' }),
    cells:
      '                                                           200   200   200  200     200    200    200    200  200  200  200     200     303',
  },
];
