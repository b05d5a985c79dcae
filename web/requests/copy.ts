import type { Language, State } from '../../domain/contact-change.js';

type Who = (who: string) => string;

export interface RequestsCopy {
  title: string;
  intro: string;
  tabs: { label: string; sent: string; received: string; all: string };
  filter: { label: string; any: string; pending: string; submit: string };
  empty: string;
  pager: { label: string; newer: string; older: string };
  states: Record<State, string>;
  fields: {
    service: string;
    roles: string;
    fromTo: string;
    from: string;
    to: string;
    askedBy: string;
    created: string;
    expires: string;
    ended: string;
    state: string;
    progress: string;
  };
  progress: {
    you: string;
    youAnd: Who;
    other: Who;
    both: (a: string, b: string) => string;
    applying: string;
    done: string;
    refusedBy: Who;
    cancelledBy: Who;
    expired: Who;
    error: string;
  };
  you: string;
  and: string;
  open: string;
  decide: { legend: string; token: string; hint: string; reason: string; accept: string; refuse: string };
  manage: { resend: string; cancel: string; reason: string; confirm: string };
  notices: { resent: string; cancelled: string };
  problems: {
    forbidden: string;
    tooSoon: (seconds: string) => string;
    bothDecided: string;
    notNow: (state: string) => string;
  };
  detail: {
    title: (service: string) => string;
    back: string;
    decisions: string;
    timeline: string;
    undecided: string;
    accepted: string;
    refused: string;
    stale: string;
  };
  events: {
    created: Who;
    state: (state: string) => string;
    accepted: Who;
    refused: Who;
    reason: string;
    emailSent: Who;
    reminderSent: Who;
    outcomeSent: Who;
    emailFailed: Who;
    emailDelivered: Who;
    emailBounced: Who;
    emailComplained: Who;
    resent: Who;
    extended: Who;
    tokensLocked: string;
    other: (type: string) => string;
  };
}

const en: RequestsCopy = {
  title: 'My requests',
  intro: 'Contact changes you asked for, and those that name you as the outgoing or incoming contact.',
  tabs: { label: 'Which requests', sent: 'Sent', received: 'Received', all: 'All' },
  filter: { label: 'State', any: 'Any state', pending: 'Still open', submit: 'Show' },
  empty: 'No request here.',
  pager: { label: 'Pages', newer: 'Newer requests', older: 'Older requests' },
  states: {
    todo: 'Being prepared',
    checkValidity: 'Being checked',
    validatingByCustomers: 'Awaiting the contacts',
    doing: 'Being applied',
    done: 'Done',
    refused: 'Refused',
    aborted: 'Cancelled',
    expired: 'Expired',
    error: 'Failed',
  },
  fields: {
    service: 'Service',
    roles: 'Roles',
    fromTo: 'From → to',
    from: 'Outgoing contact',
    to: 'Incoming contact',
    askedBy: 'Asked by',
    created: 'Asked on',
    expires: 'Valid until',
    ended: 'Ended on',
    state: 'State',
    progress: 'Where it stands',
  },
  progress: {
    you: 'Awaiting your confirmation',
    youAnd: (o) => `Awaiting your confirmation and the reply of ${o}`,
    other: (o) => `Awaiting the reply of ${o}`,
    both: (a, b) => `Awaiting the replies of ${a} and ${b}`,
    applying: 'Both contacts accepted; the change is being applied.',
    done: 'Both contacts accepted; the change is effective.',
    refusedBy: (w) => `Refused by ${w}; nothing changed.`,
    cancelledBy: (w) => `Cancelled by ${w}; nothing changed.`,
    expired: (w) => `Expired without the reply of ${w}; nothing changed.`,
    error: 'The change could not be made; nothing changed.',
  },
  you: 'you',
  and: 'and',
  open: 'Open the request',
  decide: {
    legend: 'Your decision',
    token: 'Your code (from the email)',
    hint: 'Paste the code from the email you received about this request.',
    reason: 'Reason, if you refuse (optional)',
    accept: 'Accept',
    refuse: 'Refuse',
  },
  manage: {
    resend: 'Resend the emails',
    cancel: 'Cancel…',
    reason: 'Reason (optional, shown to the contacts)',
    confirm: 'Cancel the request',
  },
  notices: {
    resent:
      'The emails were sent again to the contacts who have not decided. Codes from earlier emails no longer work.',
    cancelled: 'The request is cancelled; nothing changed. The contacts are told by email.',
  },
  problems: {
    forbidden: 'Only the person who asked for this change, or support, may resend its emails or cancel it.',
    tooSoon: (s) => `The emails were sent moments ago. Try again in ${s} s.`,
    bothDecided: 'Both contacts have already decided: there is no email to resend.',
    notNow: (state) => `Not possible now: the request is ${state.toLowerCase()}.`,
  },
  detail: {
    title: (s) => `Contact change for ${s}`,
    back: 'All my requests',
    decisions: 'Decisions',
    timeline: 'Timeline',
    undecided: 'Not decided yet',
    accepted: 'Accepted',
    refused: 'Refused',
    stale: 'The timeline has new entries: show them',
  },
  events: {
    created: (w) => `Request made by ${w}`,
    state: (s) => `State: ${s}`,
    accepted: (w) => `Accepted by ${w}`,
    refused: (w) => `Refused by ${w}`,
    reason: 'Reason',
    emailSent: (w) => `Email with a code sent to ${w}`,
    reminderSent: (w) => `Reminder sent to ${w}`,
    outcomeSent: (w) => `Email about the outcome sent to ${w}`,
    emailFailed: (w) => `The email to ${w} could not be sent`,
    emailDelivered: (w) => `Email delivered to ${w}`,
    emailBounced: (w) => `The email to ${w} bounced: it did not arrive`,
    emailComplained: (w) => `${w} marked the email as spam`,
    resent: (w) => `Emails sent again by ${w}; earlier codes no longer work`,
    extended: (w) => `Validity extended by ${w}, until`,
    tokensLocked: 'Codes locked after too many wrong attempts',
    other: (t) => t,
  },
};

