import type { Client } from '@temporalio/client';
import type { Context } from '../core/context.js';
import type { Db } from '../db/client.js';
import { handOverEvents, requestsToHandOver } from '../db/events.js';
import { endpointsFor, ensureDelivery, failedDeliveries, setDeliveryStatus } from '../db/webhooks.js';
import type { webhookDelivery } from '../workflows/webhook-delivery.js';
import { deliverSignal, webhookWorkflowId, type DeliverInput } from '../workflows/webhook-messages.js';

/** What handing events over to Temporal needs; the worker's activities and the server both have it. */
export interface HandOverDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  retryForMs: number;
}

export const handOverDeps = (ctx: Context): HandOverDeps => ({
  db: ctx.db,
  temporal: ctx.temporal,
  taskQueue: ctx.config.temporal.taskQueue,
  retryForMs: ctx.config.webhooks.retryForMs,
});

/** Starts the endpoint's workflow for the request, or hands the delivery to the one running. */
export async function signalDelivery(
  deps: HandOverDeps,
  target: { endpointId: string; changeId: string },
  delivery: DeliverInput,
): Promise<void> {
  await deps.temporal.workflow.signalWithStart<typeof webhookDelivery, [DeliverInput]>('webhookDelivery', {
    workflowId: webhookWorkflowId(target.endpointId, target.changeId),
    taskQueue: deps.taskQueue,
    args: [{ ...target, retryForMs: deps.retryForMs }],
    signal: deliverSignal,
    signalArgs: [delivery],
  });
}

/**
 * Sends an endpoint's failed deliveries again, with their webhook-ids, each request's in event order (its workflow
 * keeps them in order); requests side by side, a few at a time. A delivery whose hand-over fails stays failed, for
 * the next call.
 */
export async function sendFailedAgain(deps: HandOverDeps, endpointId: string): Promise<void> {
  const byRequest = new Map<string, { deliveryId: number; eventId: number }[]>();
  for (const { changeId, ...delivery } of await failedDeliveries(deps.db, endpointId)) {
    byRequest.set(changeId, [...(byRequest.get(changeId) ?? []), delivery]);
  }
  const requests = [...byRequest];
  const sendRequest = async ([changeId, deliveries]: (typeof requests)[number]) => {
    for (const delivery of deliveries) {
      await setDeliveryStatus(deps.db, [delivery.deliveryId], 'pending');
      try {
        await signalDelivery(deps, { endpointId, changeId }, { ...delivery, again: true });
      } catch (err) {
        await setDeliveryStatus(deps.db, [delivery.deliveryId], 'failed');
        throw err;
      }
    }
  };
  for (let i = 0; i < requests.length; i += 8) await Promise.all(requests.slice(i, i + 8).map(sendRequest));
}

/**
 * Hands a request's committed events to Temporal, oldest first: a delivery per subscribed endpoint, then the event
 * is marked. Called once a state change has committed; the sweep calls it for whatever that call missed (a crash
 * between the commit and the signal, Temporal out of reach), so no event is left untold.
 */
export async function handOverRequest(deps: HandOverDeps, changeId: string): Promise<{ left: number }> {
  const { left } = await handOverEvents(deps.db, changeId, async (event) => {
    for (const endpoint of await endpointsFor(deps.db, event.type)) {
      const target = { endpointId: endpoint.id, changeId: event.changeId };
      const deliveryId = await ensureDelivery(deps.db, { ...target, eventId: event.id });
      await signalDelivery(deps, target, { deliveryId, eventId: event.id });
    }
  });
  return { left };
}

/** Every event not yet handed over, request by request; returns how many requests still have some left. */
export async function sweepEvents(deps: HandOverDeps): Promise<number> {
  let stuck = 0;
  for (;;) {
    const ids = await requestsToHandOver(deps.db, 100);
    let moved = false;
    for (const id of ids) {
      const { left } = await handOverRequest(deps, id);
      if (left > 0) stuck += 1;
      else moved = true;
    }
    if (ids.length < 100 || !moved) return stuck;
  }
}

/** The sweep at start and then every `everyMs`; what it cannot hand over now waits for the next turn. */
export function startSweeper(deps: HandOverDeps, log: (err: unknown) => void, everyMs = 60_000) {
  let running: Promise<unknown> = Promise.resolve();
  const turn = () => {
    running = running.then(() => sweepEvents(deps)).catch(log);
  };
  turn();
  const timer = setInterval(turn, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
