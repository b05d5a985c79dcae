import type { PasswordCopy } from './index.js';

export const nl: PasswordCopy = {
  forgotLink: 'Wachtwoord vergeten?',
  forgot: {
    title: 'Wachtwoord vergeten?',
    intro:
      'Vul uw klanthandle of het e-mailadres van uw account in: we sturen u een link om een nieuw wachtwoord te kiezen.',
    login: 'Klanthandle of e-mailadres',
    loginHint: 'Bijvoorbeeld ab1234-cs of naam@voorbeeld.nl.',
    required: 'Vul uw klanthandle of uw e-mailadres in.',
    submit: 'Stuur mij een link',
    sentTitle: 'Bekijk uw e-mail',
    sent: 'Als er een account bij uw invoer hoort, hebben we een link naar het e-mailadres ervan gestuurd. De link werkt één keer en een uur lang. Komt er niets aan? Kijk dan in uw spammap en probeer het opnieuw.',
    back: 'Terug naar inloggen',
  },
  reset: {
    title: 'Kies een nieuw wachtwoord',
    intro:
      'Kies het nieuwe wachtwoord van uw account. Alle sessies van het account worden uitgelogd; daarna logt u in met het nieuwe wachtwoord.',
    password: 'Nieuw wachtwoord',
    confirm: 'Typ het nieuwe wachtwoord nog eens',
    submit: 'Mijn wachtwoord wijzigen',
    invalid:
      'Deze link werkt niet meer: hij is al gebruikt, een andere link voor dit account is gebruikt, of hij is verlopen (een link werkt een uur). Vraag een nieuwe aan.',
    incomplete:
      'Deze link is onvolledig. Open de link uit de e-mail opnieuw, helemaal; lukt het dan nog niet, vraag een nieuwe aan.',
    doneTitle: 'Uw wachtwoord is gewijzigd',
    done: 'Alle sessies van uw account zijn uitgelogd. Log in met uw nieuwe wachtwoord.',
    signIn: 'Inloggen',
  },
  weak: 'Dit wachtwoord is te makkelijk te raden.',
};
