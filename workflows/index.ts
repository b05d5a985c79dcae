export { contactChange, contactChangeV2 } from './contact-change.js';
export { invitationEmail } from './invitation.js';
