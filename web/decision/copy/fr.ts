import type { DecisionCopy } from './index.js';
import { elide } from '../../../i18n/format.js';

export const fr: DecisionCopy = {
  title: 'Changement de contact : votre décision',
  intro: (asker, roles, service) =>
    `${asker} demande le transfert des rôles suivants ${elide('de', service)} : ${roles}. Le contact sortant et le contact entrant doivent tous deux accepter.`,
  service: 'Service',
  roles: 'Rôles',
  from: 'Contact sortant',
  to: 'Contact entrant',
  askedBy: 'Demandé par',
  expires: 'Valable jusqu’au',
  state: 'État',
  tokenLabel: 'Votre code',
  tokenHint: 'Le code reçu par e-mail. Le lien de l’e-mail le remplit pour vous ; sinon, collez-le ici.',
  reasonLabel: 'Motif, si vous refusez (facultatif)',
  accept: 'Accepter',
  refuse: 'Refuser',
  unexpected:
    'Vous n’attendiez pas cette demande ? Refusez-la. Ne communiquez jamais votre code : le support ne vous le demandera jamais.',
  states: {
    todo: 'en préparation',
    checkValidity: 'en cours de vérification',
    validatingByCustomers: 'en attente de la décision des contacts',
    doing: 'en cours d’application',
    done: 'terminée : le changement est effectif',
    refused: 'refusée : rien n’a changé',
    aborted: 'annulée : rien n’a changé',
    expired: 'expirée : rien n’a changé',
    error: 'en échec : rien n’a changé',
  },
  youAre: {
    from: 'Vous êtes le contact sortant : vous cédez ces rôles.',
    to: 'Vous êtes le contact entrant : vous reprenez ces rôles.',
  },
  decided: (decision, at) => `Vous avez ${decision === 'accepted' ? 'accepté' : 'refusé'} le ${at}.`,
  nothingToDo: 'Vous n’avez plus rien à faire.',
  ended: {
    done: (at) => `Cette demande est terminée : le changement est effectif depuis le ${at}.`,
    refused: (at) => `Cette demande a été refusée le ${at} ; rien n’a changé.`,
    aborted: (at) => `Cette demande a été annulée le ${at} ; rien n’a changé.`,
    expired: (at) => `Cette demande a expiré le ${at} sans les deux décisions ; rien n’a changé.`,
    error: (at) => `Cette demande a échoué le ${at} ; rien n’a changé.`,
  },
  results: {
    awaiting:
      'Votre acceptation est enregistrée. La demande est toujours en attente de validation par l’autre contact.',
    done: 'Les deux contacts ont accepté : le changement est effectif. Les deux contacts vont recevoir un e-mail.',
    refused: 'La demande est refusée ; rien ne change. Toutes les personnes concernées seront prévenues.',
    aborted: 'Cette demande a été annulée ; rien ne change.',
    error: 'Le changement n’a pas pu être effectué ; rien n’a changé. Le support a été prévenu.',
    recorded: 'Votre décision est enregistrée.',
  },
  problems: {
    invalidToken:
      'Ce code n’est pas valable pour cette demande. Il est peut-être mal saisi, déjà utilisé, remplacé par un e-mail plus récent, ou la demande est terminée.',
    locked:
      'Trop de codes erronés ont été essayés sur cette demande : ses codes sont bloqués. Demandez à l’auteur de la demande, ou au support, de renvoyer les e-mails.',
    tooMany: 'Trop de tentatives depuis votre connexion. Patientez une minute puis réessayez.',
    tooManyWrongCodes: (minutes) =>
      `Trop de codes erronés depuis votre connexion pour cette demande. Patientez ${minutes} minute${minutes > 1 ? 's' : ''}, puis collez à nouveau le code de votre e-mail.`,
    missingToken: 'Collez le code reçu par e-mail, puis choisissez Accepter ou Refuser.',
    notFound: 'Cette demande de changement de contact n’existe pas. Vérifiez le lien de votre e-mail.',
    unavailable:
      'Le service est momentanément indisponible. Réessayez dans un instant ; la page indiquera alors si votre décision a été prise en compte.',
  },
};
