import type { PasswordCopy } from './index.js';

export const fr: PasswordCopy = {
  weak: 'Ce mot de passe est trop facile à deviner.',
};
