import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { Harness } from '../support/harness.js';

/** A worker in a process of its own (test/faults/worker-process.ts), on the harness's task queues. */
export class ChildWorker {
  private constructor(
    readonly child: ChildProcess,
    readonly exited: Promise<void>,
  ) {}

  static async start(h: Harness): Promise<ChildWorker> {
    const entry = fileURLToPath(new URL('./worker-process.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: { ...process.env, ...h.env, LOG_LEVEL: 'error', WORKFLOW_BUNDLE: inject('workflowBundlePath') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const stderr: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr.push(String(chunk));
      if (stderr.length > 50) stderr.shift();
    });
    const ready = new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line === 'ready') resolve();
      });
      void exited.then(() => reject(new Error(`the worker process exited before it was ready:\n${stderr.join('')}`)));
    });
    const worker = new ChildWorker(child, exited);
    const timer = new AbortController();
    try {
      await Promise.race([
        ready,
        sleep(120_000, null, { signal: timer.signal }).then(() => {
          throw new Error('the worker process was not ready within 120 s');
        }),
      ]);
    } catch (err) {
      await worker.kill();
      throw err;
    } finally {
      timer.abort();
    }
    return worker;
  }

  /** Whether the process runs and has not been sent SIGKILL. */
  get alive(): boolean {
    return !this.child.killed && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends SIGKILL now, without waiting for the process to go. */
  signal(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
