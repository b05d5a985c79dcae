import type { MailboxCopy } from './index.js';

export const nl: MailboxCopy = {
  title: 'Testmailbox',
  intro:
    'Er is geen e-mailprovider ingesteld (RESEND_API_KEY ontbreekt), dus de e-mails komen hier terecht, nieuwste eerst.',
  sent: 'Verzonden',
  to: 'Aan',
  from: 'Van',
  subject: 'Onderwerp',
  empty: 'Nog geen e-mail. Start een contactwijziging en de e-mails verschijnen hier.',
  back: 'Terug naar de mailbox',
  htmlVersion: 'HTML-versie',
  missing: 'Deze e-mail bestaat niet.',
};
