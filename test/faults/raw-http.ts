import { connect } from 'node:net';
import fc from 'fast-check';

/** HTTP/1.1 on the wire for ./fuzz.test.ts: malformed requests as bytes, sent over a real socket, and the responses
 * read back from what the server wrote. */

/** `whole`: a request whose end the server can see (it then answers and closes); otherwise our side closes first. */
export interface RawRequest {
  bytes: Buffer;
  whole: boolean;
}

/** Bytes on the wire: too long, broken request lines, control bytes in headers, contradictory framing, noise. */
export function rawRequestOf(token: string): fc.Arbitrary<RawRequest> {
  const ok = `GET /api/v1/services HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n\r\n`;
  const latin1 = (min: number, max: number) =>
    fc.string({
      unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)),
      minLength: min,
      maxLength: max,
    });
  // Each is complete, or wrong before its end: the server can answer without waiting for more bytes.
  // Connection: close, so that a request the parser accepts is answered and the connection then closed.
  const text = fc
    .oneof(
      fc
        .integer({ min: 1_000, max: 70_000 })
        .map(
          (n) =>
            `GET /api/v1/contact-changes?q=${'x'.repeat(n)} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n\r\n`,
        ),
      fc
        .integer({ min: 1_000, max: 70_000 })
        .map((n) => `GET /api/v1/services HTTP/1.1\r\nHost: x\r\nCookie: cs_session=${'x'.repeat(n)}\r\n\r\n`),
      fc
        .tuple(
          fc.constantFrom('authorization', 'content-type', 'cookie', 'x-odd', 'content-length'),
          latin1(0, 10),
          fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 9),
          latin1(0, 10),
        )
        .map(
          ([name, a, c, b]) =>
            `GET /api/v1/profile HTTP/1.1\r\nHost: x\r\n${name}: ${a}${String.fromCharCode(c)}${b}\r\n\r\n`,
        ),
      // Not CONNECT: with no 'connect' listener, Node closes such a connection without a word, by design.
      fc
        .tuple(
          fc.constantFrom('GET', 'POST', 'BLAH', 'G ET', '', 'get', 'TRACE'),
          latin1(0, 40),
          fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/9.9', 'HTTP/1', 'http/1.1', 'HTTP/1.1 x', ''),
        )
        .map(([method, path, version]) => `${method} /api/v1/${path} ${version}\r\nHost: x\r\n\r\n`),
      fc
        .tuple(
          fc.constantFrom(
            'Content-Length: 5\r\nTransfer-Encoding: chunked',
            'Transfer-Encoding: chunked',
            'Content-Length: abc',
            'Content-Length: -1',
            'Content-Length: 1 2',
            'Content-Length: 3\r\nContent-Length: 4',
            'Transfer-Encoding: gzip, chunked',
            'Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked',
          ),
          fc.constantFrom(
            'zz\r\nabc\r\n0\r\n\r\n',
            '3\r\nabc\r\n0\r\n\r\n',
            'ffffffffffffffffff\r\n',
            '3;ext\r\nabc\r\n0\r\n\r\n',
            '{"token":"x"}',
          ),
        )
        .map(
          ([framing, body]) =>
            `POST /api/v1/contact-changes/x/accept HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${framing}\r\n\r\n${body}`,
        ),
    )
    .map((t) => t.replace('Host: x\r\n', 'Host: x\r\nConnection: close\r\n'));
  return fc
    .oneof(
      { weight: 6, arbitrary: text.map((t) => ({ bytes: Buffer.from(t, 'latin1'), whole: true })) },
      // A good request, then a bad one on the same connection: the first gets its answer, the second a problem.
      { weight: 2, arbitrary: text.map((t) => ({ bytes: Buffer.from(ok + t, 'latin1'), whole: true })) },
      {
        weight: 1,
        arbitrary: fc
          .uint8Array({ minLength: 1, maxLength: 300 })
          .map((b) => ({ bytes: Buffer.from(b), whole: false })),
      },
    )
    .map((r) =>
      Object.defineProperty(r, fc.toStringMethod, {
        value: () => JSON.stringify(r.bytes.toString('latin1').replace(/x{200,}/g, (m) => `x…(${m.length})`)),
      }),
    );
}

/**
 * Sends the bytes and returns everything the server wrote before it closed. Noise is followed by our end of the
 * stream; a whole request is not, since Node drops the answer to a request whose client has half-closed.
 */
export function rawExchange(port: number, raw: RawRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => {
      /* a reset after the answer */
    });
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.setTimeout(20_000, () => {
      socket.destroy();
      reject(new Error('the server neither answered nor closed'));
    });
    if (raw.whole) socket.write(raw.bytes);
    else socket.end(raw.bytes);
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}

/** HTTP/1.1 responses one after another, framed by Content-Length or chunked. */
export function parseResponses(data: Buffer): RawResponse[] {
  const responses: RawResponse[] = [];
  let at = 0;
  while (at < data.length) {
    const end = data.indexOf('\r\n\r\n', at);
    if (end < 0)
      throw new Error(`an incomplete response: ${JSON.stringify(data.subarray(at).toString('latin1').slice(0, 300))}`);
    const [statusLine, ...lines] = data.subarray(at, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
    if (!status) throw new Error(`not a status line: ${JSON.stringify(statusLine)}`);
    const headers = Object.fromEntries(
      lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    let body: Buffer;
    at = end + 4;
    if (headers['transfer-encoding'] === 'chunked') {
      const parts: Buffer[] = [];
      for (;;) {
        const lineEnd = data.indexOf('\r\n', at);
        const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
        at = lineEnd + 2;
        if (!size) {
          at += 2;
          break;
        }
        parts.push(data.subarray(at, at + size));
        at += size + 2;
      }
      body = Buffer.concat(parts);
    } else {
      const length = Number(headers['content-length'] ?? 0);
      body = data.subarray(at, at + length);
      at += length;
    }
    responses.push({ status, headers, body, text: `${statusLine} ${body.toString('utf8').slice(0, 300)}` });
  }
  return responses;
}
