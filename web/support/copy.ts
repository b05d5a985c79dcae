import type { Language } from '../../domain/contact-change.js';

type Labels<K extends string> = Record<K, string>;

export interface SupportCopy {
  title: string;
  stuck: { heading: string; intro: (span: string) => string; none: string; why: string; since: string };
  search: {
    heading: string;
    label: string;
    hint: string;
    submit: string;
    results: (q: string) => string;
    none: (q: string) => string;
    more: (n: number) => string;
  };
  columns: Labels<'request' | 'service' | 'roles' | 'contacts' | 'state' | 'created'>;
  reasons: {
    pendingTooLong: (span: string) => string;
    emailFailed: (to: string, status: string, error: string | null) => string;
    stepFailing: (step: string, error: string | null) => string;
    tokensLocked: (attempts: number) => string;
  };
  states: Labels<
    'todo' | 'checkValidity' | 'validatingByCustomers' | 'doing' | 'done' | 'refused' | 'aborted' | 'expired' | 'error'
  >;
  roles: Labels<'admin' | 'tech' | 'billing'>;
  recipients: Labels<'from' | 'to' | 'asker'>;
  emailStatus: Labels<'sending' | 'sent' | 'delivered' | 'bounced' | 'complained' | 'failed'>;
  emailKinds: Labels<'request' | 'reminder' | 'done' | 'refused' | 'expired' | 'aborted' | 'error'>;
  request: {
    title: (id: string) => string;
    back: string;
    summary: string;
    from: string;
    to: string;
    asker: string;
    expires: string;
    ended: string;
    decision: Labels<'accepted' | 'refused' | 'awaiting'>;
    temporal: string;
    unknownError: string;
    failing: { heading: string; text: (step: string, error: string | null) => string; since: string };
  };
  emails: {
    heading: string;
    none: string;
    to: string;
    kind: string;
    sending: string;
    status: string;
    attempts: string;
    error: string;
    at: string;
  };
  timeline: {
    heading: string;
    at: string;
    what: string;
    who: string;
    detail: string;
    reason: string;
    events: Labels<string>;
  };
  actions: {
    heading: string;
    ended: string;
    reason: string;
    reasonHint: string;
    resend: { heading: string; hint: string; submit: string; done: string };
    extend: {
      heading: string;
      hint: string;
      limit: string;
      label: string;
      utc: string;
      local: string;
      current: string;
      submit: string;
      done: string;
    };
    cancel: { heading: string; hint: string; submit: string; done: string };
  };
  errors: Labels<
    | 'reasonRequired'
    | 'reasonTooLong'
    | 'invalidDate'
    | 'past'
    | 'notLater'
    | 'tooLate'
    | 'notPending'
    | 'tooSoon'
    | 'invalid'
  >;
}

