import type { FastifyInstance } from 'fastify';
import { Resend } from 'resend';
import { recordDelivery } from '../changes/deliveries.js';
import { Problem } from '../core/problems.js';

const STATUS = {
  'email.delivered': 'delivered',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
} as const;
const EVENT = { delivered: 'emailDelivered', bounced: 'emailBounced', complained: 'emailComplained' } as const;

interface ResendEvent {
  type: string;
  /** When the event happened at the provider; deliveries may arrive out of order and be retried. */
  created_at?: string;
  data?: { email_id?: string };
}

/** The event's own time, or its arrival when it has none that parses. */
const timeOf = (event: ResendEvent): Date => {
  const at = new Date(event.created_at ?? '');
  return Number.isNaN(at.getTime()) ? new Date() : at;
};

/**
 * Resend's delivery webhooks, signature checked, each event id taken once, written to the request's timeline.
 * Encapsulated: it reads raw bodies.
 */
export default async function webhooks(app: FastifyInstance) {
  const { resendApiKey, webhookSecret } = app.ctx.config.mail;
  const resend = resendApiKey && webhookSecret ? new Resend(resendApiKey) : null;
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post('/webhooks/resend', { schema: { hide: true } }, async (request, reply) => {
    if (!resend || !webhookSecret)
      throw new Problem('webhooksOff', 'Set RESEND_API_KEY and RESEND_WEBHOOK_SECRET to receive Resend webhooks.');
    const header = (name: string) => String(request.headers[name] ?? '');
    let event: ResendEvent;
    try {
      event = resend.webhooks.verify({
        payload: String(request.body ?? ''),
        headers: { id: header('svix-id'), timestamp: header('svix-timestamp'), signature: header('svix-signature') },
        webhookSecret,
      }) as ResendEvent;
    } catch {
      throw new Problem(
        'invalidSignature',
        'The webhook signature does not match RESEND_WEBHOOK_SECRET, or it is too old.',
      );
    }
    const status = STATUS[event.type as keyof typeof STATUS];
    const providerId = event.data?.email_id;
    if (!status || !providerId) return reply.code(204).send();
    // A replay (the same svix-id, signed again within its 5 minutes) is answered as the first time, and does nothing.
    await recordDelivery(app.ctx, {
      eventId: header('svix-id'),
      providerId,
      status,
      at: timeOf(event),
      eventType: EVENT[status],
    });
    return reply.code(204).send();
  });
}
