import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { Errors, type Language, type Party, type Role } from '../domain/contact-change.js';
import { cancelReasonOf } from '../domain/email-changes.js';
import { workflowIdOf } from '../domain/ids.js';
import { makeToken } from '../domain/tokens.js';
import type { Db } from '../db/client.js';
import { bookEmail, markEmailFailed, markEmailSent, type NewEmail } from '../db/emails.js';
import { loadChangeView, loadNote, type ChangeView, type Person } from '../db/queries.js';
import type { ContactChange } from '../db/schema.js';
import { addEvent, type EventInput } from '../db/timeline.js';
import { MailError } from '../emails/mailer.js';
import { renderEmail, type EmailData, type RenderedEmail } from '../emails/render.js';
import { WORDS } from '../i18n/words/index.js';
import type { ActivityDeps } from './index.js';
import { notFound } from './projection.js';

export type EmailKind = 'request' | 'reminder' | 'done' | 'refused' | 'expired' | 'aborted' | 'error';
export type Recipient = Party | 'asker';

export interface SendEmailInput {
  changeId: string;
  recipient: Recipient;
  kind: EmailKind;
  sending: number;
  seq: number;
  /** Sent to both parties and the asker: an asker who is also a party gets it once. */
  toAll?: boolean;
}

const person = (a: Person) => ({ handle: a.handle, name: a.name });

/**
 * Why the request ended, as its emails say it, by the reader's language: the reason the system cancelled it for, in
 * that language; the engine's own reason for an error; or the words a person wrote.
 */
export async function endReason(
  db: Db,
  change: ContactChange,
  kind: EmailKind,
): Promise<(language: Language) => string | undefined> {
  const code = kind === 'aborted' ? cancelReasonOf(change.endReason) : null;
  if (code) return (language) => WORDS[language].cancelReasons[code];
  const text = kind === 'error' ? (change.endReason ?? undefined) : await loadNote(db, change.id, change.endNoteId);
  return () => text;
}

async function emailData(
  deps: ActivityDeps,
  view: ChangeView,
  input: SendEmailInput,
  account: Person,
): Promise<EmailData> {
  const { change, service, from, to, askedBy, endedBy } = view;
  const base = deps.config.publicBaseUrl;
  const data: EmailData = {
    recipient: input.recipient,
    recipientName: account.name,
    timeZone: account.timeZone,
    service: { name: service.name, kind: service.kind },
    roles: change.roles as Role[],
    from: person(from),
    to: person(to),
    askedBy: person(askedBy),
    expiresAt: change.expiresAt,
    requestId: change.id,
    requestUrl: `${base}/requests/${change.id}`,
    reason: (await endReason(deps.db, change, input.kind))(account.language),
  };
  if (input.kind === 'refused') data.refusedBy = person(change.fromDecision === 'refused' ? from : to);
  if (input.kind === 'aborted' && endedBy) data.cancelledBy = person(endedBy);
  if (input.kind === 'aborted' && cancelReasonOf(change.endReason) === 'changedByProvider') data.byProvider = true;
  if ((input.kind === 'request' || input.kind === 'reminder') && input.recipient !== 'asker') {
    const token = makeToken(deps.config.tokenSecret, change.id, input.recipient, input.sending);
    data.token = token;
    data.resent = input.kind === 'request' && input.sending > 1;
    data.decisionUrl = `${base}/requests/${change.id}/decision?lang=${account.language}#token=${token}`;
  }
  return data;
}

export interface Delivery {
  row: NewEmail;
  to: string;
  /** Rendered only when the email still has to go out. */
  render: () => Promise<RenderedEmail> | RenderedEmail;
  tags: Record<string, string>;
  /** The timeline entry written in the same statement as the row's `sent` status. */
  sentEvent?: EventInput;
  onFailed?: (err: MailError) => Promise<void>;
  /** Awaited right before the provider is called (a batch spaces its emails out). */
  beforeSend?: () => Promise<void>;
}

/**
 * Sends an email at most once per idempotency key: its row in `emails` says whether it went out already, and
 * the provider receives the same key, so that a retry after a lost answer is not sent twice either.
 */
export async function deliverOnce(db: Db, mailer: ActivityDeps['mailer'], d: Delivery): Promise<{ sent: boolean }> {
  const row = await bookEmail(db, d.row);
  if (row.status !== 'sending' && row.status !== 'failed') return { sent: true };
  try {
    await d.beforeSend?.();
    const { id } = await mailer.send({
      to: d.to,
      ...(await d.render()),
      idempotencyKey: d.row.idempotencyKey,
      tags: d.tags,
    });
    await markEmailSent(db, row.id, id, d.sentEvent);
    return { sent: true };
  } catch (err) {
    if (!(err instanceof MailError)) throw err;
    await markEmailFailed(db, row.id, err.message);
    await d.onFailed?.(err);
    throw ApplicationFailure.create({
      type: err.retryable ? 'EmailUnavailable' : Errors.EmailRejected,
      message: err.message,
      nonRetryable: !err.retryable,
      nextRetryDelay: err.retryAfterMs,
    });
  }
}

/**
 * The email of one party or the asker, or null for an asker who is also a party and already gets it (`toAll`).
 * Its idempotency key names the request, the recipient, the kind, the sending and the reminder number.
 */
export function partyDelivery(deps: ActivityDeps, view: ChangeView, input: SendEmailInput): Delivery | null {
  const account = input.recipient === 'asker' ? view.askedBy : view[input.recipient];
  if (input.recipient === 'asker' && input.toAll && [view.from.id, view.to.id].includes(view.askedBy.id)) return null;
  const idempotencyKey = `${workflowIdOf(input.changeId)}/${input.recipient}/${input.kind}/${input.sending}/${input.seq}`;
  return {
    row: {
      changeId: input.changeId,
      recipient: input.recipient,
      accountId: account.id,
      kind: input.kind,
      sending: input.sending,
      idempotencyKey,
    },
    to: account.email,
    render: async () => renderEmail(input.kind, account.language, await emailData(deps, view, input, account)),
    tags: { kind: input.kind, request: input.changeId },
    sentEvent: {
      changeId: input.changeId,
      type: 'emailSent',
      party: input.recipient,
      accountId: account.id,
      detail: { kind: input.kind, sending: input.sending },
      dedupeKey: `email:${idempotencyKey}`,
    },
    onFailed: async (err) => {
      if (err.retryable && Context.current().info.attempt !== 1) return;
      await addEvent(deps.db, {
        changeId: input.changeId,
        type: 'emailFailed',
        party: input.recipient,
        accountId: account.id,
        detail: { kind: input.kind, error: err.message, retrying: err.retryable },
        dedupeKey: `email-failed:${idempotencyKey}:${err.retryable}`,
      });
    },
  };
}

export function emailActivities(deps: ActivityDeps) {
  const { db, mailer } = deps;
  return {
    /** One email (the workflow's code before the compact history; see `sendEmails` for the batch it uses now). */
    async sendEmail(input: SendEmailInput): Promise<{ sent: boolean }> {
      const view = await loadChangeView(db, input.changeId);
      if (!view) throw notFound(input.changeId);
      const delivery = partyDelivery(deps, view, input);
      if (!delivery) return { sent: false };
      return deliverOnce(db, mailer, delivery);
    },
  };
}
