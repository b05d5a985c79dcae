import { createHmac, timingSafeEqual } from 'node:crypto';
import { PARTIES, type Party } from './contact-change.js';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * A party's token for one sending of the emails. Derived, never stored: an email activity that is
 * retried rebuilds the very same email, and nothing secret is at rest.
 */
export function makeToken(secret: string, changeId: string, party: Party, sending: number): string {
  return createHmac('sha256', secret).update(`contact-change\0${changeId}\0${party}\0${sending}`).digest('base64url');
}

/** Which party this token belongs to for the current sending, or null; the comparison takes constant time. */
export function partyOfToken(secret: string, changeId: string, sending: number, candidate: string): Party | null {
  const given = Buffer.from(TOKEN_SHAPE.test(candidate) ? candidate : '', 'base64url');
  let found: Party | null = null;
  for (const party of PARTIES) {
    const expected = Buffer.from(makeToken(secret, changeId, party, sending), 'base64url');
    const same = given.length === expected.length && timingSafeEqual(given, expected);
    if (same) found = party;
  }
  return found;
}

/**
 * What a single-use link sent by email is for. Its secret is derived from the purpose and the row's id, so that
 * nothing secret is stored and a link for one purpose never works for another.
 */
export type LinkPurpose = 'invitation' | 'email-confirm' | 'email-cancel' | 'password-reset';

export function makeLinkToken(secret: string, purpose: LinkPurpose, id: string): string {
  return createHmac('sha256', secret).update(`${purpose}\0${id}`).digest('base64url');
}

/** Whether this is the link's secret; the comparison takes constant time. */
export function isLinkToken(secret: string, purpose: LinkPurpose, id: string, candidate: string): boolean {
  const given = Buffer.from(TOKEN_SHAPE.test(candidate) ? candidate : '', 'base64url');
  const expected = Buffer.from(makeLinkToken(secret, purpose, id), 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The secret of an invitation link. */
export const makeInvitationToken = (secret: string, invitationId: string) =>
  makeLinkToken(secret, 'invitation', invitationId);

export const isInvitationToken = (secret: string, invitationId: string, candidate: string) =>
  isLinkToken(secret, 'invitation', invitationId, candidate);
