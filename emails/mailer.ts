import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resend } from 'resend';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  idempotencyKey: string;
  tags: Record<string, string>;
}

export interface Mailer {
  /** Resolves with the provider's id; throws MailError when the provider refuses. */
  send(email: OutgoingEmail): Promise<{ id: string }>;
}

export class MailError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

// 401/403 are retried too: a key fixed by the operator lets the pending emails through.
const RETRYABLE_STATUS = new Set([401, 403, 429]);

function retryAfterMs(headers: Record<string, string> | null): number | undefined {
  const value = headers?.['retry-after'];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export class ResendMailer implements Mailer {
  private readonly resend: Resend;

  constructor(
    apiKey: string,
    private readonly from: string,
    baseUrl?: string,
  ) {
    this.resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  }

  async send(email: OutgoingEmail): Promise<{ id: string }> {
    const { data, error, headers } = await this.resend.emails.send(
      {
        from: this.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        tags: Object.entries(email.tags).map(([name, value]) => ({ name, value })),
      },
      { idempotencyKey: email.idempotencyKey },
    );
    if (data) return { id: data.id };
    const status = error?.statusCode ?? null;
    const retryable =
      status === null ||
      status >= 500 ||
      RETRYABLE_STATUS.has(status) ||
      error?.name === 'concurrent_idempotent_requests';
    throw new MailError(
      `Resend ${status ?? 'unreachable'} ${error?.name ?? ''}: ${error?.message ?? ''}`.trim(),
      retryable,
      retryAfterMs(headers),
    );
  }
}

export interface StoredEmail extends Omit<OutgoingEmail, 'idempotencyKey'> {
  id: string;
  from: string;
  sentAt: string;
}

/**
 * The development mailbox: without an email provider, emails are kept as files under DATA_DIR and shown at
 * /dev/mailbox. It stands for the recipients' inboxes, so it holds what they would receive, tokens included.
 */
export class DevMailbox implements Mailer {
  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {}

  async send(email: OutgoingEmail): Promise<{ id: string }> {
    const id = `dev_${createHash('sha256').update(email.idempotencyKey).digest('hex').slice(0, 20)}`;
    const { idempotencyKey: _, ...rest } = email;
    const stored: StoredEmail = { ...rest, id, from: this.from, sentAt: new Date().toISOString() };
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFile(path.join(this.dir, `${id}.json`), JSON.stringify(stored), { flag: 'wx', mode: 0o600 }).catch(
      (err) => {
        if (err.code !== 'EEXIST') throw err;
      },
    );
    return { id };
  }

  async list(): Promise<StoredEmail[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const emails = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => this.read(n.slice(0, -5))));
    return emails.filter((e): e is StoredEmail => e !== null).sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  }

  async read(id: string): Promise<StoredEmail | null> {
    if (!/^dev_[0-9a-f]{20}$/.test(id)) return null;
    const text = await readFile(path.join(this.dir, `${id}.json`), 'utf8').catch(() => null);
    return text ? (JSON.parse(text) as StoredEmail) : null;
  }
}
