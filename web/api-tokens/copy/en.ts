import type { ApiTokensCopy } from './index.js';

export const en: ApiTokensCopy = {
  link: 'API tokens: let your own tools use the API on your behalf',
  title: 'My API tokens',
  intro:
    'An API token lets a program use the Countersign API as you. Give each program its own token, read-only when it only needs to read, and revoke a token as soon as it is no longer used.',
  back: 'Back to my profile',
  errorLabel: 'Error:',
  summary: 'Please correct the following:',
  list: {
    heading: 'Tokens in use',
    empty: 'You have no API token.',
    name: 'Name',
    scope: 'Access',
    created: 'Created',
    lastUsed: 'Last used',
    never: 'Never',
    actions: 'Actions',
    revoke: 'Revoke',
    revokeLabel: (name) => `Revoke the token “${name}”`,
  },
  scopes: {
    read: { label: 'Read only', hint: 'Can look things up, never change anything.' },
    full: { label: 'Full access', hint: 'Can do everything you can do through the API.' },
  },
  create: {
    heading: 'Create a token',
    name: 'Name',
    nameHint: 'What the token is for, for example the program that uses it.',
    scope: 'Access',
    submit: 'Create the token',
  },
  created: {
    heading: 'Your new token',
    notice: 'Copy this token now: it is shown only this once. We keep only a fingerprint of it.',
    label: 'Token',
    use: 'Send it in the Authorization header of each API request: Authorization: Bearer <token>.',
  },
  revoked: 'The token is revoked: it no longer works.',
  errors: {
    nameRequired: 'Name the token, for example after the program that uses it.',
    nameTooLong: (max) => `The name may be at most ${max} characters long.`,
    scope: 'Choose read only or full access.',
  },
};
