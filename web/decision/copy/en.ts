import type { DecisionCopy } from './index.js';

export const en: DecisionCopy = {
  title: 'Contact change: your decision',
  intro: (asker, roles, service) =>
    `${asker} asks to move these roles of ${service}: ${roles}. Both the outgoing and the incoming contact must accept.`,
  service: 'Service',
  roles: 'Roles',
  from: 'Outgoing contact',
  to: 'Incoming contact',
  askedBy: 'Asked by',
  expires: 'Valid until',
  state: 'State',
  tokenLabel: 'Your code',
  tokenHint: 'The code from your email. The link in the email fills it in; otherwise paste it here.',
  reasonLabel: 'Reason, if you refuse (optional)',
  accept: 'Accept',
  refuse: 'Refuse',
  unexpected: 'Not expecting this? Refuse it. Never give your code to anyone: support will never ask for it.',
  states: {
    todo: 'being prepared',
    checkValidity: 'being checked',
    validatingByCustomers: "awaiting the contacts' decisions",
    doing: 'being applied',
    done: 'done: the change is effective',
    refused: 'refused: nothing changed',
    aborted: 'cancelled: nothing changed',
    expired: 'expired: nothing changed',
    error: 'failed: nothing changed',
  },
  youAre: {
    from: 'You are the outgoing contact: you hand these roles over.',
    to: 'You are the incoming contact: you take these roles on.',
  },
  decided: (decision, at) => `You ${decision === 'accepted' ? 'accepted' : 'refused'} on ${at}.`,
  nothingToDo: 'There is nothing more for you to do.',
  ended: {
    done: (at) => `This request is done: the change took effect on ${at}.`,
    refused: (at) => `This request was refused on ${at}; nothing changed.`,
    aborted: (at) => `This request was cancelled on ${at}; nothing changed.`,
    expired: (at) => `This request expired on ${at} without both decisions; nothing changed.`,
    error: (at) => `This request failed on ${at}; nothing changed.`,
  },
  results: {
    awaiting: 'Your acceptance is recorded. The request is still awaiting the other contact.',
    done: 'Both contacts accepted: the change is done. Both contacts will receive an email.',
    refused: 'The request is refused; nothing changes. Everyone concerned will be told.',
    aborted: 'This request was cancelled; nothing changes.',
    error: 'The change could not be made; nothing changed. Support has been told.',
    recorded: 'Your decision is recorded.',
  },
  problems: {
    invalidToken:
      'This code is not valid for this request. It may be mistyped, already used, replaced by a newer email, or the request may have ended.',
    locked:
      'Too many wrong codes were tried on this request, so its codes are locked. Ask the person who made the request, or support, to send the emails again.',
    tooMany: 'Too many attempts from your connection. Wait a minute and try again.',
    tooManyWrongCodes: (minutes) =>
      `Too many wrong codes from your connection for this request. Wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`}, then paste the code from your email again.`,
    missingToken: 'Paste the code from your email, then choose Accept or Refuse.',
    notFound: 'There is no such contact change request. Check the link in your email.',
    unavailable:
      'The service is briefly unavailable. Try again in a moment; the page will then show whether your decision counts.',
  },
};
