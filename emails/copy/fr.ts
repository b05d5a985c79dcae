import { why, type Block } from '../blocks.js';
import { elide } from '../../i18n/format.js';
import type { EmailsCopy, Ctx } from './index.js';

export const fr: EmailsCopy = {
  colon: ' : ',
  hello: (n) => (n ? `Bonjour ${n},` : 'Bonjour,'),
  signoff: ['Cordialement,', "L'équipe support"],
  labels: {
    role: 'Rôle concerné',
    roles: 'Rôles concernés',
    from: 'Contact sortant',
    to: 'Contact entrant',
    asker: 'Demandé par',
    until: "Valable jusqu'au",
    expired: "Date d'expiration",
    ref: 'Référence',
  },
  action: {
    intro: 'Pour accepter ou refuser la demande, ouvrez la page de décision :',
    button: 'Accepter ou refuser la demande',
    fallback: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
    token: 'Votre code de validation personnel, à usage unique :',
    help: "S'il n'est pas déjà prérempli sur la page, copiez-le et collez-le dans le champ prévu.",
  },
  follow: 'Suivre la demande dans votre espace client',
  copyNote: (category, account) =>
    `Vous recevez cette copie en tant que contact ${elide('de', account)}, avec un abonnement ${category === 'general' ? 'à tous les e-mails du compte' : category === 'domain' ? 'aux e-mails sur les noms de domaine' : 'aux e-mails sur les produits'}. ${account} peut modifier ce choix dans ses contacts.`,
  subject: {
    request: (c) =>
      c.you === 'asker'
        ? `Changement de contact pour ${c.name} : en attente de validation`
        : `Changement de contact pour ${c.name} : votre validation est requise`,
    reminder: (c) =>
      c.you === 'asker'
        ? `Rappel : changement de contact pour ${c.name} en attente de validation`
        : `Rappel : changement de contact pour ${c.name}, votre réponse est attendue`,
    done: (c) => `Changement de contact effectué pour ${c.name}`,
    refused: (c) => `Changement de contact refusé pour ${c.name}`,
    expired: (c) => `Demande de changement de contact expirée pour ${c.name}`,
    aborted: (c) => `Demande de changement de contact annulée pour ${c.name}`,
    error: (c) => `Échec du changement de contact pour ${c.name}`,
  },
  body: {
    request: (c) =>
      c.you === 'asker'
        ? frPending(c)
        : [
            `${c.askerIsYou ? 'Vous avez' : `${c.asker} a`} demandé un changement de contact pour ${c.svc}.`,
            c.you === 'from'
              ? `Vous êtes actuellement ${c.roles} de ce service. En acceptant, vous confirmez que vous cédez ${c.plural ? 'ces rôles' : 'ce rôle'} à ${c.to}.`
              : `Il est proposé que vous deveniez ${c.roles} de ce service, à la place du contact actuel, ${c.from}. En acceptant, vous confirmez que vous prenez en charge ${c.plural ? 'ces rôles' : 'ce rôle'}.`,
            `Le changement ne sera effectué que lorsque les deux contacts, le sortant et l'entrant, l'auront accepté. Cette demande est valable jusqu'au ${c.expires}.`,
            'facts',
            'action',
            {
              note: `${c.askerIsYou ? '' : "Vous n'attendiez pas cette demande, ou quelque chose vous paraît anormal ? Refusez-la : rien ne sera modifié. "}Ne communiquez jamais ce code à qui que ce soit, même à une personne se présentant comme notre support : nous ne vous le demanderons jamais.`,
            },
          ],
    reminder: (c) =>
      c.you === 'asker'
        ? frPending(c)
        : [
            `Ceci est un rappel : nous n'avons pas encore reçu votre réponse à la demande ci-dessous. Elle expirera le ${c.expires} ; si les deux contacts ne l'ont pas acceptée d'ici là, rien ne sera modifié.`,
            ...fr.body.request(c),
          ],
    done: (c) => [
      `Le changement de contact pour ${c.svc} a été accepté par les deux contacts et il est désormais effectif.`,
      c.you === 'from'
        ? `Vous n'êtes plus ${c.roles} de ce service : ${c.to} a pris le relais.`
        : c.you === 'to'
          ? `Vous êtes désormais ${c.roles} de ce service, à la place de l'ancien contact, ${c.from}.`
          : `${c.to} est désormais ${c.roles} de ce service, à la place de l'ancien contact, ${c.from}.`,
      'facts',
      { note: 'Si vous ne reconnaissez pas ce changement, contactez notre support sans attendre.' },
    ],
    refused: (c) => [
      c.by
        ? `${c.byIsYou ? 'Vous avez' : `${c.by} a`} refusé la demande de changement de contact pour ${c.svc}.`
        : `La demande de changement de contact pour ${c.svc} a été refusée.`,
      ...why(c.reason, 'Motif indiqué :', "Aucun motif n'a été indiqué."),
      frUnchanged(c),
      "Si ce changement est toujours souhaité, une nouvelle demande peut être faite depuis l'espace client.",
      'facts',
    ],
    expired: (c) => [
      `La demande de changement de contact pour ${c.svc}${c.askerIsYou ? ', que vous aviez faite,' : `, faite par ${c.asker},`} n'a pas été acceptée par les deux contacts avant le ${c.expires}. Elle a donc expiré.`,
      frUnchanged(c),
      'Les codes de validation envoyés pour cette demande ne sont plus valables.',
      `Si ce changement est toujours souhaité, ${c.you === 'asker' ? 'vous pouvez' : 'le propriétaire du service peut'} faire une nouvelle demande depuis l'espace client.`,
      'facts',
    ],
    aborted: (c) => [
      c.by
        ? `${c.byIsYou ? 'Vous avez' : `${c.by} a`} annulé la demande de changement de contact pour ${c.svc}.`
        : `La demande de changement de contact pour ${c.svc} a été annulée.`,
      ...why(c.reason, 'Motif indiqué :', "Aucun motif n'a été indiqué."),
      frUnchanged(c),
      "Si vous avez reçu un code de validation pour cette demande, il n'est plus utilisable : vous n'avez rien à faire.",
      'facts',
    ],
    error: (c) => [
      `Le changement de contact demandé pour ${c.svc} n'a pas pu être effectué.`,
      ...why(c.reason, 'Détail :'),
      frUnchanged(c),
      `Contactez notre support en indiquant la référence ${c.requestId} : nous vous aiderons à finaliser ce changement.`,
      'facts',
    ],
  },
  invitation: {
    subject: (inviter) => `${inviter} vous invite dans son espace client`,
    body: (i) => [
      `${i.inviter} a fait de vous un sous-compte de son espace client : vous pourrez vous y connecter avec votre propre mot de passe et agir selon les permissions qui vous sont accordées.`,
      `Votre identifiant de connexion est ${i.handle}. Pour accepter, choisissez votre mot de passe sur cette page ; le lien ne sert qu'une fois et jusqu'au ${i.expires}.`,
    ],
    button: 'Choisir mon mot de passe',
    fallback: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
    note: "Si vous ne connaissez pas cette personne ou n'attendiez pas cette invitation, ignorez cet e-mail : rien ne se fait sans vous.",
  },
};
function frPending(c: Ctx): Block[] {
  return [
    `La demande de changement de contact pour ${c.svc} est en attente de validation. ${c.from} et ${c.to} ont chacun reçu un e-mail contenant un code personnel ; le changement sera effectué dès que tous deux l'auront accepté.`,
    `La demande est valable jusqu'au ${c.expires}.`,
    'facts',
  ];
}
function frUnchanged(c: Ctx): string {
  if (c.byProvider)
    return "Les contacts de ce service sont désormais ceux que l'hébergeur a enregistrés : consultez le service dans votre espace client.";
  return `Rien n'a été modifié : ${c.you === 'from' ? 'vous restez' : `${c.from} reste`} ${c.roles} de ce service.`;
}
