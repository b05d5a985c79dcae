import { why, type Block } from '../blocks.js';
import type { EmailsCopy, Ctx } from './index.js';

export const en: EmailsCopy = {
  colon: ': ',
  hello: (n) => (n ? `Hello ${n},` : 'Hello,'),
  signoff: ['Kind regards,', 'The support team'],
  labels: {
    role: 'Role',
    roles: 'Roles',
    from: 'Outgoing contact',
    to: 'Incoming contact',
    asker: 'Requested by',
    until: 'Valid until',
    expired: 'Expired on',
    ref: 'Reference',
  },
  action: {
    intro: 'To approve or refuse the request, open the decision page:',
    button: 'Approve or refuse the request',
    fallback: 'If the button does not work, copy this link into your browser:',
    token: 'Your personal, single-use validation code:',
    help: 'If it is not already filled in on the page, copy it and paste it into the field provided.',
  },
  follow: 'Follow the request in your customer area',
  copyNote: (category, account) =>
    `You receive this copy because you are a contact of ${account} subscribed to ${category === 'general' ? "all of the account's emails" : category === 'domain' ? 'domain name emails' : 'product emails'}. ${account} can change this in the contact book.`,
  subject: {
    request: (c) =>
      c.you === 'asker'
        ? `Contact change for ${c.name}: awaiting approval`
        : `Contact change for ${c.name}: your approval is needed`,
    reminder: (c) =>
      c.you === 'asker'
        ? `Reminder: contact change for ${c.name} still awaiting approval`
        : `Reminder: contact change for ${c.name} awaits your decision`,
    done: (c) => `Contact change for ${c.name} completed`,
    refused: (c) => `Contact change for ${c.name} refused`,
    expired: (c) => `Contact change request for ${c.name} expired`,
    aborted: (c) => `Contact change request for ${c.name} cancelled`,
    error: (c) => `Contact change for ${c.name} could not be completed`,
  },
  body: {
    request: (c) =>
      c.you === 'asker'
        ? enPending(c)
        : [
            `${c.askerIsYou ? 'You have' : `${c.asker} has`} requested a contact change for ${c.svc}.`,
            c.you === 'from'
              ? `You are currently the ${c.roles} for this service. By approving, you confirm that you are handing ${c.plural ? 'these roles' : 'this role'} over to ${c.to}.`
              : `The request would make you the ${c.roles} for this service, in place of ${c.from}. By approving, you confirm that you are taking on ${c.plural ? 'these roles' : 'this role'}.`,
            `The change will only be made once both contacts, outgoing and incoming, have approved it. This request is valid until ${c.expires}.`,
            'facts',
            'action',
            {
              // The person who asked was expecting it: only the other party is asked whether it was expected.
              note: `${c.askerIsYou ? '' : 'If you were not expecting this request, or anything about it looks wrong, refuse it: nothing will change. '}Never share this code with anyone, even someone claiming to be from our support team: we will never ask you for it.`,
            },
          ],
    reminder: (c) =>
      c.you === 'asker'
        ? enPending(c)
        : [
            `This is a reminder: we have not yet received your decision on the request below. It expires on ${c.expires}; if both contacts have not approved it by then, nothing will change.`,
            ...en.body.request(c),
          ],
    done: (c) => [
      `The contact change for ${c.svc} has been approved by both contacts and is now effective.`,
      c.you === 'from'
        ? `You are no longer the ${c.roles} for this service: ${c.to} has taken over.`
        : c.you === 'to'
          ? `You are now the ${c.roles} for this service, in place of ${c.from}.`
          : `${c.to} is now the ${c.roles} for this service, in place of ${c.from}.`,
      'facts',
      { note: 'If you do not recognise this change, contact our support team straight away.' },
    ],
    refused: (c) => [
      c.by
        ? `${c.byIsYou ? 'You have' : `${c.by} has`} refused the contact change request for ${c.svc}.`
        : `The contact change request for ${c.svc} has been refused.`,
      ...why(c.reason, 'Reason given:', 'No reason was given.'),
      enUnchanged(c),
      'If the change is still wanted, a new request can be made from the customer area.',
      'facts',
    ],
    expired: (c) => [
      `The contact change request for ${c.svc}${c.askerIsYou ? ', which you made,' : `, made by ${c.asker},`} was not approved by both contacts before ${c.expires}, so it has expired.`,
      enUnchanged(c),
      'The validation codes sent for this request no longer work.',
      `If the change is still wanted, ${c.you === 'asker' ? 'you' : 'the owner of the service'} can make a new request from the customer area.`,
      'facts',
    ],
    aborted: (c) => [
      c.by
        ? `${c.byIsYou ? 'You have' : `${c.by} has`} cancelled the contact change request for ${c.svc}.`
        : `The contact change request for ${c.svc} has been cancelled.`,
      ...why(c.reason, 'Reason given:', 'No reason was given.'),
      enUnchanged(c),
      'If you received a validation code for this request, it can no longer be used; there is nothing for you to do.',
      'facts',
    ],
    error: (c) => [
      `We were unable to make the contact change requested for ${c.svc}.`,
      ...why(c.reason, 'Details:'),
      enUnchanged(c),
      `Please contact our support team, quoting reference ${c.requestId}, and we will help you complete the change.`,
      'facts',
    ],
  },
  invitation: {
    subject: (inviter) => `${inviter} invites you to their customer area`,
    body: (i) => [
      `${i.inviter} has made you a sub-account of their customer area: you will be able to sign in with your own password and act within the permissions they give you.`,
      `Your handle, which you sign in with, is ${i.handle}. To accept, choose your password on this page; the link works once and until ${i.expires}.`,
    ],
    button: 'Choose my password',
    fallback: 'If the button does not work, copy this link into your browser:',
    note: 'If you do not know this person or did not expect this invitation, ignore this email: nothing happens without you.',
  },
};
function enPending(c: Ctx): Block[] {
  return [
    `The contact change request for ${c.svc} is awaiting approval. ${c.from} and ${c.to} have each received an email with a personal code; the change will be made as soon as both have approved it.`,
    `The request is valid until ${c.expires}.`,
    'facts',
  ];
}
function enUnchanged(c: Ctx): string {
  if (c.byProvider)
    return 'The contacts of this service are now those the provider has on record: see the service in your customer area.';
  return `Nothing has changed: ${c.you === 'from' ? 'you remain' : `${c.from} remains`} the ${c.roles} for this service.`;
}