const fr: RequestsCopy = {
  title: 'Mes demandes',
  intro:
    'Les changements de contact que vous avez demandés, et ceux qui vous désignent comme contact sortant ou entrant.',
  tabs: { label: 'Quelles demandes', sent: 'Envoyées', received: 'Reçues', all: 'Toutes' },
  filter: { label: 'État', any: 'Tous les états', pending: 'En cours', submit: 'Afficher' },
  empty: 'Aucune demande ici.',
  pager: { label: 'Pages', newer: 'Demandes plus récentes', older: 'Demandes plus anciennes' },
  states: {
    todo: 'En préparation',
    checkValidity: 'En vérification',
    validatingByCustomers: 'En attente des contacts',
    doing: 'En cours d’application',
    done: 'Terminée',
    refused: 'Refusée',
    aborted: 'Annulée',
    expired: 'Expirée',
    error: 'En échec',
  },
  fields: {
    service: 'Service',
    roles: 'Rôles',
    fromTo: 'De → à',
    from: 'Contact sortant',
    to: 'Contact entrant',
    askedBy: 'Demandée par',
    created: 'Demandée le',
    expires: 'Valable jusqu’au',
    ended: 'Terminée le',
    state: 'État',
    progress: 'Où en est-elle',
  },
  progress: {
    you: 'En attente de votre confirmation',
    youAnd: (o) => `En attente de votre confirmation et de la réponse de ${o}`,
    other: (o) => `En attente de la réponse de ${o}`,
    both: (a, b) => `En attente des réponses de ${a} et ${b}`,
    applying: 'Les deux contacts ont accepté ; le changement est en cours.',
    done: 'Les deux contacts ont accepté ; le changement est effectif.',
    refusedBy: (w) => `Refusée par ${w} ; rien n’a changé.`,
    cancelledBy: (w) => `Annulée par ${w} ; rien n’a changé.`,
    expired: (w) => `Expirée sans la réponse de ${w} ; rien n’a changé.`,
    error: 'Le changement n’a pas pu être effectué ; rien n’a changé.',
  },
  you: 'vous',
  and: 'et',
  open: 'Ouvrir la demande',
  decide: {
    legend: 'Votre décision',
    token: 'Votre code (reçu par e-mail)',
    hint: 'Collez le code de l’e-mail reçu pour cette demande.',
    reason: 'Motif, si vous refusez (facultatif)',
    accept: 'Accepter',
    refuse: 'Refuser',
  },
  manage: {
    resend: 'Renvoyer les e-mails',
    cancel: 'Annuler…',
    reason: 'Motif (facultatif, montré aux contacts)',
    confirm: 'Annuler la demande',
  },
  notices: {
    resent:
      'Les e-mails ont été renvoyés aux contacts qui n’ont pas encore décidé. Les codes des e-mails précédents ne fonctionnent plus.',
    cancelled: 'La demande est annulée ; rien n’a changé. Les contacts sont prévenus par e-mail.',
  },
  problems: {
    forbidden: 'Seul l’auteur de la demande, ou le support, peut renvoyer ses e-mails ou l’annuler.',
    tooSoon: (s) => `Les e-mails viennent d’être envoyés. Réessayez dans ${s} s.`,
    bothDecided: 'Les deux contacts ont déjà décidé : il n’y a aucun e-mail à renvoyer.',
    notNow: (state) => `Impossible pour le moment : la demande est ${state.toLowerCase()}.`,
  },
  detail: {
    title: (s) => `Changement de contact pour ${s}`,
    back: 'Toutes mes demandes',
    decisions: 'Décisions',
    timeline: 'Historique',
    undecided: 'Pas encore décidé',
    accepted: 'Accepté',
    refused: 'Refusé',
    stale: 'L’historique a de nouvelles entrées : les afficher',
  },
  events: {
    created: (w) => `Demande faite par ${w}`,
    state: (s) => `État : ${s}`,
    accepted: (w) => `Acceptée par ${w}`,
    refused: (w) => `Refusée par ${w}`,
    reason: 'Motif',
    emailSent: (w) => `E-mail avec un code envoyé à ${w}`,
    reminderSent: (w) => `Relance envoyée à ${w}`,
    outcomeSent: (w) => `E-mail sur l’issue envoyé à ${w}`,
    emailFailed: (w) => `L’e-mail à ${w} n’a pas pu être envoyé`,
    emailDelivered: (w) => `E-mail remis à ${w}`,
    emailBounced: (w) => `L’e-mail à ${w} a été rejeté : il n’est pas arrivé`,
    emailComplained: (w) => `${w} a signalé l’e-mail comme indésirable`,
    resent: (w) => `E-mails renvoyés par ${w} ; les codes précédents ne fonctionnent plus`,
    extended: (w) => `Validité prolongée par ${w}, jusqu’au`,
    tokensLocked: 'Codes bloqués après trop d’essais erronés',
    other: (t) => t,
  },
};

