import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  idempotencyKey: string | null;
  /** The tags the product sent (kind, request), by name. */
  tags: Record<string, string>;
  at: number;
}

interface Failure {
  status: number;
  name: string;
  headers?: Record<string, string>;
  times: number;
  to?: string;
}

/** A provider that fails some sends at random; see FakeResend.flaky(). */
export interface Flakiness {
  /** The share of sends that fail, from 0 to 1. */
  rate: number;
  /** 500 unless told. */
  status?: number;
  /**
   * The share of those failures that come after the email was accepted, as when the provider's answer is lost
   * on the way back: the email is kept (and its idempotency key remembered), but the caller sees the error.
   */
  lostAnswers?: number;
  random?: () => number;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

/**
 * A local HTTP server that speaks the part of Resend's API the product uses (POST /emails), so the real SDK
 * runs against it. It keeps what it accepted, honours idempotency keys as Resend does, and can be told to fail.
 */
export class FakeResend {
  readonly emails: ReceivedEmail[] = [];
  /** Every POST it answered, failed or not, in order. */
  readonly attempts: { to: string; status: number; at: number }[] = [];
  private failures: Failure[] = [];
  private listeners: ((email: ReceivedEmail) => void)[] = [];
  private flakiness: Flakiness | null = null;
  private outage: { status: number } | null = null;
  private server!: Server;

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` sends (to `to`, if given) get this error. */
  fail(failure: Failure): void {
    this.failures.push({ ...failure });
  }

  /** From now on, a share of the sends fail at random (until steady() or recover()). */
  flaky(flakiness: Flakiness): void {
    this.flakiness = { ...flakiness };
  }

  steady(): void {
    this.flakiness = null;
  }

  /** Every send fails with this status (503 unless told) until up() or recover(). */
  down(status = 503): void {
    this.outage = { status };
  }

  up(): void {
    this.outage = null;
  }

  /** Clears every failure: the ones queued by fail(), flaky() and down(). */
  recover(): void {
    this.failures = [];
    this.flakiness = null;
    this.outage = null;
  }

  /** Calls `listener` with each email it accepts, before it answers; returns a function that stops it. */
  onEmail(listener: (email: ReceivedEmail) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  to(address: string): ReceivedEmail[] {
    return this.emails.filter((e) => e.to === address);
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse) {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/emails')
      return send(404, { statusCode: 404, name: 'not_found', message: 'Not found' });
    if (req.headers.authorization !== 'Bearer re_test_key') {
      return send(401, { statusCode: 401, name: 'invalid_api_key', message: 'API key is invalid' });
    }
    const payload = JSON.parse(await readBody(req)) as {
      to: string | string[];
      subject: string;
      text: string;
      html: string;
      tags?: { name: string; value: string }[];
    };
    const to = Array.isArray(payload.to) ? payload.to[0]! : payload.to;
    const failWith = (status: number, name: string) => {
      this.attempts.push({ to, status, at: Date.now() });
      return send(status, { statusCode: status, name, message: `simulated ${name}` });
    };
    if (this.outage) return failWith(this.outage.status, 'application_error');
    let lostAnswer = false;
    if (this.flakiness) {
      const { rate, status = 500, lostAnswers = 0, random = Math.random } = this.flakiness;
      if (random() < rate) {
        if (random() >= lostAnswers) return failWith(status, 'internal_server_error');
        lostAnswer = true;
      }
    }
    const failure = this.failures.find((f) => f.times > 0 && (!f.to || f.to === to));
    if (failure) {
      failure.times -= 1;
      this.attempts.push({ to, status: failure.status, at: Date.now() });
      return send(
        failure.status,
        { statusCode: failure.status, name: failure.name, message: `simulated ${failure.name}` },
        failure.headers,
      );
    }
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    const earlier = key ? this.emails.find((e) => e.idempotencyKey === key) : undefined;
    if (earlier) {
      if (lostAnswer && earlier.text === payload.text) return failWith(500, 'internal_server_error');
      this.attempts.push({ to, status: 200, at: Date.now() });
      if (earlier.text !== payload.text) {
        return send(409, {
          statusCode: 409,
          name: 'invalid_idempotent_request',
          message: 'Same idempotency key, different payload',
        });
      }
      return send(200, { id: earlier.id });
    }
    const tags = Object.fromEntries((payload.tags ?? []).map((t) => [t.name, t.value]));
    const email = {
      id: randomUUID(),
      to,
      subject: payload.subject,
      text: payload.text,
      html: payload.html,
      idempotencyKey: key,
      tags,
      at: Date.now(),
    };
    this.emails.push(email);
    for (const listener of this.listeners) listener(email);
    if (lostAnswer) return failWith(500, 'internal_server_error');
    this.attempts.push({ to, status: 200, at: Date.now() });
    return send(200, { id: email.id });
  }
}

/** The token on its own line in an email's text part. */
export function tokenIn(email: ReceivedEmail): string {
  const match = /#token=([A-Za-z0-9_-]{43})/.exec(email.text);
  if (!match) throw new Error(`no token in the email "${email.subject}"`);
  return match[1]!;
}
