import type { FastifyReply } from 'fastify';
import { escapeHtml } from '../../emails/html.js';

// One escaping for emails and pages.
export { escapeHtml };

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}
/** Marks text that is already safe HTML. */
export const raw = (value: string) => new Html(value);

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const part = (v: unknown): string =>
    v instanceof Html
      ? v.value
      : Array.isArray(v)
        ? v.map(part).join('')
        : v === null || v === undefined || v === false
          ? ''
          : escapeHtml(String(v));
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''));
}

/**
 * Pages handle tokens and personal data: never cached. Not framed, no Referer and their CSP come with every
 * answer (core/security-headers.ts).
 */
export function sendSensitivePage(reply: FastifyReply, status: number, body: string) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(body);
}
