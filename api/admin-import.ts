import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requesterOf } from '../core/requester.js';
import { Problem } from '../core/problems.js';
import { importLines, MAX_ERRORS, type ImportLine } from '../services/import.js';
import { accountBody } from './admin.js';
import { externalId, providerService } from './admin-provider.js';
import { problemsFor } from './problems.js';

/** A line longer than this is refused: the import reads a line at a time, and a line is one account or service. */
const MAX_LINE_BYTES = 64 * 1024;

const lineSchema = z.discriminatedUnion('type', [
  accountBody.extend({ type: z.literal('account'), externalId }),
  providerService.extend({ type: z.literal('service'), externalId }),
]);

/** The body's lines as they arrive, never more than one line held at a time. */
async function* linesOf(body: Readable): AsyncGenerator<{ line: number; text: string }> {
  let buffered = '';
  let line = 0;
  body.setEncoding('utf8');
  for await (const chunk of body as AsyncIterable<string>) {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf('\n')) >= 0) {
      line += 1;
      yield { line, text: buffered.slice(0, end) };
      buffered = buffered.slice(end + 1);
    }
    if (Buffer.byteLength(buffered) > MAX_LINE_BYTES) {
      throw new Problem(
        'invalidRequest',
        `Line ${line + 1} is longer than ${MAX_LINE_BYTES / 1024} KiB; the lines before it were imported.`,
      );
    }
  }
  if (buffered.trim()) yield { line: line + 1, text: buffered };
}

/** Each line read and checked as its PUT's body would be; a line that is not is that line's error. */
async function* itemsOf(body: Readable): AsyncGenerator<ImportLine> {
  for await (const { line, text } of linesOf(body)) {
    if (!text.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      yield { line, error: { code: 'invalidRequest', detail: 'This line is not JSON.' } };
      continue;
    }
    const parsed = lineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.join('.');
      yield { line, error: { code: 'invalidRequest', detail: where ? `${where}: ${issue.message}` : issue.message } };
      continue;
    }
    const { type, externalId: id, ...rest } = parsed.data;
    yield type === 'account'
      ? { line, item: { type, externalId: id, account: rest as z.infer<typeof accountBody> } }
      : { line, item: { type, externalId: id, service: rest as z.infer<typeof providerService> } };
  }
}

const report = z.object({
  lines: z.number().int().describe('lines read, blank ones not counted'),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  errors: z
    .array(z.object({ line: z.number().int(), code: z.string(), detail: z.string() }))
    .describe(`the first ${MAX_ERRORS} lines that failed`),
});

/** The provider's bulk load. Encapsulated: it reads its body as a stream of lines. */
export default async function adminImport(appRoot: FastifyInstance) {
  const app = appRoot.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser('application/x-ndjson', (_request, payload, done) => done(null, payload));

  app.post(
    '/api/v1/admin/import',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Load accounts and services by the provider’s ids, one JSON object per line (NDJSON)',
        description: [
          'Content type `application/x-ndjson`. Each line is `{"type": "account", "externalId", …}` with the body of',
          '`PUT /api/v1/admin/accounts/external/{externalId}`, or `{"type": "service", "externalId", …}` with that of',
          '`PUT /api/v1/admin/services/external/{externalId}`, in order (an account before the services naming it).',
          'Read as it arrives and written in batches; a line the same as what is stored changes nothing, so the same',
          'file loaded again is `unchanged` throughout. A line that cannot be taken is counted in `failed` with its',
          'number and why; the others are written. A line is at most 64 KiB.',
        ].join(' '),
        // Read as a stream, not through a schema: the published document gets its body from here.
        'x-request-body': {
          required: true,
          content: {
            'application/x-ndjson': {
              schema: { type: 'string', format: 'binary', description: 'one JSON object per line' },
            },
          },
        },
        response: { 200: report, ...problemsFor(400, 401, 404, 415) },
      },
    },
    async (request) => {
      if (!request.headers['content-type']?.startsWith('application/x-ndjson')) {
        throw new Problem('unsupportedMediaType', 'Send the lines as application/x-ndjson.');
      }
      return importLines(app.ctx, itemsOf(request.body as Readable), requesterOf(request));
    },
  );
}
