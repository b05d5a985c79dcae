import { createHmac } from 'node:crypto';
import { WEBHOOK_SECRET } from './harness.js';

/**
 * A Resend (Standard Webhooks) delivery as the provider signs it: the body, and headers with the event's id, the
 * time of signing and the signature. The same id and body signed again is what a replay looks like.
 */
export function signedWebhook(payload: object, options: { id?: string; secret?: string } = {}) {
  const body = JSON.stringify(payload);
  const id = options.id ?? `msg_${Math.random().toString(36).slice(2)}`;
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const key = Buffer.from((options.secret ?? WEBHOOK_SECRET).replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return {
    id,
    body,
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': timestamp,
      'svix-signature': `v1,${signature}`,
    },
  };
}
