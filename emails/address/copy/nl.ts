import type { AddressEmailsCopy } from './index.js';

export const nl: AddressEmailsCopy = {
  whose: (w) =>
    w.kind === 'account'
      ? `uw account ${w.name} (${w.handle})`
      : w.kind === 'subAccount'
        ? `uw subaccount ${w.handle} in het klantenpaneel van ${w.keeper}`
        : `uw contactkaart ${w.handle} in het adresboek van ${w.keeper}`,
  confirm: {
    subject: 'Bevestig uw nieuwe e-mailadres',
    body: (c) => [
      `${c.by ? `${c.by} heeft gevraagd` : 'U hebt gevraagd'} om ${c.newEmail} het e-mailadres te maken van ${c.whose}, in plaats van ${c.oldEmail}.`,
      `Open de link hieronder om te bevestigen dat dit adres van u is. Hij werkt één keer, tot ${c.expires}. Tot dan gaan alle e-mails, ook de codes die contactwijzigingen goedkeuren, nog naar ${c.oldEmail}.`,
    ],
    button: 'Dit adres bevestigen',
    note: 'Verwachtte u deze e-mail niet? Negeer hem dan: zonder u verandert er niets.',
  },
  notice: {
    subject: 'Uw e-mailadres wordt gewijzigd',
    body: (c) => [
      `Op ${c.at} heeft ${c.by ?? 'iemand die op uw account is ingelogd'} gevraagd om het e-mailadres van ${c.whose} te wijzigen van ${c.oldEmail} naar ${c.newEmail}.`,
      `Er is nog niets veranderd: het adres verandert pas wanneer de link naar ${c.newEmail} binnen ${c.hours} uur wordt gevolgd.`,
      'Hebt u dit niet gevraagd? Annuleer de wijziging dan met de link hieronder. Die meldt ook elke sessie van het account af: wijzig daarna uw wachtwoord.',
    ],
    button: 'Wijziging annuleren en overal afmelden',
    note: 'Was u het zelf? Dan hoeft u niets te doen.',
  },
  changed: {
    subject: 'Uw e-mailadres is gewijzigd',
    body: (c) => [
      `Sinds ${c.at} is het e-mailadres van ${c.whose} ${c.newEmail}. Onze e-mails komen niet meer naar ${c.oldEmail}.`,
    ],
    ended:
      'Deze openstaande contactwijzigingen zijn beëindigd, omdat hun codes naar dit adres waren gestuurd en niet meer mogen worden gebruikt:',
    endedAfter:
      'Is een wijziging nog steeds gewenst? Dan kan vanuit het klantenpaneel een nieuwe aanvraag worden gedaan.',
    request: (r) => `${r.service} (${r.roles}), referentie ${r.id}`,
    note: 'Hebt u deze wijziging niet gevraagd? Neem dan meteen contact op met onze support.',
  },
};
