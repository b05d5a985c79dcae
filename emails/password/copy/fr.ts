import type { PasswordEmailsCopy } from './index.js';

export const fr: PasswordEmailsCopy = {
  reset: {
    subject: 'Choisissez un nouveau mot de passe pour votre compte Countersign',
    body: (r) => [
      `Quelqu’un, sans doute vous, a demandé à réinitialiser le mot de passe du compte ${r.handle}.`,
      `Pour choisir un nouveau mot de passe, ouvrez cette page. Le lien fonctionne une seule fois et jusqu’au ${r.expires}. Une fois le mot de passe changé, toutes les sessions du compte sont déconnectées.`,
    ],
    button: 'Choisir un nouveau mot de passe',
    fallback: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
    note: 'Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.',
  },
};
