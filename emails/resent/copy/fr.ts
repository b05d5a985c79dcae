import type { ResentCopy } from './index.js';

export const fr: ResentCopy = {
  subject: (subject) => `Nouveau code : ${subject}`,
  note: 'Cet e-mail remplace celui envoyé précédemment pour cette demande : le code de l’e-mail précédent ne fonctionne plus. Utilisez le code ci-dessous.',
};
