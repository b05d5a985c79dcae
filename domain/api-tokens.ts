import { createHash, randomBytes } from 'node:crypto';

/** An account's API token: random, shown once, stored only as its digest. */
export const newApiToken = () => `cs_${randomBytes(24).toString('base64url')}`;

/** What is stored of a token given out once (an API token, a session cookie): its SHA-256, never the token. */
export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');
