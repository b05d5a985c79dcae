import type { SignInEmailsCopy } from './index.js';

export const nl: SignInEmailsCopy = {
  throttled: {
    subject: 'Er zijn foute wachtwoorden geprobeerd op uw account',
    body: (f) => [
      `Iemand heeft ${f.failures} keer na elkaar geprobeerd in te loggen op uw account ${f.handle} met een fout wachtwoord, de laatste keer op ${f.at}${f.ip ? ` vanaf het adres ${f.ip}` : ''}.`,
      `Om uw account te beschermen, moet u na elk volgend fout wachtwoord wat langer wachten voordat u kunt inloggen, tot ${f.maxWait}. Na het wachten werkt uw wachtwoord gewoon.`,
      'Was u het zelf? Wacht dan een paar minuten en probeer het opnieuw. Was u het niet? Dan kent of raadt iemand uw wachtwoord: wijzig het via uw profiel en gebruik het nergens anders.',
    ],
    button: 'Mijn wachtwoord wijzigen',
    fallback: 'Werkt de knop niet? Kopieer deze link in uw browser:',
    note: 'Niemand van Countersign zal u ooit om uw wachtwoord vragen, niet per e-mail en niet telefonisch.',
  },
};
