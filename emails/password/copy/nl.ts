import type { PasswordEmailsCopy } from './index.js';

export const nl: PasswordEmailsCopy = {
  reset: {
    subject: 'Kies een nieuw wachtwoord voor uw Countersign-account',
    body: (r) => [
      `Iemand, waarschijnlijk u, heeft gevraagd het wachtwoord van het account ${r.handle} opnieuw in te stellen.`,
      `Open deze pagina om een nieuw wachtwoord te kiezen. De link werkt één keer en tot ${r.expires}. Zodra het wachtwoord is gewijzigd, worden alle sessies van het account uitgelogd.`,
    ],
    button: 'Nieuw wachtwoord kiezen',
    fallback: 'Werkt de knop niet? Kopieer deze link naar uw browser:',
    note: 'Hebt u hier niet om gevraagd? Negeer dan deze e-mail: uw wachtwoord blijft ongewijzigd.',
  },
};
