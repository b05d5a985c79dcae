import { createHash, randomBytes } from 'node:crypto';

/** An account's API token: random, shown once, stored only as this digest. */
export const newApiToken = () => `cs_${randomBytes(24).toString('base64url')}`;
export const hashApiToken = (token: string) => createHash('sha256').update(token).digest('hex');
