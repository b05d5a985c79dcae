export { contactChange } from './contact-change.js';
export { invitationEmail } from './invitation.js';
