import type { SessionsCopy } from './index.js';

export const fr: SessionsCopy = {
  title: 'Mes sessions',
  intro: (idle, max) =>
    `Vos sessions ouvertes sur Countersign en ce moment. Une session se termine après ${idle} sans activité, et au plus tard ${max} après la connexion. Si vous n'en reconnaissez pas une, déconnectez-la et changez votre mot de passe.`,
  link: 'Voir vos sessions ouvertes, et les fermer ailleurs',
  caption: 'Vos sessions, la plus récemment utilisée en premier',
  columns: {
    browser: 'Navigateur',
    ip: 'Adresse',
    signedIn: 'Connexion',
    lastActive: 'Dernière activité',
    action: 'Action',
  },
  thisOne: 'Ce navigateur',
  agent: (browser, system) =>
    browser && system
      ? `${browser} sous ${system}`
      : (browser ?? (system ? `Un navigateur sous ${system}` : 'Navigateur inconnu')),
  unknownIp: 'Inconnue',
  signOut: 'Déconnecter',
  signOutLabel: (session) => `Déconnecter ${session}`,
  signOutOthers: 'Me déconnecter partout ailleurs',
  othersHint: 'Toutes les autres sessions se terminent aussitôt ; ce navigateur reste connecté.',
  alone: 'Votre seule session ouverte est celle de ce navigateur.',
  done: { ended: 'Cette session est déconnectée.', others: 'Toutes les autres sessions sont déconnectées.' },
  signIn: {
    throttled: (wait) =>
      `Trop de mots de passe erronés ont été essayés pour cet identifiant. Attendez ${wait} avant de réessayer ; un mot de passe essayé plus tôt n'est même pas vérifié.`,
    crossSite:
      "Ce formulaire a été envoyé depuis un autre site, il a donc été refusé : un site essaie peut-être de vous connecter à un compte qui n'est pas le vôtre. Ouvrez vous-même la page de Countersign et envoyez le formulaire depuis celle-ci.",
  },
};
