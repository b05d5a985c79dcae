import type { ResentCopy } from './index.js';

export const en: ResentCopy = {
  subject: (subject) => `New code: ${subject}`,
  note: 'This email replaces the one sent earlier for this request: the code in the earlier email no longer works. Use the code below.',
};
