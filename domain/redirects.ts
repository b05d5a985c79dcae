/** Control characters, which browsers drop from a URL (`/\t/evil.example` becomes `//evil.example`). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A leading `//`, `/\`, `\/`… once percent-decoded: a browser reads it as another host. */
const NETWORK_PATH = /^[/\\]{2}/;

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Where to send someone back to after a form (`next`, `back`): a path of this site only, never an open redirect.
 * The path is resolved against `baseUrl` (PUBLIC_BASE_URL) and kept only when it stays on its origin; control
 * characters, backslashes and a leading `//` are refused as they are and once percent-decoded, since browsers and
 * proxies drop or rewrite them. Null when it is not such a path; the caller falls back to its default page.
 */
export function sameSitePath(candidate: unknown, baseUrl: string): string | null {
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || candidate.length > 2000) return null;
  const plain = decoded(candidate);
  if (plain === null) return null;
  for (const text of [candidate, plain]) {
    if (CONTROL.test(text) || text.includes('\\') || NETWORK_PATH.test(text)) return null;
  }
  let url: URL;
  let base: URL;
  try {
    base = new URL(baseUrl);
    url = new URL(candidate, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
