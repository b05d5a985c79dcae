import type { SignInEmailsCopy } from './index.js';

export const fr: SignInEmailsCopy = {
  throttled: {
    subject: 'Des mots de passe erronés ont été essayés sur votre compte',
    body: (f) => [
      `Quelqu'un a essayé de se connecter à votre compte ${f.handle} avec un mauvais mot de passe ${f.failures} fois de suite, la dernière fois le ${f.at}${f.ip ? ` depuis l'adresse ${f.ip}` : ''}.`,
      `Pour protéger votre compte, chaque nouveau mot de passe erroné fait désormais patienter un peu plus avant de pouvoir se connecter, jusqu'à ${f.maxWait}. Votre mot de passe reste valable une fois l'attente écoulée.`,
      "Si c'était vous, attendez quelques minutes et réessayez. Sinon, quelqu'un connaît ou tente de deviner votre mot de passe : changez-le depuis votre profil, et ne l'utilisez nulle part ailleurs.",
    ],
    button: 'Changer mon mot de passe',
    fallback: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
    note: 'Personne chez Countersign ne vous demandera jamais votre mot de passe, ni par courriel ni par téléphone.',
  },
};
