import net from 'node:net';

/** A TCP port that was free on 127.0.0.1 a moment ago (another process may still grab it before you do). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not read the port of a listening socket'))));
    });
  });
}

/** Fails with a message naming the port when something already listens on 127.0.0.1:port. */
export function assertPortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`${what}: port ${port} on 127.0.0.1 is already in use`)
          : new Error(`${what}: cannot use port ${port} on 127.0.0.1: ${err.message}`),
      );
    });
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve()));
  });
}
