import type { GuardsEmailsCopy } from './index.js';

export const nl: GuardsEmailsCopy = {
  codesLocked: {
    subject: (f) => `Contactwijziging voor ${f.name}: codes geblokkeerd na te veel verkeerde pogingen`,
    body: (f) => [
      `Er zijn ${f.attempts} verkeerde codes geprobeerd voor uw verzoek tot contactwijziging voor ${f.name}. Ter bescherming zijn de codes nu geblokkeerd: geen van beide contacten kan er nog mee aanvaarden of weigeren.`,
      'Wilt u deze wijziging nog steeds, verstuur de e-mails dan opnieuw vanaf de pagina van het verzoek: beide contacten krijgen nieuwe codes en de oude werken niet meer. Wilt u ze niet meer, dan kunt u het verzoek daar annuleren.',
    ],
    button: 'Het verzoek openen',
    note: 'Er is niets aanvaard met een verkeerde code. Onze support ziet dit verzoek ook; neem contact op als het opnieuw gebeurt.',
  },
};
