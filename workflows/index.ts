export { contactChange } from './contact-change.js';
export { invitationEmail } from './invitation.js';
export { accountEmail } from './account-email.js';
export { webhookDelivery } from './webhook-delivery.js';
