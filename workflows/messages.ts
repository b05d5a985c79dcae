import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Decision, Party, State } from '../domain/contact-change.js';
import type { CancelReason } from '../domain/email-changes.js';

/** Ids and numbers only: tokens and free text never enter workflow history. */
export interface ContactChangeInput {
  changeId: string;
  createdAt: number;
  expiresAt: number;
  reminderAfterMs: number[];
  resendCooldownMs: number;
  /** The provider applies this change itself (PROVIDER_APPLIES): both acceptances lead to `doing`, not `done`. */
  providerApplies?: boolean;
}

export interface DecisionInput {
  party: Party;
  sending: number;
  noteId?: string;
}
export interface CancelInput {
  by: string;
  noteId?: string;
  /** Set when the system cancels, not a person (a party's address changed): a code, never free text. */
  reason?: CancelReason;
}
export interface ResendInput {
  by: string;
  noteId?: string;
}
/** `expiresAt` in epoch milliseconds. */
export interface ExtendInput {
  by: string;
  noteId?: string;
  expiresAt: number;
}

/** How far from now support may push a request's expiry. */
export const MAX_EXTENSION_MS = 30 * 86_400_000;
export type ExpiryRefusal = 'past' | 'notLater' | 'tooLate';

/** Why the extend validator refuses a new expiry, or null; the refusal travels as the failure's details. */
export function expiryRefusal(next: number, current: number, now: number): ExpiryRefusal | null {
  if (!Number.isFinite(next) || next <= now) return 'past';
  if (next <= current) return 'notLater';
  if (next > now + MAX_EXTENSION_MS) return 'tooLate';
  return null;
}

export interface ChangeStatus {
  state: State;
  sending: number;
  decisions: Record<Party, Decision | null>;
  awaiting: Party[];
}

export const acceptUpdate = defineUpdate<ChangeStatus, [DecisionInput]>('accept');
export const refuseUpdate = defineUpdate<ChangeStatus, [DecisionInput]>('refuse');
export const cancelUpdate = defineUpdate<ChangeStatus, [CancelInput]>('cancel');
export const resendUpdate = defineUpdate<ChangeStatus, [ResendInput]>('resend');
export const extendUpdate = defineUpdate<ChangeStatus, [ExtendInput]>('extend');
/** The provider's word on a change it applies: `applied`, or `failed` with its reason kept as a note. */
export interface ApplyInput {
  by: string;
  noteId?: string;
}

export const appliedUpdate = defineUpdate<ChangeStatus, [ApplyInput]>('applied');
export const failedUpdate = defineUpdate<ChangeStatus, [ApplyInput]>('failed');
export const statusQuery = defineQuery<ChangeStatus>('status');