const en: SupportCopy = {
  title: 'Support',
  stuck: {
    heading: 'Stuck requests',
    intro: (h) =>
      `Pending requests that need a person: pending for more than ${h}, an email that failed, a step that keeps failing, or locked tokens. Oldest first.`,
    none: 'No request is stuck.',
    why: 'Why',
    since: 'Since',
  },
  search: {
    heading: 'Find a request',
    label: 'Service name, handle or request id',
    hint: 'Any request, pending or ended.',
    submit: 'Search',
    results: (q) => `Requests matching “${q}”`,
    none: (q) => `No request matches “${q}”.`,
    more: (n) => `Only the ${n} most recent are shown; narrow the search.`,
  },
  columns: {
    request: 'Request',
    service: 'Service',
    roles: 'Roles',
    contacts: 'From → to',
    state: 'State',
    created: 'Created',
  },
  reasons: {
    pendingTooLong: (h) => `Pending for more than ${h}`,
    emailFailed: (to, status, error) => `The email to the ${to} ${status}${error ? `: ${error}` : ''}`,
    stepFailing: (step, error) => `The step ${step} keeps failing${error ? `: ${error}` : ''}`,
    tokensLocked: (n) => `${n} wrong tokens tried; resending the emails unlocks it`,
  },
  states: {
    todo: 'New',
    checkValidity: 'Being checked',
    validatingByCustomers: 'Waiting for the contacts',
    doing: 'Being applied',
    done: 'Done',
    refused: 'Refused',
    aborted: 'Cancelled',
    expired: 'Expired',
    error: 'Failed',
  },
  roles: { admin: 'administrative', tech: 'technical', billing: 'billing' },
  recipients: { from: 'outgoing contact', to: 'incoming contact', asker: 'asker' },
  emailStatus: {
    sending: 'being sent',
    sent: 'sent',
    delivered: 'delivered',
    bounced: 'bounced',
    complained: 'marked as spam',
    failed: 'failed',
  },
  emailKinds: {
    request: 'token',
    reminder: 'reminder',
    done: 'done',
    refused: 'refused',
    expired: 'expired',
    aborted: 'cancelled',
    error: 'failed',
  },
  request: {
    title: (id) => `Request ${id}`,
    back: 'Back to the support console',
    summary: 'Summary',
    from: 'Outgoing contact',
    to: 'Incoming contact',
    asker: 'Asked by',
    expires: 'Expires',
    ended: 'Ended',
    decision: { accepted: 'accepted', refused: 'refused', awaiting: 'not decided yet' },
    temporal: 'Open its workflow in the Temporal Web UI',
    unknownError: 'unknown error',
    failing: {
      heading: 'A step keeps failing',
      text: (step, error) => `${step}: ${error ?? 'unknown error'}`,
      since: 'Failing since',
    },
  },
  emails: {
    heading: 'Emails',
    none: 'No email yet.',
    to: 'To',
    kind: 'Kind',
    sending: 'Sending',
    status: 'Status',
    attempts: 'Attempts',
    error: 'Error',
    at: 'Last change',
  },
  timeline: {
    heading: 'Timeline',
    at: 'When',
    what: 'What',
    who: 'Who',
    detail: 'Details',
    reason: 'Reason',
    events: {
      created: 'Asked',
      state: 'State',
      emailSent: 'Email sent',
      emailFailed: 'Email failed',
      emailDelivered: 'Email delivered',
      emailBounced: 'Email bounced',
      emailComplained: 'Email marked as spam',
      accepted: 'Accepted',
      refused: 'Refused',
      resent: 'Emails sent again',
      extended: 'Expiry extended',
      tokensLocked: 'Tokens locked',
    },
  },
  actions: {
    heading: 'Actions',
    ended: 'This request has ended; there is nothing more to do.',
    reason: 'Reason',
    reasonHint: 'Required. Shown on the timeline.',
    resend: {
      heading: 'Resend the emails',
      hint: 'New tokens go to the contacts who have not decided; older tokens stop working.',
      submit: 'Resend the emails',
      done: 'The emails were sent again.',
    },
    extend: {
      heading: 'Extend the expiry',
      hint: 'The contacts get more time to decide; their emails and tokens stay valid.',
      limit: 'At most 30 days from now.',
      label: 'New expiry',
      utc: '(UTC)',
      local: '(your time)',
      current: 'Current expiry:',
      submit: 'Extend the expiry',
      done: 'The expiry was extended.',
    },
    cancel: {
      heading: 'Cancel the request',
      hint: 'Nothing changes on the service; both contacts and the asker are told.',
      submit: 'Cancel the request',
      done: 'The request was cancelled.',
    },
  },
  errors: {
    reasonRequired: 'Write why you do this.',
    reasonTooLong: 'Keep the reason under 1000 characters.',
    invalidDate: 'Enter a date and a time.',
    past: 'The new expiry must be in the future.',
    notLater: 'The new expiry must be later than the current one.',
    tooLate: 'The new expiry may be at most 30 days from now.',
    notPending: 'This request is no longer waiting for its contacts.',
    tooSoon: 'The emails were sent moments ago; try again in a minute.',
    invalid: 'This cannot be done now.',
  },
};

