import { isFinal } from '../domain/contact-change.js';
import { loadChangeView } from '../db/queries.js';
import { loadAccount } from '../db/recipients.js';
import { renderCodesLocked } from '../emails/guards/codes-locked.js';
import type { AccountEmailBuilder } from './account-emails.js';

/** Account emails of the guards against guessing (see BUILDERS in ./account-emails.ts). */
export const GUARDS_EMAIL_BUILDERS = {
  /** The asker told that wrong codes locked the request's codes; not sent once new codes went out or it ended. */
  tokensLocked: async (deps, id) => {
    const dot = id.lastIndexOf('.');
    const [changeId, sending] = [id.slice(0, dot), Number(id.slice(dot + 1))];
    const view = await loadChangeView(deps.db, changeId);
    if (!view || isFinal(view.change.state) || view.change.sending !== sending) return null;
    const asker = await loadAccount(deps.db, view.askedBy.id);
    if (!asker) return null;
    return {
      account: asker,
      to: asker.email,
      render: () =>
        renderCodesLocked(asker.language, {
          recipientName: asker.name,
          serviceName: view.service.name,
          requestId: changeId,
          url: `${deps.config.publicBaseUrl}/requests/${changeId}`,
          attempts: view.change.failedAttempts,
        }),
      tags: { request: changeId },
    };
  },
} satisfies Record<string, AccountEmailBuilder>;
