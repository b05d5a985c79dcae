import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A POST the receiver took, as it came: its Standard Webhooks headers and body, and the answer it gave. */
export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  event: { type: string; timestamp: string; data: { id: string; [k: string]: unknown } };
  answered: number;
}

/**
 * The provider's side: a local HTTP server that takes webhook deliveries, answers 204, or 500 to the deliveries
 * `failOnce` names (once each) and to those sent to an address `down` gave until it is fixed, and checks signatures
 * with the standardwebhooks library.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private server: Server | null = null;
  private failing: ((r: Received) => boolean)[] = [];
  private broken = new Set<string>();
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => String(req.headers[name] ?? '');
        const got: Received = {
          id: header('webhook-id'),
          timestamp: header('webhook-timestamp'),
          signature: header('webhook-signature'),
          body,
          event: JSON.parse(body) as Received['event'],
          answered: 204,
        };
        const fail = this.failing.findIndex((f) => f(got));
        if (this.broken.has(req.url ?? '')) {
          got.answered = 500;
        } else if (fail !== -1) {
          this.failing.splice(fail, 1);
          got.answered = 500;
        }
        this.received.push(got);
        res.writeHead(got.answered).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
    return this;
  }

  /** The next delivery that passes `match` gets a 500. */
  failOnce(match: (r: Received) => boolean): void {
    this.failing.push(match);
  }

  /** An address of this receiver that answers 500 to everything until `fix` is called with it. */
  down(name: string): string {
    const url = `${this.url}/${name}`;
    this.broken.add(new URL(url).pathname);
    return url;
  }

  fix(url: string): void {
    this.broken.delete(new URL(url).pathname);
  }

  /** What was received about one request, in arrival order. */
  about(changeId: string): Received[] {
    return this.received.filter((r) => r.event.data.id === changeId);
  }

  /** Whether `secret` verifies the delivery, as an integrator's code would check it. */
  static verifies(r: Received, secret: string): boolean {
    try {
      new Webhook(secret).verify(r.body, {
        'webhook-id': r.id,
        'webhook-timestamp': r.timestamp,
        'webhook-signature': r.signature,
      });
      return true;
    } catch {
      return false;
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
