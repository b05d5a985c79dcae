import type { FakeResend } from '../../test/support/fake-resend.js';

const LINK = /\/requests\/([A-Za-z0-9_-]+)\/decision[^#\s]*#token=([A-Za-z0-9_-]{43})/;

/** Reads the stand-in Resend's accepted emails as they come: each request's tokens, and every email per request. */
export class Mailbox {
  private read = 0;
  readonly tokens = new Map<string, Map<string, string>>();

  constructor(private readonly resend: FakeResend) {}

  private catchUp(): void {
    for (; this.read < this.resend.emails.length; this.read++) {
      const email = this.resend.emails[this.read]!;
      const link = LINK.exec(email.text);
      if (!link) continue;
      const byAddress = this.tokens.get(link[1]!) ?? new Map<string, string>();
      byAddress.set(email.to, link[2]!);
      this.tokens.set(link[1]!, byAddress);
    }
  }

  /** The token emailed to `to` for request `id`, once it has arrived. */
  async token(id: string, to: string, timeoutMs = 120_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.catchUp();
      const token = this.tokens.get(id)?.get(to);
      if (token) return token;
      if (Date.now() > deadline) throw new Error(`no token email to ${to} for ${id}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Emails that went out twice: the same recipient, subject and text (each names its request). */
  duplicates(): number {
    const seen = new Set<string>();
    let twice = 0;
    for (const email of this.resend.emails) {
      const key = `${email.to}\n${email.subject}\n${email.text}`;
      if (seen.has(key)) twice += 1;
      seen.add(key);
    }
    return twice;
  }
}
