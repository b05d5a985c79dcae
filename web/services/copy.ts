import type { Language } from '../../domain/contact-change.js';

export interface ServicesCopy {
  and: string;
  errorLabel: string;
  list: {
    title: string;
    intro: string;
    empty: string;
    kind: string;
    holder: string;
    you: string;
    pending: string;
    none: string;
    pendingLink: (roles: string) => string;
    change: string;
  };
  change: {
    title: string;
    intro: string;
    roles: string;
    rolesHint: string;
    ownOnly: string;
    now: string;
    busy: string;
    seeRequest: string;
    allBusy: string;
    to: string;
    toHint: string;
    next: string;
    back: string;
    summary: string;
    found: (who: string) => string;
  };
  preview: {
    title: string;
    intro: string;
    service: string;
    roles: string;
    from: string;
    to: string;
    approvers: string;
    outgoing: string;
    incoming: string;
    until: string;
    moves: (roles: string, plural: boolean, from: string, to: string) => string;
    lapse: string;
    confirm: string;
    back: string;
  };
  problems: {
    needRole: string;
    needHandle: string;
    unknown: (handle: string) => string;
    inactive: (handle: string) => string;
    same: (handle: string) => string;
    different: string;
    busy: string;
    forbidden: string;
    notFound: string;
    unavailable: string;
  };
}

const en: ServicesCopy = {
  and: 'and',
  errorLabel: 'Error:',
  list: {
    title: 'My services',
    intro: 'The services you hold or are a contact of, with their contacts.',
    empty: 'You hold no service and are a contact of none.',
    kind: 'Kind',
    holder: 'Holder',
    you: 'you',
    pending: 'Pending requests',
    none: 'None',
    pendingLink: (roles) => `Change of ${roles} in progress`,
    change: 'Change contacts',
  },
  change: {
    title: 'Change contacts',
    intro:
      'Hand one or more roles of this service to another account. Nothing changes until the outgoing and the incoming contact have both accepted.',
    roles: 'Roles to hand over',
    rolesHint: 'Choose one or more roles.',
    ownOnly: 'As a technical or billing contact, you may hand over only your own role.',
    now: 'now',
    busy: 'Not available: a pending request already moves this role.',
    seeRequest: 'See that request',
    allBusy: 'Every role you may hand over is already being changed. Wait for those requests to end.',
    to: 'Handle of the new contact',
    toHint: 'The customer handle of the account that takes the roles, for example ab1234-cs.',
    next: 'Continue',
    back: 'Back to my services',
    summary: 'Please correct the following:',
    found: (who) => `Found: ${who}.`,
  },
  preview: {
    title: 'Check and confirm',
    intro: 'Nothing has been sent yet. Check the request, then confirm.',
    service: 'Service',
    roles: 'Roles',
    from: 'Outgoing contact',
    to: 'Incoming contact',
    approvers: 'Must approve',
    outgoing: 'outgoing contact',
    incoming: 'incoming contact',
    until: 'Until',
    moves: (roles, plural, from, to) =>
      `Once both have accepted, the ${roles} ${plural ? 'roles' : 'role'} will move from ${from} to ${to}.`,
    lapse:
      'Each of them receives an email with a personal link. If either refuses, or does not answer in time, the request ends and nothing changes.',
    confirm: 'Confirm and send the emails',
    back: 'Back',
  },
  problems: {
    needRole: 'Choose at least one role.',
    needHandle: 'Enter the handle of the new contact.',
    unknown: (handle) => `There is no account with the handle ${handle}. Check the spelling.`,
    inactive: (handle) => `The account ${handle} is deactivated and cannot take a role.`,
    same: (handle) => `${handle} already holds these roles; choose another contact.`,
    different: "These roles are held by different contacts; hand over each contact's roles in a separate request.",
    busy: 'A pending request already moves one of these roles; wait for it to end or cancel it.',
    forbidden: 'You may hand over only a role you hold yourself; the holder or the admin contact may change any role.',
    notFound: 'There is nothing here, or nothing you may see.',
    unavailable: 'The service is briefly unavailable; nothing was changed. Try again in a moment.',
  },
};

