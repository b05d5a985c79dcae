import { ApplicationFailure } from '@temporalio/common';
import { areaOf } from '../domain/access.js';
import type { Role } from '../domain/contact-change.js';
import { workflowIdOf } from '../domain/ids.js';
import { makeInvitationToken } from '../domain/tokens.js';
import { loadChangeView, type ChangeView } from '../db/queries.js';
import { loadAccount, loadInvitation, loadSubscribers } from '../db/recipients.js';
import type { Account } from '../db/schema.js';
import { renderInvitation } from '../emails/invitation.js';
import { renderEmail, type CopyCategory } from '../emails/render.js';
import type { ActivityDeps } from './index.js';
import { notFound } from './projection.js';
import { deliverOnce, endReason, type Delivery, type EmailKind } from './send-email.js';

const who = (a: Pick<Account, 'name' | 'handle'>) => ({ handle: a.handle, name: a.name });

/** Emails of the contact book: invitations to become a sub-account, and copies of a request's outcome. */
export function bookEmailActivities(deps: ActivityDeps) {
  const { db, mailer, config } = deps;
  return {
    async sendInvitationEmail({ invitationId }: { invitationId: string }): Promise<{ sent: boolean }> {
      const found = await loadInvitation(db, invitationId);
      if (!found) throw notFound(invitationId);
      const { invitation, account } = found;
      // Withdrawn, used or expired while the provider was down: a link that no longer works is not worth sending.
      if (invitation.withdrawnAt || invitation.usedAt || invitation.expiresAt.getTime() <= Date.now())
        return { sent: false };
      const inviter = await loadAccount(db, invitation.invitedById);
      const token = makeInvitationToken(config.tokenSecret, invitation.id);
      return deliverOnce(db, mailer, {
        row: {
          invitationId,
          recipient: 'invitee',
          accountId: account.id,
          kind: 'invitation',
          sending: 1,
          idempotencyKey: `invitation-${invitationId}`,
        },
        to: account.email,
        render: () =>
          renderInvitation(account.language, {
            recipientName: account.name,
            timeZone: account.timeZone,
            inviter: `${inviter!.name} (${inviter!.handle})`,
            handle: account.handle,
            url: `${config.publicBaseUrl}/invitations/${invitation.id}?lang=${account.language}#token=${token}`,
            expiresAt: invitation.expiresAt,
          }),
        tags: { kind: 'invitation', invitation: invitation.id },
      });
    },

    /**
     * Copies of an outcome for the contacts of the service's holder who subscribed to its category (domain or
     * product) or to all of the account's emails; the parties and the asker have their own email already.
     */
    async sendCopies({ changeId, kind }: { changeId: string; kind: EmailKind }): Promise<{ sent: number }> {
      const view = await loadChangeView(db, changeId);
      if (!view) throw notFound(changeId);
      let sent = 0;
      for (const delivery of await copyDeliveries(deps, view, kind)) {
        try {
          await deliverOnce(db, mailer, delivery);
          sent += 1;
        } catch (err) {
          // An address the provider rejects for good is marked failed on its row; the other copies still go out.
          if (!(err instanceof ApplicationFailure && err.nonRetryable)) throw err;
        }
      }
      return { sent };
    },
  };
}

/**
 * The copies of an outcome, one per contact of the service's holder subscribed to its category (domain or product)
 * or to all of the account's emails, leaving out the parties and the asker (they have their own email).
 */
export async function copyDeliveries(deps: ActivityDeps, view: ChangeView, kind: EmailKind): Promise<Delivery[]> {
  const { db, config } = deps;
  const { change, service, from, to, askedBy } = view;
  const changeId = change.id;
  const category: CopyCategory = areaOf(service.kind) === 'domains' ? 'domain' : 'product';
  const holder = await loadAccount(db, service.holderId);
  const subscribers = await loadSubscribers(db, service.holderId, ['general', category]);
  const informed = new Set([from, to, askedBy].flatMap((a) => [a.id, a.email.toLowerCase()]));
  const recipients = subscribers.filter((c) => !informed.has(c.id) && !informed.has(c.email.toLowerCase()));
  if (recipients.length === 0) return [];
  const reason = await endReason(db, change, kind);
  return recipients.map((contact) => {
    const idempotencyKey = `${workflowIdOf(changeId)}/copy/${contact.id}/${kind}`;
    const copyOf = {
      category: contact.emailCategories.includes(category) ? category : ('general' as CopyCategory),
      account: who(holder!),
    };
    return {
      row: { changeId, recipient: 'copy', accountId: contact.id, kind, sending: change.sending, idempotencyKey },
      to: contact.email,
      render: () =>
        renderEmail(kind, contact.language, {
          recipient: 'copy',
          recipientName: contact.name,
          timeZone: contact.timeZone,
          service: { name: service.name, kind: service.kind },
          roles: change.roles as Role[],
          from: who(from),
          to: who(to),
          askedBy: who(askedBy),
          expiresAt: change.expiresAt,
          requestId: change.id,
          requestUrl: `${config.publicBaseUrl}/requests/${change.id}`,
          reason: reason(contact.language),
          refusedBy: kind === 'refused' ? who(change.fromDecision === 'refused' ? from : to) : undefined,
          cancelledBy: kind === 'aborted' && view.endedBy ? who(view.endedBy) : undefined,
          copyOf,
        }),
      tags: { kind, request: changeId },
      sentEvent: {
        changeId,
        type: 'emailSent',
        party: 'copy',
        accountId: contact.id,
        detail: { kind, copy: copyOf.category },
        dedupeKey: `email:${idempotencyKey}`,
      },
    } satisfies Delivery;
  });
}
