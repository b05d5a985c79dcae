import type { Words } from './index.js';

export const en: Words = {
  roles: { admin: 'administrative contact', tech: 'technical contact', billing: 'billing contact' },
  kinds: {
    domain: { label: 'Domain name', phrase: 'the domain name' },
    hosting: { label: 'Hosting plan', phrase: 'the hosting plan' },
    server: { label: 'Server', phrase: 'the server' },
    vps: { label: 'VPS', phrase: 'the VPS' },
    email: { label: 'Email service', phrase: 'the email service' },
    service: { label: 'Service', phrase: 'the service' },
  },
  reference: 'Reference',
  cancelReasons: {
    addressChanged:
      'The email address of one of the contacts changed: the codes sent to the former address can no longer be used.',
    changedByProvider:
      'The provider changed the contacts of this service, or removed it, in its own systems: this request no longer applies.',
  },
};
