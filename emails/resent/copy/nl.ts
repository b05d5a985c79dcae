import type { ResentCopy } from './index.js';

export const nl: ResentCopy = {
  subject: (subject) => `Nieuwe code: ${subject}`,
  note: 'Deze e-mail vervangt de e-mail die eerder voor dit verzoek is verstuurd: de code uit die eerdere e-mail werkt niet meer. Gebruik de code hieronder.',
};
