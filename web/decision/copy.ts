import type { Language } from '../../domain/contact-change.js';

export interface DecisionCopy {
  title: string;
  intro: (asker: string, roles: string, service: string) => string;
  service: string;
  roles: string;
  from: string;
  to: string;
  askedBy: string;
  expires: string;
  state: string;
  tokenLabel: string;
  tokenHint: string;
  reasonLabel: string;
  accept: string;
  refuse: string;
  unexpected: string;
  states: Record<string, string>;
  results: { awaiting: string; done: string; refused: string; aborted: string; error: string; recorded: string };
  problems: {
    invalidToken: string;
    locked: string;
    tooMany: string;
    missingToken: string;
    notFound: string;
    unavailable: string;
  };
}

const en: DecisionCopy = {
  title: 'Contact change: your decision',
  intro: (asker, roles, service) =>
    `${asker} asks to move these roles of ${service}: ${roles}. Both the outgoing and the incoming contact must accept.`,
  service: 'Service',
  roles: 'Roles',
  from: 'Outgoing contact',
  to: 'Incoming contact',
  askedBy: 'Asked by',
  expires: 'Valid until',
  state: 'State',
  tokenLabel: 'Your code',
  tokenHint: 'The code from your email. The link in the email fills it in; otherwise paste it here.',
  reasonLabel: 'Reason, if you refuse (optional)',
  accept: 'Accept',
  refuse: 'Refuse',
  unexpected: 'Not expecting this? Refuse it. Never give your code to anyone: support will never ask for it.',
  states: {
    todo: 'being prepared',
    checkValidity: 'being checked',
    validatingByCustomers: "awaiting the contacts' decisions",
    doing: 'being applied',
    done: 'done: the change is effective',
    refused: 'refused: nothing changed',
    aborted: 'cancelled: nothing changed',
    expired: 'expired: nothing changed',
    error: 'failed: nothing changed',
  },
  results: {
    awaiting: 'Your acceptance is recorded. The request is still awaiting the other contact.',
    done: 'Both contacts accepted: the change is done. Both contacts will receive an email.',
    refused: 'The request is refused; nothing changes. Everyone concerned will be told.',
    aborted: 'This request was cancelled; nothing changes.',
    error: 'The change could not be made; nothing changed. Support has been told.',
    recorded: 'Your decision is recorded.',
  },
  problems: {
    invalidToken:
      'This code is not valid for this request. It may be mistyped, already used, replaced by a newer email, or the request may have ended.',
    locked:
      'Too many wrong codes were tried on this request, so its codes are locked. Ask the person who made the request, or support, to send the emails again.',
    tooMany: 'Too many attempts from your connection. Wait a minute and try again.',
    missingToken: 'Paste the code from your email, then choose Accept or Refuse.',
    notFound: 'There is no such contact change request. Check the link in your email.',
    unavailable:
      'The service is briefly unavailable. Try again in a moment; the page will then show whether your decision counts.',
  },
};

const fr: DecisionCopy = {
  title: 'Changement de contact : votre décision',
  intro: (asker, roles, service) =>
    `${asker} demande le transfert des rôles suivants de ${service} : ${roles}. Le contact sortant et le contact entrant doivent tous deux accepter.`,
  service: 'Service',
  roles: 'Rôles',
  from: 'Contact sortant',
  to: 'Contact entrant',
  askedBy: 'Demandé par',
  expires: 'Valable jusqu’au',
  state: 'État',
  tokenLabel: 'Votre code',
  tokenHint: 'Le code reçu par e-mail. Le lien de l’e-mail le remplit pour vous ; sinon, collez-le ici.',
  reasonLabel: 'Motif, si vous refusez (facultatif)',
  accept: 'Accepter',
  refuse: 'Refuser',
  unexpected:
    'Vous n’attendiez pas cette demande ? Refusez-la. Ne communiquez jamais votre code : le support ne vous le demandera jamais.',
  states: {
    todo: 'en préparation',
    checkValidity: 'en cours de vérification',
    validatingByCustomers: 'en attente de la décision des contacts',
    doing: 'en cours d’application',
    done: 'terminée : le changement est effectif',
    refused: 'refusée : rien n’a changé',
    aborted: 'annulée : rien n’a changé',
    expired: 'expirée : rien n’a changé',
    error: 'en échec : rien n’a changé',
  },
  results: {
    awaiting:
      'Votre acceptation est enregistrée. La demande est toujours en attente de validation par l’autre contact.',
    done: 'Les deux contacts ont accepté : le changement est effectif. Les deux contacts vont recevoir un e-mail.',
    refused: 'La demande est refusée ; rien ne change. Toutes les personnes concernées seront prévenues.',
    aborted: 'Cette demande a été annulée ; rien ne change.',
    error: 'Le changement n’a pas pu être effectué ; rien n’a changé. Le support a été prévenu.',
    recorded: 'Votre décision est enregistrée.',
  },
  problems: {
    invalidToken:
      'Ce code n’est pas valable pour cette demande. Il est peut-être mal saisi, déjà utilisé, remplacé par un e-mail plus récent, ou la demande est terminée.',
    locked:
      'Trop de codes erronés ont été essayés sur cette demande : ses codes sont bloqués. Demandez à l’auteur de la demande, ou au support, de renvoyer les e-mails.',
    tooMany: 'Trop de tentatives depuis votre connexion. Patientez une minute puis réessayez.',
    missingToken: 'Collez le code reçu par e-mail, puis choisissez Accepter ou Refuser.',
    notFound: 'Cette demande de changement de contact n’existe pas. Vérifiez le lien de votre e-mail.',
    unavailable:
      'Le service est momentanément indisponible. Réessayez dans un instant ; la page indiquera alors si votre décision a été prise en compte.',
  },
};

