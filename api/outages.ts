import { isGrpcServiceError } from '@temporalio/client';

// gRPC: UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED.
const TEMPORAL_UNAVAILABLE = new Set([14, 4, 8]);
// postgres.js connection errors, and PostgreSQL's shutdown and "cannot connect now" codes.
const POSTGRES_UNAVAILABLE = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT', '57P01', '57P02', '57P03', '53300',
]);

/** Whether an error, or one of its causes, says that Temporal or PostgreSQL cannot be reached right now. */
export function isOutage(error: unknown): boolean {
  for (let err = error, depth = 0; err && depth < 8; err = (err as { cause?: unknown }).cause, depth++) {
    if (isGrpcServiceError(err) && TEMPORAL_UNAVAILABLE.has(err.code)) return true;
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && POSTGRES_UNAVAILABLE.has(code)) return true;
  }
  return false;
}