const fr: SupportCopy = {
  title: 'Support',
  stuck: {
    heading: 'Demandes bloquées',
    intro: (h) =>
      `Demandes en cours qui ont besoin de quelqu’un : en attente depuis plus de ${h}, un e-mail en échec, une étape qui échoue encore, ou des jetons verrouillés. Les plus anciennes d’abord.`,
    none: 'Aucune demande n’est bloquée.',
    why: 'Pourquoi',
    since: 'Depuis',
  },
  search: {
    heading: 'Trouver une demande',
    label: 'Nom du service, identifiant client ou numéro de demande',
    hint: 'Toute demande, en cours ou terminée.',
    submit: 'Rechercher',
    results: (q) => `Demandes correspondant à « ${q} »`,
    none: (q) => `Aucune demande ne correspond à « ${q} ».`,
    more: (n) => `Seules les ${n} plus récentes sont affichées ; précisez la recherche.`,
  },
  columns: {
    request: 'Demande',
    service: 'Service',
    roles: 'Rôles',
    contacts: 'De → à',
    state: 'État',
    created: 'Créée',
  },
  reasons: {
    pendingTooLong: (h) => `En attente depuis plus de ${h}`,
    emailFailed: (to, status, error) => `L’e-mail au ${to} : ${status}${error ? ` (${error})` : ''}`,
    stepFailing: (step, error) => `L’étape ${step} échoue encore${error ? ` : ${error}` : ''}`,
    tokensLocked: (n) => `${n} jetons erronés essayés ; renvoyer les e-mails les déverrouille`,
  },
  states: {
    todo: 'Nouvelle',
    checkValidity: 'En vérification',
    validatingByCustomers: 'En attente des contacts',
    doing: 'En cours d’application',
    done: 'Effectuée',
    refused: 'Refusée',
    aborted: 'Annulée',
    expired: 'Expirée',
    error: 'En échec',
  },
  roles: { admin: 'administratif', tech: 'technique', billing: 'facturation' },
  recipients: { from: 'contact sortant', to: 'contact entrant', asker: 'demandeur' },
  emailStatus: {
    sending: 'en cours d’envoi',
    sent: 'envoyé',
    delivered: 'délivré',
    bounced: 'rejeté par le destinataire',
    complained: 'signalé comme spam',
    failed: 'en échec',
  },
  emailKinds: {
    request: 'jeton',
    reminder: 'relance',
    done: 'effectuée',
    refused: 'refusée',
    expired: 'expirée',
    aborted: 'annulée',
    error: 'en échec',
  },
  request: {
    title: (id) => `Demande ${id}`,
    back: 'Retour à la console support',
    summary: 'Résumé',
    from: 'Contact sortant',
    to: 'Contact entrant',
    asker: 'Demandée par',
    expires: 'Expire le',
    ended: 'Terminée le',
    decision: { accepted: 'a accepté', refused: 'a refusé', awaiting: 'n’a pas encore décidé' },
    temporal: 'Ouvrir son workflow dans Temporal Web UI',
    unknownError: 'erreur inconnue',
    failing: {
      heading: 'Une étape échoue encore',
      text: (step, error) => `${step} : ${error ?? 'erreur inconnue'}`,
      since: 'En échec depuis',
    },
  },
  emails: {
    heading: 'E-mails',
    none: 'Aucun e-mail pour l’instant.',
    to: 'À',
    kind: 'Type',
    sending: 'Envoi',
    status: 'Statut',
    attempts: 'Tentatives',
    error: 'Erreur',
    at: 'Dernier changement',
  },
  timeline: {
    heading: 'Historique',
    at: 'Quand',
    what: 'Quoi',
    who: 'Qui',
    detail: 'Détails',
    reason: 'Motif',
    events: {
      created: 'Demandée',
      state: 'État',
      emailSent: 'E-mail envoyé',
      emailFailed: 'E-mail en échec',
      emailDelivered: 'E-mail délivré',
      emailBounced: 'E-mail rejeté',
      emailComplained: 'E-mail signalé comme spam',
      accepted: 'Acceptée',
      refused: 'Refusée',
      resent: 'E-mails renvoyés',
      extended: 'Expiration repoussée',
      tokensLocked: 'Jetons verrouillés',
    },
  },
  actions: {
    heading: 'Actions',
    ended: 'Cette demande est terminée ; il n’y a plus rien à faire.',
    reason: 'Motif',
    reasonHint: 'Obligatoire. Affiché dans l’historique.',
    resend: {
      heading: 'Renvoyer les e-mails',
      hint: 'De nouveaux jetons partent aux contacts qui n’ont pas décidé ; les anciens ne fonctionnent plus.',
      submit: 'Renvoyer les e-mails',
      done: 'Les e-mails ont été renvoyés.',
    },
    extend: {
      heading: 'Repousser l’expiration',
      hint: 'Les contacts ont plus de temps pour décider ; leurs e-mails et jetons restent valables.',
      limit: 'Au plus 30 jours à partir de maintenant.',
      label: 'Nouvelle expiration',
      utc: '(UTC)',
      local: '(votre heure)',
      current: 'Expiration actuelle :',
      submit: 'Repousser l’expiration',
      done: 'L’expiration a été repoussée.',
    },
    cancel: {
      heading: 'Annuler la demande',
      hint: 'Rien ne change sur le service ; les deux contacts et le demandeur sont prévenus.',
      submit: 'Annuler la demande',
      done: 'La demande a été annulée.',
    },
  },
  errors: {
    reasonRequired: 'Indiquez pourquoi vous le faites.',
    reasonTooLong: 'Le motif doit faire moins de 1000 caractères.',
    invalidDate: 'Indiquez une date et une heure.',
    past: 'La nouvelle expiration doit être dans le futur.',
    notLater: 'La nouvelle expiration doit être postérieure à l’actuelle.',
    tooLate: 'La nouvelle expiration peut être au plus dans 30 jours.',
    notPending: 'Cette demande n’attend plus ses contacts.',
    tooSoon: 'Les e-mails viennent d’être envoyés ; réessayez dans une minute.',
    invalid: 'Ce n’est pas possible maintenant.',
  },
};

