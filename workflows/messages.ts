import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Decision, Party, State } from '../domain/contact-change.js';

/** Ids and numbers only: tokens and free text never enter workflow history. */
export interface ContactChangeInput {
  changeId: string;
  createdAt: number;
  expiresAt: number;
  reminderAfterMs: number[];
  resendCooldownMs: number;
}

export interface DecisionInput { party: Party; sending: number; noteId?: string }
export interface CancelInput { by: string; noteId?: string }
export interface ResendInput { by: string }

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
export const statusQuery = defineQuery<ChangeStatus>('status');
