import { PARTIES, isFinal, type Decision, type Party, type State } from '../domain/contact-change.js';
import type { CancelInput, ChangeStatus, ContactChangeInput } from './messages.js';

export interface PartyDecision {
  decision: Decision;
  /** False while the activity that writes it down runs. */
  recorded: boolean;
  noteId?: string;
}

/** What settles a request while it waits for its contacts. */
export type Outcome = 'aborted' | 'refused' | 'doing';

/** What the workflow knows of one request: the main flow and the message handlers read and change it. */
export class ChangeRequest {
  readonly changeId: string;
  state: State = 'todo';
  sending = 1;
  lastSentAt = Date.now();
  remindersSent = 0;
  extensions = 0;
  /** Support may push the deadline back. */
  expiresAt: number;
  cancel: CancelInput | null = null;
  /** Set once the final state is written to PostgreSQL: handlers answer only then, so the API agrees with it. */
  projected = false;
  readonly decisions: Record<Party, PartyDecision | null> = { from: null, to: null };
  /** For a change the provider applies: `doing` is written, and the provider's word is awaited. */
  awaitingProvider = false;
  /** The provider's word on a change it applies, once given (the first of two racing words wins). */
  providerWord: { kind: 'applied' | 'failed'; by: string; noteId?: string } | null = null;
  /** The commit, when the last acceptance made it in the same step as its own recording. */
  committed: Promise<{ state: 'done' | 'error' }> | null = null;

  constructor(readonly input: ContactChangeInput) {
    this.changeId = input.changeId;
    this.expiresAt = input.expiresAt;
  }

  undecided(): Party[] {
    return PARTIES.filter((p) => this.decisions[p] === null);
  }

  status(): ChangeStatus {
    const { from, to } = this.decisions;
    return {
      state: this.state,
      sending: this.sending,
      decisions: { from: from?.decision ?? null, to: to?.decision ?? null },
      awaiting: isFinal(this.state) ? [] : this.undecided(),
    };
  }

  /** A decision is taken but not yet written down. */
  recording(): boolean {
    return PARTIES.some((p) => this.decisions[p] !== null && !this.decisions[p]!.recorded);
  }

  outcome(): Outcome | null {
    if (this.cancel) return 'aborted';
    if (this.recording()) return null;
    if (PARTIES.some((p) => this.decisions[p]?.decision === 'refused')) return 'refused';
    if (PARTIES.every((p) => this.decisions[p]?.decision === 'accepted')) return 'doing';
    return null;
  }

  refusal(): PartyDecision | undefined {
    return PARTIES.map((p) => this.decisions[p]).find((d) => d?.decision === 'refused') ?? undefined;
  }
}
