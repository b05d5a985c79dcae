import { ApplicationFailure, Context, log } from '@temporalio/activity';
import { Webhook } from 'standardwebhooks';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { publicOnlyLookup } from '../changes/webhook-address.js';
import { webhookUrlRefusal } from '../domain/webhook-urls.js';
import { handOverRequest } from '../changes/webhook-delivery.js';
import { open } from '../domain/secret-box.js';
import type { WebhookEndpoint } from '../db/schema.js';
import { disableEndpoint, loadDelivery, recordAttempt, setDeliveryStatus } from '../db/webhooks.js';
import type { ActivityDeps } from './index.js';

/** No answer within this, the attempt failed and is tried again later. */
const ANSWER_TIMEOUT_MS = 10_000;
export const DEFAULT_WEBHOOK_RETRY_FOR_MS = 3 * 86_400_000;
const HAND_OVER_WITHIN_MS = 3_000;

/** The secrets that sign now: the current one, and the one before it while its overlap lasts. */
function signingSecrets(tokenSecret: string, endpoint: WebhookEndpoint, now: Date): string[] {
  const boxes = [endpoint.secret];
  if (endpoint.previousSecret && endpoint.previousUntil && endpoint.previousUntil > now) {
    boxes.push(endpoint.previousSecret);
  }
  return boxes.map((box) => open(tokenSecret, 'webhook', endpoint.id, box)).filter((s): s is string => s !== null);
}

/** Why a request got no answer, in a few words (never the URL's query or any header). */
const errorOf = (err: unknown): string => {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return `no answer within ${ANSWER_TIMEOUT_MS / 1000} s`;
  return (e.cause?.code ?? e.cause?.message ?? e.message ?? String(err)).slice(0, 200);
};

/**
 * One POST: the endpoint's status code, or why there was none (never following a redirect). Unless private addresses
 * are allowed, the connection goes only to a public address the name resolves to as it connects.
 */
function post(
  url: string,
  request: { body: string; headers: Record<string, string> },
  allowPrivate: boolean,
): Promise<{ statusCode: number | null; error: string | null }> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(request.body),
          'user-agent': 'Countersign-Webhooks',
          ...request.headers,
        },
        lookup: allowPrivate ? undefined : publicOnlyLookup,
      },
      (res) => {
        clearTimeout(timer);
        res.resume();
        resolve({ statusCode: res.statusCode ?? null, error: null });
      },
    );
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error('no answer'), { name: 'TimeoutError' })),
      ANSWER_TIMEOUT_MS,
    );
    req.on('error', (err) => {
      clearTimeout(timer);
      resolve({ statusCode: null, error: errorOf(err) });
    });
    req.end(request.body);
  });
}

export function webhookActivities({ db, config, webhookAllowPrivate }: ActivityDeps) {
  return {
    /**
     * One attempt at one delivery: the event signed with the endpoint's secrets (`webhook-id` is the event's id, the
     * same on every attempt), the answer recorded; anything but a 2xx throws, and Temporal tries again later.
     */
    async deliverWebhook({ deliveryId, again }: { deliveryId: number; again?: boolean }): Promise<void> {
      const row = await loadDelivery(db, deliveryId);
      if (!row || row.endpoint.deletedAt) return;
      if (row.delivery.status === 'delivered' && !again) return;
      const { event, endpoint } = row;
      const body = JSON.stringify({ type: event.type, timestamp: event.at.toISOString(), data: event.data });
      const id = String(event.id);
      const now = new Date();
      const signature = signingSecrets(config.tokenSecret, endpoint, now)
        .map((secret) => new Webhook(secret).sign(id, now, body))
        .join(' ');
      const allowPrivate = webhookAllowPrivate ?? false;
      const refusal = webhookUrlRefusal(endpoint.url, allowPrivate);
      const { statusCode, error } = refusal
        ? { statusCode: null, error: refusal }
        : await post(
            endpoint.url,
            {
              body,
              headers: {
                'webhook-id': id,
                'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
                'webhook-signature': signature,
              },
            },
            allowPrivate,
          );
      await recordAttempt(db, { deliveryId, statusCode, error });
      if (statusCode !== null && statusCode >= 200 && statusCode < 300) return;
      throw ApplicationFailure.retryable(error ?? `the endpoint answered ${statusCode}`, 'WebhookNotAccepted');
    },

    /** A delivery failed for the whole retry period: the endpoint is disabled (support sees it), the rest failed. */
    async webhookGaveUp({ endpointId, deliveryIds }: { endpointId: string; deliveryIds: number[] }): Promise<void> {
      await setDeliveryStatus(db, deliveryIds, 'failed');
      await disableEndpoint(db, endpointId);
    },
  };
}

/**
 * After a state change committed, from the activity that made it: its events to Temporal. Best effort, because the
 * change is written already; what fails here the sweep hands over.
 */
export async function handOverAfter({ db, webhookRetryForMs }: ActivityDeps, changeId: string): Promise<void> {
  try {
    const { client, info } = Context.current();
    const retryForMs = webhookRetryForMs ?? DEFAULT_WEBHOOK_RETRY_FOR_MS;
    // Temporal out of reach must not hold up the step that made the change (a local activity has 10 s): the sweep
    // will do it.
    await client.withDeadline(Date.now() + HAND_OVER_WITHIN_MS, () =>
      handOverRequest({ db, temporal: client, taskQueue: info.taskQueue, retryForMs }, changeId),
    );
  } catch (err) {
    log.warn('events not handed over yet; the sweep will', { changeId, error: errorOf(err) });
  }
}
