import { html } from '../../shared/html.js';
import type { AddressCopy } from './index.js';

export const nl: AddressCopy = {
  field: {
    password: 'Uw wachtwoord, om het adres te wijzigen',
    passwordHint:
      'Alleen nodig om het e-mailadres te wijzigen. Het nieuwe adres wordt pas gebruikt nadat het is bevestigd via de link die we ernaartoe sturen; het huidige adres krijgt bericht.',
    holderOnly: 'Alleen de accounthouder kan dit adres wijzigen.',
    pending: (email, until) =>
      html`Wacht op bevestiging op <strong>${email}</strong>: we hebben er een link naartoe gestuurd, geldig tot ${until}. Tot dan blijft het adres hierboven in gebruik.`,
    withdraw: 'Deze wijziging intrekken',
    withdrawn: 'De adreswijziging is ingetrokken: de link werkt niet meer.',
  },
  incomplete:
    'Deze link is onvolledig. Open de link uit de e-mail opnieuw, volledig, in een browser met JavaScript aan.',
  unavailable: 'Dit kan nu niet, en er is niets gewijzigd. Probeer het zo meteen opnieuw.',
  confirm: {
    title: 'Het nieuwe e-mailadres bevestigen',
    intro:
      'Druk op de knop om dit adres in gebruik te nemen. Contactwijzigingen die nog op een beslissing van dit account wachten, worden beëindigd, omdat hun codes naar het vorige adres zijn gegaan.',
    button: 'Dit adres bevestigen',
    done: (email) => `Klaar: het e-mailadres is nu ${email}.`,
    ended: (count) =>
      count === 1
        ? 'Eén openstaande contactwijziging is beëindigd; het vorige adres heeft bericht gekregen.'
        : `${count} openstaande contactwijzigingen zijn beëindigd; het vorige adres heeft bericht gekregen.`,
    taken: 'Dit adres wordt in hetzelfde adresboek al door iemand anders gebruikt: het adres is niet gewijzigd.',
    invalid:
      'Deze link is niet meer geldig: hij is al gebruikt, vervangen door een nieuwere wijziging, ingetrokken of verlopen. Vraag de wijziging opnieuw aan als die nog gewenst is.',
  },
  cancel: {
    title: 'De adreswijziging annuleren',
    intro:
      'Druk op de knop om de adreswijziging te annuleren. Elke sessie van het account wordt afgemeld: meld u daarna opnieuw aan en wijzig uw wachtwoord.',
    button: 'Wijziging annuleren en overal afmelden',
    done: 'De adreswijziging is geannuleerd en elke sessie van het account is afgemeld. Meld u opnieuw aan en wijzig uw wachtwoord.',
    invalid:
      'Deze link is niet meer geldig: de wijziging is al bevestigd, geannuleerd of vervangen. Hebt u haar niet gevraagd? Neem dan contact op met support.',
  },
};
