import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** An account's API token: random, shown once, stored only as its digest. */
export const newApiToken = () => `cs_${randomBytes(24).toString('base64url')}`;

/** What is stored of a token given out once (an API token, a session cookie): its SHA-256, never the token. */
export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

/** `read`: GET and HEAD only; `full`: whatever the account may do. Tokens issued through the admin API are `full`. */
export const API_TOKEN_SCOPES = ['read', 'full'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Methods a `read` token may use. */
export const isReadMethod = (method: string) => method === 'GET' || method === 'HEAD';

/** A token's last use is written at most this often: no write per request. */
export const TOKEN_USE_RECORDED_EVERY_MS = 60_000;

export const MAX_TOKEN_NAME = 100;

/** A new token as its owner names it, through the API and the page alike. */
export const apiTokenInput = z.object({
  name: z
    .string()
    .trim()
    .regex(/\S/, 'name the token, e.g. after what uses it')
    .max(MAX_TOKEN_NAME)
    .describe('what the token is for, e.g. "billing export"'),
  scope: z.enum(API_TOKEN_SCOPES).describe('`read`: GET and HEAD only; `full`: everything the account may do'),
});
export type ApiTokenInput = z.infer<typeof apiTokenInput>;
