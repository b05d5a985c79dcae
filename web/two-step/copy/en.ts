import type { TwoStepCopy } from './index.js';

export const en: TwoStepCopy = {
  title: 'Two-step sign-in',
  profileLink: 'Two-step sign-in with an authenticator app',
  intro:
    'With two-step sign-in, your password is not enough: signing in also asks for the code your authenticator app shows (such as Aegis, FreeOTP, Google Authenticator or 1Password). Decision links in emails keep working without signing in.',
  mustEnrol: 'Support staff must turn on two-step sign-in before using Countersign. Set it up below to go on.',
  errorLabel: 'Error:',
  password: 'Password',
  wrongPassword: 'This password is not right.',
  code: 'Code',
  off: {
    status: 'Two-step sign-in is off.',
    start: 'Set up an authenticator app',
    disabled: 'Two-step sign-in is off. Your password alone signs you in.',
  },
  enrol: {
    heading: 'Add Countersign to your authenticator app',
    scan: 'Scan this QR code with the app, or type the key below into it. Then type the 6-digit code the app shows.',
    qr: 'QR code of the key for your authenticator app',
    key: 'Key',
    keyHint: 'Time-based, 6 digits, a new code every 30 seconds.',
    codeHint: 'The 6 digits the app shows now.',
    confirm: 'Turn on two-step sign-in',
    restart: 'Start again with a new key',
  },
  codes: {
    heading: 'Your recovery codes',
    enabled: 'Two-step sign-in is on. Your other sessions have been signed out.',
    renewed: 'You have new recovery codes. The old ones no longer work.',
    intro:
      'Keep these codes somewhere safe, away from your phone: print them or save them in your password manager. If you lose your app, each code signs you in once. They are shown only now.',
    list: 'Recovery codes',
    done: 'I have saved my recovery codes',
  },
  on: {
    status: 'Two-step sign-in is on.',
    since: 'Since',
    left: (count) =>
      count === 0
        ? 'You have no recovery codes left: get new ones now.'
        : count === 1
          ? '1 unused recovery code left.'
          : `${count} unused recovery codes left.`,
    renewHeading: 'New recovery codes',
    renewIntro: 'Ten new codes instead of the old ones, used or not. Your password is asked again.',
    renew: 'Get new recovery codes',
    offHeading: 'Turn off two-step sign-in',
    offIntro: 'Your password alone will sign you in again.',
    offCodeHint: 'The code your app shows now, or one of your recovery codes if you lost the app.',
    turnOff: 'Turn off two-step sign-in',
    required: 'Support staff must keep two-step sign-in on.',
  },
  signIn: {
    title: 'Two-step sign-in',
    intro: 'Type the code your authenticator app shows for Countersign.',
    codeHint: 'The 6 digits of your app, or one of your recovery codes if you lost the app.',
    submit: 'Continue',
    wrong: (left) =>
      `This code is not right, or was already used. ${left === 1 ? '1 try left' : `${left} tries left`} before you must type your password again.`,
    tooMany: 'Too many wrong codes. Sign in with your password again.',
    locked:
      'Too many codes were tried for this account lately. Wait a quarter of an hour, then sign in again; if it was not you, someone knows your password: change it.',
    expired: 'This sign-in took too long or has ended. Sign in with your password again.',
    again: 'Sign in again',
  },
};