const nl: SupportCopy = {
  title: 'Support',
  stuck: {
    heading: 'Vastgelopen verzoeken',
    intro: (h) =>
      `Lopende verzoeken die iemand nodig hebben: langer dan ${h} open, een mislukte e-mail, een stap die blijft mislukken of geblokkeerde tokens. Oudste eerst.`,
    none: 'Geen enkel verzoek zit vast.',
    why: 'Waarom',
    since: 'Sinds',
  },
  search: {
    heading: 'Een verzoek zoeken',
    label: 'Dienstnaam, handle of verzoeknummer',
    hint: 'Elk verzoek, lopend of afgesloten.',
    submit: 'Zoeken',
    results: (q) => `Verzoeken voor „${q}”`,
    none: (q) => `Geen verzoek gevonden voor „${q}”.`,
    more: (n) => `Alleen de ${n} recentste worden getoond; verfijn de zoekopdracht.`,
  },
  columns: {
    request: 'Verzoek',
    service: 'Dienst',
    roles: 'Rollen',
    contacts: 'Van → naar',
    state: 'Status',
    created: 'Aangemaakt',
  },
  reasons: {
    pendingTooLong: (h) => `Langer dan ${h} open`,
    emailFailed: (to, status, error) => `De e-mail aan de ${to}: ${status}${error ? ` (${error})` : ''}`,
    stepFailing: (step, error) => `De stap ${step} blijft mislukken${error ? `: ${error}` : ''}`,
    tokensLocked: (n) => `${n} verkeerde tokens geprobeerd; de e-mails opnieuw sturen heft de blokkade op`,
  },
  states: {
    todo: 'Nieuw',
    checkValidity: 'Wordt gecontroleerd',
    validatingByCustomers: 'Wacht op de contacten',
    doing: 'Wordt doorgevoerd',
    done: 'Doorgevoerd',
    refused: 'Geweigerd',
    aborted: 'Geannuleerd',
    expired: 'Verlopen',
    error: 'Mislukt',
  },
  roles: { admin: 'administratief', tech: 'technisch', billing: 'facturatie' },
  recipients: { from: 'vertrekkende contact', to: 'nieuwe contact', asker: 'aanvrager' },
  emailStatus: {
    sending: 'wordt verstuurd',
    sent: 'verstuurd',
    delivered: 'afgeleverd',
    bounced: 'teruggestuurd',
    complained: 'als spam gemeld',
    failed: 'mislukt',
  },
  emailKinds: {
    request: 'token',
    reminder: 'herinnering',
    done: 'doorgevoerd',
    refused: 'geweigerd',
    expired: 'verlopen',
    aborted: 'geannuleerd',
    error: 'mislukt',
  },
  request: {
    title: (id) => `Verzoek ${id}`,
    back: 'Terug naar de supportconsole',
    summary: 'Overzicht',
    from: 'Vertrekkende contact',
    to: 'Nieuwe contact',
    asker: 'Aangevraagd door',
    expires: 'Verloopt',
    ended: 'Afgesloten',
    decision: { accepted: 'akkoord', refused: 'geweigerd', awaiting: 'nog niet beslist' },
    temporal: 'De workflow openen in de Temporal Web UI',
    unknownError: 'onbekende fout',
    failing: {
      heading: 'Een stap blijft mislukken',
      text: (step, error) => `${step}: ${error ?? 'onbekende fout'}`,
      since: 'Mislukt sinds',
    },
  },
  emails: {
    heading: 'E-mails',
    none: 'Nog geen e-mail.',
    to: 'Aan',
    kind: 'Soort',
    sending: 'Verzending',
    status: 'Status',
    attempts: 'Pogingen',
    error: 'Fout',
    at: 'Laatste wijziging',
  },
  timeline: {
    heading: 'Tijdlijn',
    at: 'Wanneer',
    what: 'Wat',
    who: 'Wie',
    detail: 'Details',
    reason: 'Reden',
    events: {
      created: 'Aangevraagd',
      state: 'Status',
      emailSent: 'E-mail verstuurd',
      emailFailed: 'E-mail mislukt',
      emailDelivered: 'E-mail afgeleverd',
      emailBounced: 'E-mail teruggestuurd',
      emailComplained: 'E-mail als spam gemeld',
      accepted: 'Akkoord',
      refused: 'Geweigerd',
      resent: 'E-mails opnieuw verstuurd',
      extended: 'Vervaldatum verschoven',
      tokensLocked: 'Tokens geblokkeerd',
    },
  },
  actions: {
    heading: 'Acties',
    ended: 'Dit verzoek is afgesloten; er valt niets meer te doen.',
    reason: 'Reden',
    reasonHint: 'Verplicht. Staat in de tijdlijn.',
    resend: {
      heading: 'De e-mails opnieuw sturen',
      hint: 'De contacten die nog niet beslist hebben krijgen nieuwe tokens; oudere tokens werken niet meer.',
      submit: 'De e-mails opnieuw sturen',
      done: 'De e-mails zijn opnieuw verstuurd.',
    },
    extend: {
      heading: 'De vervaldatum verschuiven',
      hint: 'De contacten krijgen meer tijd om te beslissen; hun e-mails en tokens blijven geldig.',
      limit: 'Hoogstens 30 dagen vanaf nu.',
      label: 'Nieuwe vervaldatum',
      utc: '(UTC)',
      local: '(uw tijd)',
      current: 'Huidige vervaldatum:',
      submit: 'De vervaldatum verschuiven',
      done: 'De vervaldatum is verschoven.',
    },
    cancel: {
      heading: 'Het verzoek annuleren',
      hint: 'Er verandert niets aan de dienst; beide contacten en de aanvrager worden ingelicht.',
      submit: 'Het verzoek annuleren',
      done: 'Het verzoek is geannuleerd.',
    },
  },
  errors: {
    reasonRequired: 'Schrijf waarom u dit doet.',
    reasonTooLong: 'Houd de reden onder 1000 tekens.',
    invalidDate: 'Vul een datum en een tijd in.',
    past: 'De nieuwe vervaldatum moet in de toekomst liggen.',
    notLater: 'De nieuwe vervaldatum moet later zijn dan de huidige.',
    tooLate: 'De nieuwe vervaldatum mag hoogstens 30 dagen vanaf nu liggen.',
    notPending: 'Dit verzoek wacht niet meer op zijn contacten.',
    tooSoon: 'De e-mails zijn net verstuurd; probeer het over een minuut opnieuw.',
    invalid: 'Dit kan nu niet.',
  },
};

export const SUPPORT: Record<Language, SupportCopy> = { en, fr, nl };
