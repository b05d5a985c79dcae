import { STATUS_CODES } from 'node:http';

/**
 * The published document says what the server does, so that a client generated from it, or a contract tester, finds
 * no difference: an error is `application/problem+json` (the schemas give `application/json`), a 204 has no body,
 * and every operation may answer 414 (a URL part too long), 429 (the per-address limit, RATE_LIMIT_PER_MINUTE) and,
 * when it takes a body, 415 (a content type it does not read), all as problems; one that reads input may answer 400
 * (it breaks the schema) and 422 (a value refused in a request that fits the schema). A body that may be left out
 * is not `required`.
 */

type Responses = Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
type Body = { required?: boolean; content?: Record<string, { schema?: { nullable?: boolean } }> };
type Operation = { responses?: Responses; parameters?: unknown[]; requestBody?: Body; 'x-request-body'?: Body };
type Document = { paths?: Record<string, Record<string, Operation>> };

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

export function publishedContract<T>(document: T): T {
  for (const item of Object.values((document as Document).paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      // A route that reads its body as a stream states it itself; a body that may be left out is not required.
      if (operation['x-request-body']) {
        operation.requestBody = operation['x-request-body'];
        delete operation['x-request-body'];
      }
      const body = operation.requestBody;
      if (body?.content && Object.values(body.content).every((c) => c.schema?.nullable)) body.required = false;
      const responses = (operation.responses ??= {});
      for (const [code, response] of Object.entries(responses)) {
        const status = Number(code);
        if (response.description === 'Default Response') response.description = STATUS_CODES[status] ?? code;
        if (status === 204) delete response.content;
        else if (status >= 400 && response.content?.['application/json']) {
          response.content = { 'application/problem+json': response.content['application/json'] };
        }
      }
      // An operation that reads input refuses what breaks its schema (400), and a value refused in a request that
      // fits the schema (a check no schema states) is 422.
      if (operation.parameters?.length || operation.requestBody) {
        responses['400'] ??= { description: STATUS_CODES[400], content: PROBLEM };
        responses['422'] ??= { description: STATUS_CODES[422], content: PROBLEM };
      }
      responses['414'] ??= { description: STATUS_CODES[414], content: PROBLEM };
      responses['429'] ??= { description: STATUS_CODES[429], content: PROBLEM };
      if (operation.requestBody) responses['415'] ??= { description: STATUS_CODES[415], content: PROBLEM };
    }
  }
  return document;
}
