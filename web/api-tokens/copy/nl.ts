import type { ApiTokensCopy } from './index.js';

export const nl: ApiTokensCopy = {
  link: 'API-tokens: laat uw eigen programma’s de API namens u gebruiken',
  title: 'Mijn API-tokens',
  intro:
    'Met een API-token kan een programma de API van Countersign namens u gebruiken. Geef elk programma een eigen token, alleen-lezen als het alleen hoeft te lezen, en trek een token in zodra het niet meer gebruikt wordt.',
  back: 'Terug naar mijn profiel',
  errorLabel: 'Fout:',
  summary: 'Corrigeer het volgende:',
  list: {
    heading: 'Tokens in gebruik',
    empty: 'U hebt geen API-token.',
    name: 'Naam',
    scope: 'Toegang',
    created: 'Aangemaakt',
    lastUsed: 'Laatst gebruikt',
    never: 'Nooit',
    actions: 'Acties',
    revoke: 'Intrekken',
    revokeLabel: (name) => `Het token ‘${name}’ intrekken`,
  },
  scopes: {
    read: { label: 'Alleen lezen', hint: 'Kan gegevens opvragen, nooit iets wijzigen.' },
    full: { label: 'Volledige toegang', hint: 'Kan alles wat u via de API kunt doen.' },
  },
  create: {
    heading: 'Een token aanmaken',
    name: 'Naam',
    nameHint: 'Waarvoor het token dient, bijvoorbeeld het programma dat het gebruikt.',
    scope: 'Toegang',
    submit: 'Het token aanmaken',
  },
  created: {
    heading: 'Uw nieuwe token',
    notice: 'Kopieer dit token nu: het wordt alleen deze keer getoond. Wij bewaren er alleen een vingerafdruk van.',
    label: 'Token',
    use: 'Stuur het mee in de Authorization-header van elk API-verzoek: Authorization: Bearer <token>.',
  },
  revoked: 'Het token is ingetrokken: het werkt niet meer.',
  errors: {
    nameRequired: 'Geef het token een naam, bijvoorbeeld naar het programma dat het gebruikt.',
    nameTooLong: (max) => `De naam mag hoogstens ${max} tekens lang zijn.`,
    scope: 'Kies alleen lezen of volledige toegang.',
  },
};
