import type { Language } from '../../domain/contact-change.js';

export interface MailboxCopy {
  title: string;
  intro: string;
  sent: string;
  to: string;
  from: string;
  subject: string;
  empty: string;
  back: string;
  htmlVersion: string;
  missing: string;
}

export const MAILBOX: Record<Language, MailboxCopy> = {
  en: {
    title: 'Development mailbox',
    intro: 'No email provider is configured (RESEND_API_KEY is unset), so the emails land here instead, newest first.',
    sent: 'Sent',
    to: 'To',
    from: 'From',
    subject: 'Subject',
    empty: 'No email yet. Start a contact change and its emails appear here.',
    back: 'Back to the mailbox',
    htmlVersion: 'HTML version',
    missing: 'There is no such email.',
  },
  fr: {
    title: 'Boîte de test',
    intro:
      'Aucun fournisseur d’e-mail n’est configuré (RESEND_API_KEY n’est pas défini) : les e-mails arrivent ici, du plus récent au plus ancien.',
    sent: 'Envoyé',
    to: 'À',
    from: 'De',
    subject: 'Objet',
    empty: 'Aucun e-mail pour l’instant. Lancez un changement de contact et ses e-mails apparaîtront ici.',
    back: 'Retour à la boîte',
    htmlVersion: 'Version HTML',
    missing: 'Cet e-mail n’existe pas.',
  },
  nl: {
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
  },
};
