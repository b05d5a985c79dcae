import type { MailboxCopy } from './index.js';

export const fr: MailboxCopy = {
  title: 'Boîte de test',
  intro:
    'Aucun fournisseur d’e-mail n’est configuré (RESEND_API_KEY n’est pas défini) : les e-mails arrivent ici, du plus récent au plus ancien.',
  sent: 'Envoyé',
  to: 'À',
  from: 'De',
  subject: 'Objet',
  empty: 'Aucun e-mail pour l’instant. Lancez un changement de contact et ses e-mails apparaîtront ici.',
  back: 'Retour à la boîte',
  htmlVersion: 'Version HTML',
  missing: 'Cet e-mail n’existe pas.',
};