const fr: ServicesCopy = {
  and: 'et',
  errorLabel: 'Erreur :',
  list: {
    title: 'Mes services',
    intro: 'Les services dont vous êtes titulaire ou contact, avec leurs contacts.',
    empty: 'Vous n’êtes titulaire ni contact d’aucun service.',
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
    ownOnly: 'En tant que contact technique ou facturation, vous ne pouvez transmettre que votre propre rôle.',
    now: 'actuellement',
    busy: 'Indisponible : une demande en cours change déjà ce rôle.',
    seeRequest: 'Voir cette demande',
    allBusy:
      'Tous les rôles que vous pouvez transmettre sont déjà en cours de changement. Attendez la fin de ces demandes.',
    to: 'Identifiant du nouveau contact',
    toHint: 'L’identifiant client du compte qui reprend les rôles, par exemple ab1234-cs.',
    next: 'Continuer',
    back: 'Retour à mes services',
    summary: 'Veuillez corriger ce qui suit :',
    found: (who) => `Trouvé : ${who}.`,
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
      `Une fois les deux acceptations reçues, ${plural ? 'les rôles' : 'le rôle'} de ${roles} ${plural ? 'passeront' : 'passera'} de ${from} à ${to}.`,
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
    same: (handle) => `${handle} détient déjà ces rôles ; choisissez un autre contact.`,
    different:
      'Ces rôles sont détenus par des contacts différents ; transmettez les rôles de chaque contact dans une demande distincte.',
    busy: 'Une demande en cours change déjà l’un de ces rôles ; attendez qu’elle se termine ou annulez-la.',
    forbidden:
      'Vous ne pouvez transmettre qu’un rôle que vous détenez ; le titulaire ou le contact administrateur peut changer tous les rôles.',
    notFound: 'Il n’y a rien ici, ou rien que vous puissiez voir.',
    unavailable: 'Le service est momentanément indisponible ; rien n’a été changé. Réessayez dans un instant.',
  },
};

const nl: ServicesCopy = {
  and: 'en',
  errorLabel: 'Fout:',
  list: {
    title: 'Mijn diensten',
    intro: 'De diensten waarvan u houder of contact bent, met hun contacten.',
    empty: 'U bent van geen enkele dienst houder of contact.',
    kind: 'Soort',
    holder: 'Houder',
    you: 'u',
    pending: 'Lopende verzoeken',
    none: 'Geen',
    pendingLink: (roles) => `Wijziging van ${roles} loopt`,
    change: 'Contacten wijzigen',
  },
  change: {
    title: 'Contacten wijzigen',
    intro:
      'Draag een of meer rollen van deze dienst over aan een ander account. Er verandert niets voordat het vertrekkende en het nieuwe contact allebei hebben geaccepteerd.',
    roles: 'Over te dragen rollen',
    rolesHint: 'Kies een of meer rollen.',
    ownOnly: 'Als technisch of facturatiecontact mag u alleen uw eigen rol overdragen.',
    now: 'nu',
    busy: 'Niet beschikbaar: een lopend verzoek wijzigt deze rol al.',
    seeRequest: 'Bekijk dat verzoek',
    allBusy: 'Alle rollen die u mag overdragen worden al gewijzigd. Wacht tot die verzoeken zijn afgelopen.',
    to: 'Handle van het nieuwe contact',
    toHint: 'De klanthandle van het account dat de rollen overneemt, bijvoorbeeld ab1234-cs.',
    next: 'Doorgaan',
    back: 'Terug naar mijn diensten',
    summary: 'Verbeter het volgende:',
    found: (who) => `Gevonden: ${who}.`,
  },
  preview: {
    title: 'Controleren en bevestigen',
    intro: 'Er is nog niets verstuurd. Controleer het verzoek en bevestig het daarna.',
    service: 'Dienst',
    roles: 'Rollen',
    from: 'Vertrekkend contact',
    to: 'Nieuw contact',
    approvers: 'Moeten accepteren',
    outgoing: 'vertrekkend contact',
    incoming: 'nieuw contact',
    until: 'Tot',
    moves: (roles, plural, from, to) =>
      `Zodra beiden hebben geaccepteerd, ${plural ? 'gaan de rollen' : 'gaat de rol'} ${roles} over van ${from} naar ${to}.`,
    lapse:
      'Elk van hen krijgt een e-mail met een persoonlijke link. Als een van beiden weigert, of niet op tijd antwoordt, eindigt het verzoek en verandert er niets.',
    confirm: 'Bevestigen en e-mails versturen',
    back: 'Terug',
  },
  problems: {
    needRole: 'Kies ten minste één rol.',
    needHandle: 'Vul de handle van het nieuwe contact in.',
    unknown: (handle) => `Er is geen account met de handle ${handle}. Controleer de spelling.`,
    inactive: (handle) => `Het account ${handle} is gedeactiveerd en kan geen rol overnemen.`,
    same: (handle) => `${handle} heeft deze rollen al; kies een ander contact.`,
    different:
      'Deze rollen zijn van verschillende contacten; draag de rollen van elk contact over in een apart verzoek.',
    busy: 'Een lopend verzoek wijzigt al een van deze rollen; wacht tot het afloopt of annuleer het.',
    forbidden:
      'U mag alleen een rol overdragen die u zelf hebt; de houder of het administratief contact mag elke rol wijzigen.',
    notFound: 'Hier staat niets, of niets dat u mag zien.',
    unavailable: 'De dienst is even niet beschikbaar; er is niets gewijzigd. Probeer het zo opnieuw.',
  },
};

export const SERVICES: Record<Language, ServicesCopy> = { en, fr, nl };
