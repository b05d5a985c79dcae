import type { GuardsEmailsCopy } from './index.js';

export const fr: GuardsEmailsCopy = {
  codesLocked: {
    subject: (f) => `Changement de contact pour ${f.name} : codes bloqués après trop d’essais erronés`,
    body: (f) => [
      `${f.attempts} codes erronés ont été essayés sur votre demande de changement de contact pour ${f.name}. Pour la protéger, ses codes sont maintenant bloqués : aucun des deux contacts ne peut plus accepter ni refuser avec eux.`,
      'Si vous souhaitez toujours ce changement, renvoyez les e-mails depuis la page de la demande : les deux contacts recevront de nouveaux codes et les anciens ne fonctionneront plus. Si vous ne le souhaitez plus, vous pouvez y annuler la demande.',
    ],
    button: 'Ouvrir la demande',
    note: 'Rien n’a été accepté avec un code erroné. Le support voit aussi cette demande ; contactez-le si cela se reproduit.',
  },
};
