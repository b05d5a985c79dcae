import type { PasswordCopy } from './index.js';

export const en: PasswordCopy = {
  forgotLink: 'Forgot your password?',
  forgot: {
    title: 'Forgot your password?',
    intro:
      'Enter your customer handle or the email address of your account: we will send a link to choose a new password.',
    login: 'Customer handle or email address',
    loginHint: 'For example ab1234-cs or name@example.com.',
    required: 'Enter your customer handle or your email address.',
    submit: 'Send me a link',
    sentTitle: 'Check your email',
    sent: 'If an account matches what you entered, we have sent a link to its email address. The link works once and for one hour. If nothing arrives, check your spam folder, then try again.',
    back: 'Back to sign in',
  },
  reset: {
    title: 'Choose a new password',
    intro:
      'Choose the new password of your account. Every session of the account will be signed out; you then sign in with the new password.',
    password: 'New password',
    confirm: 'Type the new password again',
    submit: 'Change my password',
    invalid:
      'This link no longer works: it was already used, another link for this account was used, or it expired (a link works for one hour). Ask for a new one.',
    incomplete:
      'This link is incomplete. Open the link from the email again, whole; if it still fails, ask for a new one.',
    doneTitle: 'Your password has been changed',
    done: 'Every session of your account has been signed out. Sign in with your new password.',
    signIn: 'Sign in',
  },
  weak: 'This password is too easy to guess.',
};
