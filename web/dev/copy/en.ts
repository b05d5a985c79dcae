import type { MailboxCopy } from './index.js';

export const en: MailboxCopy = {
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
};
