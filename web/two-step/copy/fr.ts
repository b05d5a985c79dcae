import type { TwoStepCopy } from './index.js';

export const fr: TwoStepCopy = {
  title: 'Connexion en deux étapes',
  profileLink: 'Connexion en deux étapes avec une application d’authentification',
  intro:
    'Avec la connexion en deux étapes, votre mot de passe ne suffit plus : la connexion demande aussi le code affiché par votre application d’authentification (comme Aegis, FreeOTP, Google Authenticator ou 1Password). Les liens de décision reçus par e-mail fonctionnent toujours sans connexion.',
  mustEnrol:
    'Le support doit activer la connexion en deux étapes avant d’utiliser Countersign. Configurez-la ci-dessous pour continuer.',
  errorLabel: 'Erreur :',
  password: 'Mot de passe',
  wrongPassword: 'Ce mot de passe n’est pas le bon.',
  code: 'Code',
  off: {
    status: 'La connexion en deux étapes est désactivée.',
    start: 'Configurer une application d’authentification',
    disabled: 'La connexion en deux étapes est désactivée. Votre mot de passe suffit à vous connecter.',
  },
  enrol: {
    heading: 'Ajoutez Countersign à votre application d’authentification',
    scan: 'Scannez ce QR code avec l’application, ou saisissez-y la clé ci-dessous. Puis saisissez le code à 6 chiffres qu’elle affiche.',
    qr: 'QR code de la clé pour votre application d’authentification',
    key: 'Clé',
    keyHint: 'Basée sur l’heure, 6 chiffres, un nouveau code toutes les 30 secondes.',
    codeHint: 'Les 6 chiffres que l’application affiche maintenant.',
    confirm: 'Activer la connexion en deux étapes',
    restart: 'Recommencer avec une nouvelle clé',
  },
  codes: {
    heading: 'Vos codes de secours',
    enabled: 'La connexion en deux étapes est activée. Vos autres sessions ont été déconnectées.',
    renewed: 'Vous avez de nouveaux codes de secours. Les anciens ne fonctionnent plus.',
    intro:
      'Gardez ces codes en lieu sûr, loin de votre téléphone : imprimez-les ou enregistrez-les dans votre gestionnaire de mots de passe. Si vous perdez votre application, chaque code vous connecte une fois. Ils ne sont affichés que maintenant.',
    list: 'Codes de secours',
    done: 'J’ai enregistré mes codes de secours',
  },
  on: {
    status: 'La connexion en deux étapes est activée.',
    since: 'Depuis le',
    left: (count) =>
      count === 0
        ? 'Il ne vous reste aucun code de secours : demandez-en de nouveaux maintenant.'
        : count === 1
          ? 'Il vous reste 1 code de secours inutilisé.'
          : `Il vous reste ${count} codes de secours inutilisés.`,
    renewHeading: 'Nouveaux codes de secours',
    renewIntro: 'Dix nouveaux codes à la place des anciens, utilisés ou non. Votre mot de passe vous est redemandé.',
    renew: 'Obtenir de nouveaux codes de secours',
    offHeading: 'Désactiver la connexion en deux étapes',
    offIntro: 'Votre mot de passe suffira de nouveau à vous connecter.',
    offCodeHint:
      'Le code que votre application affiche maintenant, ou l’un de vos codes de secours si vous avez perdu l’application.',
    turnOff: 'Désactiver la connexion en deux étapes',
    required: 'Le support doit garder la connexion en deux étapes activée.',
  },
  signIn: {
    title: 'Connexion en deux étapes',
    intro: 'Saisissez le code que votre application d’authentification affiche pour Countersign.',
    codeHint: 'Les 6 chiffres de votre application, ou l’un de vos codes de secours si vous avez perdu l’application.',
    submit: 'Continuer',
    wrong: (left) =>
      `Ce code n’est pas le bon, ou a déjà servi. ${left === 1 ? 'Encore 1 essai' : `Encore ${left} essais`} avant de devoir ressaisir votre mot de passe.`,
    tooMany: 'Trop de codes erronés. Connectez-vous de nouveau avec votre mot de passe.',
    locked:
      'Trop de codes ont été essayés récemment pour ce compte. Patientez un quart d’heure, puis reconnectez-vous ; si ce n’était pas vous, quelqu’un connaît votre mot de passe : changez-le.',
    expired: 'Cette connexion a pris trop de temps ou est terminée. Connectez-vous de nouveau avec votre mot de passe.',
    again: 'Se connecter de nouveau',
  },
};
