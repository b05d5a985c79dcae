import type { CommonCopy } from './index.js';

export const nl: CommonCopy = {
  languageName: 'Nederlands',
  noCountry: 'Geen land',
  colon: ': ',
  skip: 'Naar de inhoud',
  nav: {
    services: 'Mijn diensten',
    requests: 'Mijn verzoeken',
    contacts: 'Mijn contacten',
    profile: 'Profiel',
    support: 'Support',
    mailbox: 'Testmailbox',
    signOut: 'Uitloggen',
    signedInAs: 'Ingelogd als',
    language: 'Taal',
    actingIn: (keeper) => `U handelt in het klantenpaneel van ${keeper}.`,
  },
  signIn: {
    title: 'Inloggen',
    handle: 'Klanthandle',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    wrong: 'Deze handle en dit wachtwoord horen niet bij elkaar. Controleer beide en probeer het opnieuw.',
    tooMany: 'Te veel pogingen vanaf uw verbinding. Wacht een minuut en probeer het opnieuw.',
    intro: 'Log in met uw klanthandle (bijvoorbeeld ab1234-cs) en uw wachtwoord.',
    demo: 'Lokale demo: npm start toont de demo-inloggegevens.',
  },
  errors: {
    notFound: 'Hier staat niets, of niets dat u mag zien.',
    unavailable: 'De dienst is even niet beschikbaar. Probeer het zo opnieuw.',
    forbidden: 'Dit mag u niet doen.',
    csrf: 'Dit formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.',
    badRequest: 'Dit adres of formulier is niet geldig. Controleer het, of begin opnieuw vanaf de startpagina.',
  },
};
