import type { PasswordCopy } from './index.js';

export const en: PasswordCopy = {
  weak: 'This password is too easy to guess.',
};
