import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPrivateHost, webhookUrlRefusal } from '../domain/webhook-urls.js';

/**
 * Why events may not be sent to this address now, or null: the rules of `webhookUrlRefusal`, and, unless private
 * addresses are allowed, a host name that resolves to this machine or a private network (a public name pointed at
 * one). Asked when an endpoint is added and before each attempt, since a name may be pointed elsewhere at any time.
 * A name that does not resolve is let through: nothing can be reached by it, and the attempt will say so.
 */
export async function webhookAddressRefusal(text: string, allowPrivate: boolean): Promise<string | null> {
  const refusal = webhookUrlRefusal(text, allowPrivate);
  if (refusal || allowPrivate) return refusal;
  const host = new URL(text).hostname;
  if (isIP(host.replace(/^\[|\]$/g, ''))) return null;
  const addresses = await lookup(host, { all: true, verbatim: true }).catch(() => []);
  const inside = addresses.find((a) => isPrivateHost(a.address));
  return inside
    ? `${host} resolves to ${inside.address}, on this machine or a private network (set WEBHOOK_ALLOW_PRIVATE=true to allow it).`
    : null;
}
