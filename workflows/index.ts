export { contactChange } from './contact-change.js';
