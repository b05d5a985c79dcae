import type { SessionsCopy } from './index.js';

export const en: SessionsCopy = {
  title: 'My sessions',
  intro: (idle, max) =>
    `Where you are signed in to Countersign right now. A session ends after ${idle} without use, and ${max} after signing in at the latest. If you do not recognise one, sign it out and change your password.`,
  link: 'See where you are signed in, and sign out elsewhere',
  caption: 'Your sessions, most recently used first',
  columns: {
    browser: 'Browser',
    ip: 'Address',
    signedIn: 'Signed in',
    lastActive: 'Last active',
    action: 'Action',
  },
  thisOne: 'This browser',
  agent: (browser, system) =>
    browser && system
      ? `${browser} on ${system}`
      : (browser ?? (system ? `A browser on ${system}` : 'Unknown browser')),
  unknownIp: 'Unknown',
  signOut: 'Sign out',
  signOutLabel: (session) => `Sign out ${session}`,
  signOutOthers: 'Sign out everywhere else',
  othersHint: 'Every other session ends at once; this browser stays signed in.',
  alone: 'You are signed in on this browser only.',
  done: { ended: 'That session is signed out.', others: 'Every other session is signed out.' },
  signIn: {
    throttled: (wait) =>
      `Too many wrong passwords were tried for this handle. Wait ${wait} before trying again; a password tried sooner is not even checked.`,
    crossSite:
      'This form was sent from another website, so it was refused: a site may be trying to sign you in to an account that is not yours. Open the Countersign page yourself and send the form from there.',
  },
};
