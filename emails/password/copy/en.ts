import type { PasswordEmailsCopy } from './index.js';

export const en: PasswordEmailsCopy = {
  reset: {
    subject: 'Choose a new password for your Countersign account',
    body: (r) => [
      `Someone, probably you, asked to reset the password of the account ${r.handle}.`,
      `To choose a new password, open this page. The link works once and until ${r.expires}. Once the password is changed, every session of the account is signed out.`,
    ],
    button: 'Choose a new password',
    fallback: 'If the button does not work, copy this link into your browser:',
    note: 'If you did not ask for this, ignore this email: your password stays as it is.',
  },
};
