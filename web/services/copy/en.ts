import type { ServicesCopy } from './index.js';

export const en: ServicesCopy = {
  errorLabel: 'Error:',
  list: {
    title: 'My services',
    intro: 'The services you hold or are a contact of, with their contacts.',
    empty: 'You hold no service and are a contact of none.',
    subAccount: {
      intro:
        'The services of this customer area that your permissions let you see, and those you are a contact of yourself, with their contacts.',
      empty: 'Your permissions show you no service of this customer area, and you are a contact of none.',
    },
    kind: 'Kind',
    holder: 'Holder',
    you: 'you',
    pending: 'Pending requests',
    none: 'None',
    pendingLink: (roles) => `Change of ${roles} in progress`,
    change: 'Change contacts',
  },
  change: {
    title: 'Change contacts',
    intro:
      'Hand one or more roles of this service to another account. Nothing changes until the outgoing and the incoming contact have both accepted.',
    roles: 'Roles to hand over',
    rolesHint: 'Choose one or more roles.',
    ownOnly: 'As a technical or billing contact, you may hand over only your own role.',
    now: 'now',
    busy: 'Not available: a pending request already moves this role.',
    seeRequest: 'See that request',
    allBusy: 'Every role you may hand over is already being changed. Wait for those requests to end.',
    to: 'Handle of the new contact',
    toHint: 'The customer handle of the account that takes the roles, for example ab1234-cs.',
    toHintContacts:
      'Choose one of your contacts from the list, or type the customer handle of any account, for example ab1234-cs.',
    next: 'Continue',
    back: 'Back to my services',
    summary: 'Please correct the following:',
    found: (who) => `Found: ${who}.`,
  },
  preview: {
    title: 'Check and confirm',
    intro: 'Nothing has been sent yet. Check the request, then confirm.',
    service: 'Service',
    roles: 'Roles',
    from: 'Outgoing contact',
    to: 'Incoming contact',
    approvers: 'Must approve',
    outgoing: 'outgoing contact',
    incoming: 'incoming contact',
    until: 'Until',
    moves: (roles, plural, from, to) =>
      `Once both have accepted, the ${roles} ${plural ? 'roles' : 'role'} will move from ${from} to ${to}.`,
    lapse:
      'Each of them receives an email with a personal link. If either refuses, or does not answer in time, the request ends and nothing changes.',
    confirm: 'Confirm and send the emails',
    back: 'Back',
  },
  problems: {
    needRole: 'Choose at least one role.',
    needHandle: 'Enter the handle of the new contact.',
    unknown: (handle) => `There is no account with the handle ${handle}. Check the spelling.`,
    inactive: (handle) => `The account ${handle} is deactivated and cannot take a role.`,
    same: (handle) => `${handle} already holds these roles; choose another contact.`,
    different: "These roles are held by different contacts; hand over each contact's roles in a separate request.",
    busy: 'A pending request already moves one of these roles; wait for it to end or cancel it.',
    forbidden: 'You may hand over only a role you hold yourself; the holder or the admin contact may change any role.',
    notFound: 'There is nothing here, or nothing you may see.',
    unavailable: 'The service is briefly unavailable; nothing was changed. Try again in a moment.',
  },
};
