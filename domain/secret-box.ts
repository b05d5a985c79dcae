import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A small secret kept in the database that the application must read back (an authenticator app's secret), sealed
 * with AES-256-GCM. The key is derived from TOKEN_SECRET with HKDF-SHA256 under a purpose label, so that one
 * purpose's key never opens another's box, and nothing but TOKEN_SECRET needs keeping. `bound` (an account id) is
 * authenticated with the box: a box copied to another row does not open there.
 *
 * A box is "v1.<iv>.<ciphertext>.<tag>", each part base64url. Changing TOKEN_SECRET leaves every box unopenable.
 */
export type SecretPurpose = 'totp' | 'webhook';

const VERSION = 'v1';

const keyOf = (tokenSecret: string, purpose: SecretPurpose) =>
  Buffer.from(hkdfSync('sha256', tokenSecret, 'countersign secret-box', `${VERSION}\0${purpose}`, 32));

export function seal(tokenSecret: string, purpose: SecretPurpose, bound: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(tokenSecret, purpose), iv);
  cipher.setAAD(Buffer.from(bound));
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, ...[iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url'))].join('.');
}

/** The secret in the box, or null when the box is malformed, was sealed under another key, purpose or row. */
export function open(tokenSecret: string, purpose: SecretPurpose, bound: string, box: string): string | null {
  const [version, iv, sealed, tag, ...rest] = box.split('.');
  if (version !== VERSION || !iv || sealed === undefined || !tag || rest.length) return null;
  try {
    const key = keyOf(tokenSecret, purpose);
    // The tag's length is fixed: a shortened tag would be easier to forge.
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(bound));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
