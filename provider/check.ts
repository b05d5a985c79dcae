import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import type { Context } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { newId } from '../domain/ids.js';

/** A person or the service as the provider knows them: our handle or id, and its own id when it gave one. */
interface Known {
  handle?: string;
  id?: string;
  externalId: string | null;
}

/** What the provider is asked before a request exists (CHECK_URL). */
export interface CheckQuestion {
  service: Known & { name: string; kind: string };
  roles: string[];
  from: Known;
  to: Known;
  askedBy: Known;
}

const TIMEOUT_MS = 5_000;
/** The provider's answer; a reason is shown as it is on the page and in the API's `detail`, so it is bounded. */
const answer = z.union([
  z.object({ allowed: z.literal(true) }),
  z.object({ allowed: z.literal(false), reason: z.string().trim().min(1).max(500) }),
]);

/**
 * Asks the provider's systems whether this change may be made (an unpaid invoice, a dispute…), signed as a Standard
 * Webhook with CHECK_SECRET. Allowed: nothing happens. Refused: 422 `refusedByProvider` with its reason. No answer
 * within 5 s, a non-2xx or an answer that is not `{allowed…}`: 503 `providerUnavailable`, and no request is made.
 */
export async function checkWithProvider(ctx: Context, question: CheckQuestion): Promise<void> {
  const check = ctx.config.providerCheck;
  if (!check) return;
  const body = JSON.stringify(question);
  const id = `msg_${newId()}`;
  const at = new Date();
  const signature = new Webhook(check.secret).sign(id, at, body);
  let verdict: z.infer<typeof answer>;
  try {
    const res = await fetch(check.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
    if (!res.ok) throw new Error(`the check answered ${res.status}`);
    verdict = answer.parse(await res.json());
  } catch (err) {
    ctx.log.error({ err: (err as Error).message }, "the provider's check did not answer");
    throw new Problem(
      'providerUnavailable',
      "The provider's check did not answer; no request was made. Try again in a moment.",
    );
  }
  if (!verdict.allowed) {
    throw new Problem('refusedByProvider', verdict.reason, { quote: verdict.reason });
  }
}
