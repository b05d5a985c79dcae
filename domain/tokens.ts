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

/** The secret of an invitation link; derived from its id, so that nothing secret is stored. */
export function makeInvitationToken(secret: string, invitationId: string): string {
  return createHmac('sha256', secret).update(`invitation\0${invitationId}`).digest('base64url');
}

export function isInvitationToken(secret: string, invitationId: string, candidate: string): boolean {
  const given = Buffer.from(TOKEN_SHAPE.test(candidate) ? candidate : '', 'base64url');
  const expected = Buffer.from(makeInvitationToken(secret, invitationId), 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
