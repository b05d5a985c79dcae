import { ActivityFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { Errors } from '../domain/contact-change.js';
import { deliverSignal, type DeliverInput, type WebhookDeliveryInput } from './webhook-messages.js';

type Activities = ReturnType<typeof createActivities>;

/** Idle this long, the workflow ends; the next event of the request starts it again (signalWithStart). */
const IDLE = '1h';

/**
 * Delivers a request's events to one endpoint, in event order, each retried with growing delays (a non-2xx answer
 * or no answer in 10 s) for the retry period; past it the endpoint is disabled and the events left are marked failed.
 */
export async function webhookDelivery(input: WebhookDeliveryInput): Promise<void> {
  const queue: DeliverInput[] = [];
  const taken = new Set<number>();
  setHandler(deliverSignal, (next) => {
    // A hand-over repeated after a crash signals an event again: it is delivered once.
    if (taken.has(next.deliveryId) && !next.again) return;
    taken.add(next.deliveryId);
    const at = queue.findIndex((queued) => queued.eventId > next.eventId);
    queue.splice(at === -1 ? queue.length : at, 0, next);
  });
  const { deliverWebhook } = proxyActivities<Pick<Activities, 'deliverWebhook'>>({
    startToCloseTimeout: '30s',
    scheduleToCloseTimeout: input.retryForMs,
    retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1h', nonRetryableErrorTypes: [] },
  });
  const { webhookGaveUp } = proxyActivities<Pick<Activities, 'webhookGaveUp'>>({
    startToCloseTimeout: '10s',
    retry: {
      initialInterval: '1s',
      backoffCoefficient: 2,
      maximumInterval: '1m',
      nonRetryableErrorTypes: [Errors.NotFound],
    },
  });
  while (await condition(() => queue.length > 0, IDLE)) {
    const next = queue.shift()!;
    try {
      await deliverWebhook({ deliveryId: next.deliveryId, again: next.again });
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const failed = [next, ...queue.splice(0)].map((d) => d.deliveryId);
      await webhookGaveUp({ endpointId: input.endpointId, deliveryIds: failed });
      // Sent again while it gave up (the endpoint enabled again): the closing run would drop them.
      if (queue.length === 0) return;
    }
  }
}