const nl: DecisionCopy = {
  title: 'Contactwijziging: uw beslissing',
  intro: (asker, roles, service) =>
    `${asker} vraagt om de volgende rollen van ${service} over te dragen: ${roles}. Zowel het vertrekkende als het nieuwe contact moet akkoord gaan.`,
  service: 'Dienst',
  roles: 'Rollen',
  from: 'Vertrekkend contact',
  to: 'Nieuw contact',
  askedBy: 'Aangevraagd door',
  expires: 'Geldig tot',
  state: 'Status',
  tokenLabel: 'Uw code',
  tokenHint: 'De code uit uw e-mail. De link in de e-mail vult hem voor u in; anders plakt u hem hier.',
  reasonLabel: 'Reden, als u weigert (optioneel)',
  accept: 'Accepteren',
  refuse: 'Weigeren',
  unexpected:
    'Verwachtte u dit verzoek niet? Weiger het dan. Geef uw code nooit aan iemand: onze support vraagt er nooit om.',
  states: {
    todo: 'wordt voorbereid',
    checkValidity: 'wordt gecontroleerd',
    validatingByCustomers: 'wacht op de beslissing van de contacten',
    doing: 'wordt doorgevoerd',
    done: 'afgerond: de wijziging is doorgevoerd',
    refused: 'geweigerd: er is niets gewijzigd',
    aborted: 'geannuleerd: er is niets gewijzigd',
    expired: 'verlopen: er is niets gewijzigd',
    error: 'mislukt: er is niets gewijzigd',
  },
  results: {
    awaiting: 'Uw akkoord is vastgelegd. Het verzoek wacht nog op het andere contact.',
    done: 'Beide contacten zijn akkoord: de wijziging is doorgevoerd. Beide contacten ontvangen een e-mail.',
    refused: 'Het verzoek is geweigerd; er verandert niets. Alle betrokkenen worden op de hoogte gebracht.',
    aborted: 'Dit verzoek is geannuleerd; er verandert niets.',
    error: 'De wijziging kon niet worden doorgevoerd; er is niets gewijzigd. Onze support is op de hoogte gebracht.',
    recorded: 'Uw beslissing is vastgelegd.',
  },
  problems: {
    invalidToken:
      'Deze code is niet geldig voor dit verzoek. Mogelijk is hij verkeerd overgenomen, al gebruikt, vervangen door een nieuwere e-mail, of is het verzoek afgelopen.',
    locked:
      'Er zijn te veel verkeerde codes geprobeerd voor dit verzoek; de codes zijn geblokkeerd. Vraag de aanvrager of onze support om de e-mails opnieuw te versturen.',
    tooMany: 'Te veel pogingen vanaf uw verbinding. Wacht een minuut en probeer het opnieuw.',
    missingToken: 'Plak de code uit uw e-mail en kies daarna Accepteren of Weigeren.',
    notFound: 'Dit verzoek tot contactwijziging bestaat niet. Controleer de link in uw e-mail.',
    unavailable:
      'De dienst is even niet beschikbaar. Probeer het zo opnieuw; de pagina laat dan zien of uw beslissing is vastgelegd.',
  },
};

export const DECISION_COPY: Record<Language, DecisionCopy> = { en, fr, nl };
