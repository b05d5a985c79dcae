import type { SessionsCopy } from './index.js';

export const nl: SessionsCopy = {
  title: 'Mijn sessies',
  intro: (idle, max) =>
    `Waar u op dit moment bij Countersign bent ingelogd. Een sessie stopt na ${idle} zonder gebruik, en uiterlijk ${max} na het inloggen. Herkent u er een niet? Log die dan uit en wijzig uw wachtwoord.`,
  link: 'Bekijk waar u bent ingelogd, en log elders uit',
  caption: 'Uw sessies, de laatst gebruikte eerst',
  columns: {
    browser: 'Browser',
    ip: 'Adres',
    signedIn: 'Ingelogd',
    lastActive: 'Laatst actief',
    action: 'Actie',
  },
  thisOne: 'Deze browser',
  agent: (browser, system) =>
    browser && system
      ? `${browser} op ${system}`
      : (browser ?? (system ? `Een browser op ${system}` : 'Onbekende browser')),
  unknownIp: 'Onbekend',
  signOut: 'Uitloggen',
  signOutLabel: (session) => `${session} uitloggen`,
  signOutOthers: 'Overal elders uitloggen',
  othersHint: 'Alle andere sessies stoppen meteen; deze browser blijft ingelogd.',
  alone: 'U bent alleen in deze browser ingelogd.',
  done: { ended: 'Die sessie is uitgelogd.', others: 'Alle andere sessies zijn uitgelogd.' },
  signIn: {
    throttled: (wait) =>
      `Er zijn te veel foute wachtwoorden geprobeerd voor deze handle. Wacht ${wait} voordat u het opnieuw probeert; een wachtwoord dat eerder wordt geprobeerd, wordt niet eens gecontroleerd.`,
    crossSite:
      'Dit formulier is vanaf een andere website verstuurd en daarom geweigerd: een website probeert u misschien in te loggen op een account dat niet van u is. Open zelf de pagina van Countersign en verstuur het formulier van daaruit.',
  },
};
