import { defineSignal } from '@temporalio/workflow';

/** Ids and numbers only: an event's body and an endpoint's secrets are read by the activity, never carried here. */
export interface WebhookDeliveryInput {
  endpointId: string;
  changeId: string;
  /** How long one delivery is retried before the endpoint is disabled (WEBHOOK_RETRY_FOR). */
  retryForMs: number;
}

export interface DeliverInput {
  deliveryId: number;
  eventId: number;
  /** Support's "send again": delivered even if it was before. */
  again?: boolean;
}

export const deliverSignal = defineSignal<[DeliverInput]>('deliver');

/** One workflow per endpoint and request: the request's events reach the endpoint one after another, in order. */
export const webhookWorkflowId = (endpointId: string, changeId: string) => `webhook-${endpointId}-${changeId}`;
