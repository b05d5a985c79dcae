import { html } from '../../shared/html.js';
import type { AddressCopy } from './index.js';

export const en: AddressCopy = {
  field: {
    password: 'Your password, to change the address',
    passwordHint:
      'Needed only to change the email address. The new address is used once it is confirmed from the link we send to it; the current address is told.',
    holderOnly: 'Only the account holder can change this address.',
    pending: (email, until) =>
      html`Waiting for confirmation at <strong>${email}</strong>: we sent a link there, which works until ${until}. The address above stays in use until then.`,
    withdraw: 'Withdraw this change',
    withdrawn: 'The address change has been withdrawn: its link no longer works.',
  },
  incomplete: 'This link is incomplete. Open the link from the email again, whole, in a browser with JavaScript on.',
  unavailable: 'This cannot be done right now, and nothing was changed. Try again in a moment.',
  confirm: {
    title: 'Confirm the new email address',
    intro:
      'Press the button to make this address the one in use. Contact changes that still wait for a decision of this account will be ended, since their codes went to the former address.',
    button: 'Confirm this address',
    done: (email) => `Done: the email address is now ${email}.`,
    ended: (count) =>
      count === 1
        ? 'One pending contact change was ended; the former address has been told.'
        : `${count} pending contact changes were ended; the former address has been told.`,
    taken: 'This address is already used by someone else in the same contact book: the address was not changed.',
    invalid:
      'This link is no longer valid: it was already used, replaced by a newer change, withdrawn, or it expired. Ask for the change again if it is still wanted.',
  },
  cancel: {
    title: 'Cancel the address change',
    intro:
      'Press the button to cancel the change of address. Every session of the account will be signed out: then sign in again and change your password.',
    button: 'Cancel the change and sign out everywhere',
    done: 'The address change is cancelled, and every session of the account is signed out. Sign in again and change your password.',
    invalid:
      'This link is no longer valid: the change was already confirmed, cancelled or replaced. If you did not ask for it, contact support.',
  },
};
