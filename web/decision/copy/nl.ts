import type { DecisionCopy } from './index.js';

export const nl: DecisionCopy = {
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
  youAre: {
    from: 'U bent het vertrekkende contact: u draagt deze rollen over.',
    to: 'U bent het nieuwe contact: u neemt deze rollen over.',
  },
  decided: (decision, at) => `U hebt op ${at} ${decision === 'accepted' ? 'geaccepteerd' : 'geweigerd'}.`,
  nothingToDo: 'U hoeft verder niets te doen.',
  ended: {
    done: (at) => `Dit verzoek is afgerond: de wijziging is doorgevoerd op ${at}.`,
    refused: (at) => `Dit verzoek is geweigerd op ${at}; er is niets gewijzigd.`,
    aborted: (at) => `Dit verzoek is geannuleerd op ${at}; er is niets gewijzigd.`,
    expired: (at) => `Dit verzoek is verlopen op ${at} zonder beide beslissingen; er is niets gewijzigd.`,
    error: (at) => `Dit verzoek is mislukt op ${at}; er is niets gewijzigd.`,
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
    tooManyWrongCodes: (minutes) =>
      `Te veel verkeerde codes vanaf uw verbinding voor dit verzoek. Wacht ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} en plak dan opnieuw de code uit uw e-mail.`,
    missingToken: 'Plak de code uit uw e-mail en kies daarna Accepteren of Weigeren.',
    notFound: 'Dit verzoek tot contactwijziging bestaat niet. Controleer de link in uw e-mail.',
    unavailable:
      'De dienst is even niet beschikbaar. Probeer het zo opnieuw; de pagina laat dan zien of uw beslissing is vastgelegd.',
  },
};
