import type { SignInEmailsCopy } from './index.js';

export const en: SignInEmailsCopy = {
  throttled: {
    subject: 'Wrong passwords were tried on your account',
    body: (f) => [
      `Someone tried to sign in to your account ${f.handle} with a wrong password ${f.failures} times in a row, the last time on ${f.at}${f.ip ? ` from the address ${f.ip}` : ''}.`,
      `To protect your account, each further wrong password now makes signing in wait a little longer, up to ${f.maxWait}. Your password still works once the wait is over.`,
      'If it was you, wait a few minutes and try again. If it was not you, someone may know or be guessing your password: change it from your profile, and use it for nothing else.',
    ],
    button: 'Change my password',
    fallback: 'If the button does not work, copy this link into your browser:',
    note: 'Nobody at Countersign will ever ask you for your password, by email or on the phone.',
  },
};
