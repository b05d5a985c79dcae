import fastifyStatic from '@fastify/static';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** `/assets/style.css` as pages link it: `/assets/style.3f2a9c1b.css`, which may be cached for good. */
    assetUrl(href: string): string;
  }
}

const DIR = fileURLToPath(new URL('../assets/', import.meta.url));
/** A plain name may change with the next release; a fingerprinted name never does. */
const SHORT = { maxAge: '5m' };
const FOREVER = { maxAge: '365d', immutable: true };

/** `style.css` and its content: `style.3f2a9c1b.css`. The hash goes in the name so that the extension stays last. */
const fingerprinted = (name: string, content: Buffer) =>
  name.replace(/\.[^.]+$/, (ext) => `.${createHash('sha256').update(content).digest('hex').slice(0, 8)}${ext}`);

/** A fingerprinted name read back: the plain name is $1$2. */
const FINGERPRINTED = /^(.+)\.[0-9a-f]{8}(\.[^.]+)$/;

/**
 * The files of web/assets, nothing from another site. Fingerprinted once at start: pages link
 * `/assets/<name>.<hash>.<ext>`, cached for a year; the plain name still answers, cached for minutes (old pages).
 */
export default fp(
  async (app: FastifyInstance) => {
    const files = (await readdir(DIR, { withFileTypes: true })).filter((entry) => entry.isFile());
    const byName = new Map<string, string>();
    for (const { name } of files) byName.set(name, fingerprinted(name, await readFile(`${DIR}${name}`)));

    app.decorate('assetUrl', (href: string) => {
      const name = href.startsWith('/assets/') ? byName.get(href.slice('/assets/'.length)) : undefined;
      return name ? `/assets/${name}` : href;
    });

    await app.register(async (scope) => {
      // One route per file for the plain names (wildcard: false), so that the route below gets the others.
      await scope.register(fastifyStatic, { root: DIR, prefix: '/assets/', wildcard: false, index: false, ...SHORT });
      scope.get('/assets/:file', { schema: { hide: true } }, async (request, reply) => {
        const { file } = request.params as { file: string };
        const plain = file.replace(FINGERPRINTED, '$1$2');
        if (plain === file || !byName.has(plain)) return reply.callNotFound();
        // A page of the previous release asks for the previous hash: the file as it is now, not for good.
        return reply.sendFile(plain, byName.get(plain) === file ? FOREVER : SHORT);
      });
      // Browsers ask for it on their own, whatever the page links: the icon rather than a 404.
      scope.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) =>
        reply.sendFile('favicon.ico', { maxAge: '1d' }),
      );
    });
  },
  { name: 'assets' },
);
