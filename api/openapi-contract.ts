import { STATUS_CODES } from 'node:http';

/**
 * The published document says what the server does, so that a client generated from it, or a contract tester, finds
 * no difference: an error is `application/problem+json` (the schemas give `application/json`), a 204 has no body,
 * and every operation may answer 414 (a URL part too long), 429 (the per-address limit, RATE_LIMIT_PER_MINUTE) and,
 * when it takes a body, 415 (a content type it does not read), all as problems.
 */

type Responses = Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
type Operation = { responses?: Responses; requestBody?: unknown };
type Document = { paths?: Record<string, Record<string, Operation>> };

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

export function publishedContract<T>(document: T): T {
  for (const item of Object.values((document as Document).paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const responses = (operation.responses ??= {});
      for (const [code, response] of Object.entries(responses)) {
        const status = Number(code);
        if (response.description === 'Default Response') response.description = STATUS_CODES[status] ?? code;
        if (status === 204) delete response.content;
        else if (status >= 400 && response.content?.['application/json']) {
          response.content = { 'application/problem+json': response.content['application/json'] };
        }
      }
      responses['414'] ??= { description: STATUS_CODES[414], content: PROBLEM };
      responses['429'] ??= { description: STATUS_CODES[429], content: PROBLEM };
      if (operation.requestBody) responses['415'] ??= { description: STATUS_CODES[415], content: PROBLEM };
    }
  }
  return document;
}
