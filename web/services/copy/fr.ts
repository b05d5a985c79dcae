import type { ServicesCopy } from './index.js';
import { elide } from '../../../i18n/format.js';

export const fr: ServicesCopy = {
  errorLabel: 'Erreur :',
  list: {
    title: 'Mes services',
    intro: 'Les services dont vous êtes titulaire ou contact, avec leurs contacts.',
    empty: 'Vous n’êtes titulaire ni contact d’aucun service.',
    subAccount: {
      intro:
        'Les services de cet espace client que vos droits vous permettent de voir, et ceux dont vous êtes vous-même contact, avec leurs contacts.',
      empty: 'Vos droits ne vous montrent aucun service de cet espace client, et vous n’êtes contact d’aucun service.',
    },
    kind: 'Type',
    holder: 'Titulaire',
    you: 'vous',
    pending: 'Demandes en cours',
    none: 'Aucune',
    pendingLink: (roles) => `Changement de ${roles} en cours`,
    change: 'Changer les contacts',
  },
  change: {
    title: 'Changer les contacts',
    intro:
      'Confiez un ou plusieurs rôles de ce service à un autre compte. Rien ne change tant que le contact sortant et le contact entrant n’ont pas tous deux accepté.',
    roles: 'Rôles à transmettre',
    rolesHint: 'Choisissez un ou plusieurs rôles.',
    ownOnly: 'En tant que contact technique ou de facturation, vous ne pouvez transmettre que votre propre rôle.',
    now: 'actuellement',
    busy: 'Indisponible : une demande en cours change déjà ce rôle.',
    seeRequest: 'Voir cette demande',
    allBusy:
      'Tous les rôles que vous pouvez transmettre sont déjà en cours de changement. Attendez la fin de ces demandes.',
    to: 'Identifiant du nouveau contact',
    toHint: 'L’identifiant client du compte qui reprend les rôles, par exemple ab1234-cs.',
    toHintContacts:
      'Choisissez l’un de vos contacts dans la liste, ou saisissez l’identifiant client de n’importe quel compte, par exemple ab1234-cs.',
    next: 'Continuer',
    back: 'Retour à mes services',
    summary: 'Veuillez corriger ce qui suit :',
    found: (who) => `Compte trouvé : ${who}.`,
  },
  preview: {
    title: 'Vérifier et confirmer',
    intro: 'Rien n’a encore été envoyé. Vérifiez la demande, puis confirmez.',
    service: 'Service',
    roles: 'Rôles',
    from: 'Contact sortant',
    to: 'Contact entrant',
    approvers: 'Doivent accepter',
    outgoing: 'contact sortant',
    incoming: 'contact entrant',
    until: 'Jusqu’au',
    moves: (roles, plural, from, to) =>
      `Une fois les deux acceptations reçues, ${plural ? 'les rôles' : 'le rôle'} de ${roles} ${plural ? 'passeront' : 'passera'} ${elide('de', from)} à ${to}.`,
    lapse:
      'Chacun reçoit un e-mail avec un lien personnel. Si l’un refuse, ou ne répond pas à temps, la demande prend fin et rien ne change.',
    confirm: 'Confirmer et envoyer les e-mails',
    back: 'Retour',
  },
  problems: {
    needRole: 'Choisissez au moins un rôle.',
    needHandle: 'Saisissez l’identifiant du nouveau contact.',
    unknown: (handle) => `Aucun compte ne porte l’identifiant ${handle}. Vérifiez l’orthographe.`,
    inactive: (handle) => `Le compte ${handle} est désactivé et ne peut pas reprendre de rôle.`,
    same: (handle) => `${handle} détient déjà ces rôles ; choisissez un autre contact.`,
    different:
      'Ces rôles sont détenus par des contacts différents ; transmettez les rôles de chaque contact dans une demande distincte.',
    busy: 'Une demande en cours change déjà l’un de ces rôles ; attendez qu’elle se termine ou annulez-la.',
    forbidden:
      'Vous ne pouvez transmettre qu’un rôle que vous détenez ; le titulaire ou le contact administrateur peut changer tous les rôles.',
    notFound: 'Il n’y a rien ici, ou rien que vous puissiez voir.',
    unavailable: 'Le service est momentanément indisponible ; rien n’a été changé. Réessayez dans un instant.',
  },
};
