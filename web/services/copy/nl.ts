import type { ServicesCopy } from './index.js';

export const nl: ServicesCopy = {
  errorLabel: 'Fout:',
  list: {
    title: 'Mijn diensten',
    intro: 'De diensten waarvan u houder of contact bent, met hun contacten.',
    empty: 'U bent van geen enkele dienst houder of contact.',
    subAccount: {
      intro:
        'De diensten van dit klantenpaneel die u met uw rechten mag zien, en die waarvan u zelf contact bent, met hun contacten.',
      empty: 'Uw rechten tonen u geen enkele dienst van dit klantenpaneel, en u bent van geen enkele dienst contact.',
    },
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
    toHintContacts:
      'Kies een van uw contacten uit de lijst, of typ de klanthandle van een willekeurig account, bijvoorbeeld ab1234-cs.',
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
