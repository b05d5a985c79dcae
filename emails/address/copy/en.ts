import type { AddressEmailsCopy } from './index.js';

export const en: AddressEmailsCopy = {
  whose: (w) =>
    w.kind === 'account'
      ? `your account ${w.name} (${w.handle})`
      : w.kind === 'subAccount'
        ? `your sub-account ${w.handle} in the customer area of ${w.keeper}`
        : `your contact record ${w.handle} in the contact book of ${w.keeper}`,
  confirm: {
    subject: 'Confirm your new email address',
    body: (c) => [
      `${c.by ? `${c.by} has asked` : 'You have asked'} to make ${c.newEmail} the email address of ${c.whose}, in place of ${c.oldEmail}.`,
      `To confirm that this address is yours, open the link below. It works once, until ${c.expires}. Until then, every email, including the codes that approve contact changes, still goes to ${c.oldEmail}.`,
    ],
    button: 'Confirm this address',
    note: 'If you did not expect this email, ignore it: nothing changes without you.',
  },
  notice: {
    subject: 'Your email address is about to change',
    body: (c) => [
      `On ${c.at}, ${c.by ?? 'someone signed in to your account'} asked to change the email address of ${c.whose} from ${c.oldEmail} to ${c.newEmail}.`,
      `Nothing has changed yet: the address changes only once the link sent to ${c.newEmail} is followed, within ${c.hours} hours.`,
      'If you did not ask for this, cancel the change with the link below. It also signs out every session of the account: then change your password.',
    ],
    button: 'Cancel the change and sign out everywhere',
    note: 'If it was you, there is nothing to do.',
  },
  changed: {
    subject: 'Your email address has been changed',
    body: (c) => [
      `Since ${c.at}, the email address of ${c.whose} is ${c.newEmail}. Our emails no longer come to ${c.oldEmail}.`,
    ],
    ended:
      'These pending contact changes were ended, because their codes had been sent to this address and must no longer be used:',
    endedAfter: 'If a change is still wanted, a new request can be made from the customer area.',
    request: (r) => `${r.service} (${r.roles}), reference ${r.id}`,
    note: 'If you did not ask for this change, contact our support team straight away.',
  },
};