const nl: RequestsCopy = {
  title: 'Mijn verzoeken',
  intro: 'Contactwijzigingen die u hebt aangevraagd, en die waarin u het vertrekkende of nieuwe contact bent.',
  tabs: { label: 'Welke verzoeken', sent: 'Verzonden', received: 'Ontvangen', all: 'Alle' },
  filter: { label: 'Status', any: 'Elke status', pending: 'Nog open', submit: 'Tonen' },
  empty: 'Hier staat geen verzoek.',
  pager: { label: 'Pagina’s', newer: 'Nieuwere verzoeken', older: 'Oudere verzoeken' },
  states: {
    todo: 'Wordt voorbereid',
    checkValidity: 'Wordt gecontroleerd',
    validatingByCustomers: 'Wacht op de contacten',
    doing: 'Wordt doorgevoerd',
    done: 'Afgerond',
    refused: 'Geweigerd',
    aborted: 'Geannuleerd',
    expired: 'Verlopen',
    error: 'Mislukt',
  },
  fields: {
    service: 'Dienst',
    roles: 'Rollen',
    fromTo: 'Van → naar',
    from: 'Vertrekkend contact',
    to: 'Nieuw contact',
    askedBy: 'Aangevraagd door',
    created: 'Aangevraagd op',
    expires: 'Geldig tot',
    ended: 'Beëindigd op',
    state: 'Status',
    progress: 'Stand van zaken',
  },
  progress: {
    you: 'Wacht op uw bevestiging',
    youAnd: (o) => `Wacht op uw bevestiging en het antwoord van ${o}`,
    other: (o) => `Wacht op het antwoord van ${o}`,
    both: (a, b) => `Wacht op de antwoorden van ${a} en ${b}`,
    applying: 'Beide contacten zijn akkoord; de wijziging wordt doorgevoerd.',
    done: 'Beide contacten zijn akkoord; de wijziging is doorgevoerd.',
    refusedBy: (w) => `Geweigerd door ${w}; er is niets gewijzigd.`,
    cancelledBy: (w) => `Geannuleerd door ${w}; er is niets gewijzigd.`,
    expired: (w) => `Verlopen zonder antwoord van ${w}; er is niets gewijzigd.`,
    error: 'De wijziging kon niet worden doorgevoerd; er is niets gewijzigd.',
  },
  you: 'u',
  and: 'en',
  open: 'Het verzoek openen',
  decide: {
    legend: 'Uw beslissing',
    token: 'Uw code (uit de e-mail)',
    hint: 'Plak de code uit de e-mail die u over dit verzoek hebt ontvangen.',
    reason: 'Reden, als u weigert (optioneel)',
    accept: 'Accepteren',
    refuse: 'Weigeren',
  },
  manage: {
    resend: 'E-mails opnieuw versturen',
    cancel: 'Annuleren…',
    reason: 'Reden (optioneel, de contacten zien hem)',
    confirm: 'Het verzoek annuleren',
  },
  notices: {
    resent:
      'De e-mails zijn opnieuw verstuurd naar de contacten die nog niet hebben beslist. Codes uit eerdere e-mails werken niet meer.',
    cancelled: 'Het verzoek is geannuleerd; er is niets gewijzigd. De contacten krijgen een e-mail.',
  },
  problems: {
    forbidden:
      'Alleen de aanvrager van deze wijziging, of onze support, kan de e-mails opnieuw versturen of het verzoek annuleren.',
    tooSoon: (s) => `De e-mails zijn net verstuurd. Probeer het over ${s} s opnieuw.`,
    bothDecided: 'Beide contacten hebben al beslist: er is geen e-mail om opnieuw te versturen.',
    notNow: (state) => `Nu niet mogelijk: het verzoek heeft de status ${state.toLowerCase()}.`,
  },
  detail: {
    title: (s) => `Contactwijziging voor ${s}`,
    back: 'Al mijn verzoeken',
    decisions: 'Beslissingen',
    timeline: 'Geschiedenis',
    undecided: 'Nog niet beslist',
    accepted: 'Geaccepteerd',
    refused: 'Geweigerd',
    stale: 'De geschiedenis heeft nieuwe regels: toon ze',
  },
  events: {
    created: (w) => `Verzoek gedaan door ${w}`,
    state: (s) => `Status: ${s}`,
    accepted: (w) => `Geaccepteerd door ${w}`,
    refused: (w) => `Geweigerd door ${w}`,
    reason: 'Reden',
    emailSent: (w) => `E-mail met code verstuurd naar ${w}`,
    reminderSent: (w) => `Herinnering verstuurd naar ${w}`,
    outcomeSent: (w) => `E-mail over de uitkomst verstuurd naar ${w}`,
    emailFailed: (w) => `De e-mail aan ${w} kon niet worden verstuurd`,
    emailDelivered: (w) => `E-mail afgeleverd bij ${w}`,
    emailBounced: (w) => `De e-mail aan ${w} is teruggekomen: hij is niet aangekomen`,
    emailComplained: (w) => `${w} heeft de e-mail als spam gemeld`,
    resent: (w) => `E-mails opnieuw verstuurd door ${w}; eerdere codes werken niet meer`,
    extended: (w) => `Geldigheid verlengd door ${w}, tot`,
    tokensLocked: 'Codes geblokkeerd na te veel verkeerde pogingen',
    other: (t) => t,
  },
};

export const REQUESTS_COPY: Record<Language, RequestsCopy> = { en, fr, nl };
