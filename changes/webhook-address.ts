import { lookup as lookupCallback, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateHost, webhookUrlRefusal } from '../domain/webhook-urls.js';

const privateRefusal = (host: string, address: string) =>
  `${host} resolves to ${address}, on this machine or a private network (set WEBHOOK_ALLOW_PRIVATE=true to allow it).`;

/**
 * Why events may not be sent to this address now, or null: the rules of `webhookUrlRefusal`, and, unless private
 * addresses are allowed, a host name that resolves to this machine or a private network (a public name pointed at
 * one). Asked when an endpoint is added; each delivery connects through `publicOnlyLookup`, since a name may be
 * pointed elsewhere at any time. A name that does not resolve is let through: nothing can be reached by it.
 */
export async function webhookAddressRefusal(text: string, allowPrivate: boolean): Promise<string | null> {
  const refusal = webhookUrlRefusal(text, allowPrivate);
  if (refusal || allowPrivate) return refusal;
  const host = new URL(text).hostname;
  if (isIP(host.replace(/^\[|\]$/g, ''))) return null;
  const addresses = await lookup(host, { all: true, verbatim: true }).catch(() => []);
  const inside = addresses.find((a) => isPrivateHost(a.address));
  return inside ? privateRefusal(host, inside.address) : null;
}

/**
 * The DNS lookup a delivery connects with: the addresses the name resolves to at the moment of connecting, refused
 * when one is on this machine or a private network. Checked there, not before, a name cannot answer a public address
 * to the check and a private one to the connection (DNS rebinding).
 */
export const publicOnlyLookup: LookupFunction = (host, options: LookupOptions, callback) => {
  lookupCallback(host, { ...options, all: true }, (err, found) => {
    if (err) return callback(err, '', 0);
    const addresses = found as unknown as LookupAddress[];
    const inside = addresses.find((a) => isPrivateHost(a.address));
    if (inside) {
      const refused = Object.assign(new Error(privateRefusal(host, inside.address)), { code: 'EPRIVATEADDRESS' });
      return callback(refused, '', 0);
    }
    if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
