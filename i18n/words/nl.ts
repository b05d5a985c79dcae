import type { Words } from './index.js';

export const nl: Words = {
  roles: { admin: 'administratief contact', tech: 'technisch contact', billing: 'facturatiecontact' },
  kinds: {
    domain: { label: 'Domeinnaam', phrase: 'de domeinnaam' },
    hosting: { label: 'Hostingpakket', phrase: 'het hostingpakket' },
    server: { label: 'Server', phrase: 'de server' },
    vps: { label: 'VPS', phrase: 'de VPS' },
    email: { label: 'E-maildienst', phrase: 'de e-maildienst' },
    service: { label: 'Dienst', phrase: 'de dienst' },
  },
  reference: 'Referentie',
  cancelReasons: {
    addressChanged:
      'Het e-mailadres van een van de contacten is gewijzigd: de codes die naar het vorige adres zijn gestuurd, kunnen niet meer worden gebruikt.',
    changedByProvider:
      'De provider heeft de contactpersonen van deze dienst in zijn eigen systemen gewijzigd of de dienst verwijderd: dit verzoek is niet meer van toepassing.',
  },
};
