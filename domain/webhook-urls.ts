import { isIP } from 'node:net';

const PRIVATE_V4 = [
  [0x0a000000, 8], // 10.0.0.0/8
  [0xac100000, 12], // 172.16.0.0/12
  [0xc0a80000, 16], // 192.168.0.0/16
  [0x7f000000, 8], // 127.0.0.0/8
  [0xa9fe0000, 16], // 169.254.0.0/16, link-local and cloud metadata
  [0x64400000, 10], // 100.64.0.0/10, carrier-grade NAT
  [0x00000000, 8], // 0.0.0.0/8
] as const;

function isPrivateV4(address: string): boolean {
  const n = address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  return PRIVATE_V4.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));
}

function isPrivateV6(address: string): boolean {
  const a = address.toLowerCase();
  if (a === '::1' || a === '::') return true;
  if (a.startsWith('::ffff:')) return isIP(a.slice(7)) === 4 && isPrivateV4(a.slice(7));
  return /^f[cd]/.test(a) || /^fe[89ab]/.test(a);
}

/** Whether a host names this machine or a private network by itself: localhost, or a loopback/private address. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const kind = isIP(host);
  if (kind === 4) return isPrivateV4(host);
  if (kind === 6) return isPrivateV6(host);
  return false;
}

/**
 * Why events may not be sent to this address, or null. Only http(s); and unless allowed (outside production, or
 * WEBHOOK_ALLOW_PRIVATE), not this machine or a private network named by address, which would let whoever holds the
 * admin key make the server call what only it can reach. A name that resolves to a private address is caught by
 * `changes/webhook-address.ts`, which resolves it.
 */
export function webhookUrlRefusal(text: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'The webhook address is not a URL.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'A webhook address starts with https:// or http://.';
  if (url.username || url.password) return 'A webhook address carries no user name or password.';
  if (!allowPrivate && isPrivateHost(url.hostname))
    return 'A webhook address may not be this machine or a private network (set WEBHOOK_ALLOW_PRIVATE=true to allow it).';
  return null;
}
