import type { PasswordCopy } from './index.js';

export const nl: PasswordCopy = {
  weak: 'Dit wachtwoord is te makkelijk te raden.',
};
