import type { CommonCopy } from './index.js';

export const en: CommonCopy = {
  languageName: 'English',
  noCountry: 'No country',
  colon: ': ',
  skip: 'Skip to content',
  nav: {
    services: 'My services',
    requests: 'My requests',
    contacts: 'My contacts',
    profile: 'Profile',
    support: 'Support',
    mailbox: 'Dev mailbox',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
    language: 'Language',
    actingIn: (keeper) => `You act in the customer area of ${keeper}.`,
  },
  signIn: {
    title: 'Sign in',
    handle: 'Customer handle',
    password: 'Password',
    submit: 'Sign in',
    wrong: 'This handle and password do not match. Check both and try again.',
    tooMany: 'Too many attempts from your connection. Wait a minute and try again.',
    intro: 'Sign in with your customer handle (for example ab1234-cs) and your password.',
    demo: 'Local demo: the demo logins are printed by npm start.',
  },
  errors: {
    notFound: 'There is nothing here, or nothing you may see.',
    unavailable: 'The service is briefly unavailable. Try again in a moment.',
    forbidden: 'You may not do this.',
    csrf: 'This form has expired. Reload the page and try again.',
    badRequest: 'This address or form is not valid. Check it, or start again from the home page.',
  },
};
