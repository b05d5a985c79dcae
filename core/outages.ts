import { isGrpcServiceError } from '@temporalio/client';

// gRPC: UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED.
const TEMPORAL_UNAVAILABLE = new Set([14, 4, 8]);
// postgres.js connection errors, and PostgreSQL's shutdown and "cannot connect now" codes.
const POSTGRES_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

// FAILED_PRECONDITION with a WorkflowNotReadyFailure detail: the workflow cannot take an update or a query right now,
// because its workflow task keeps failing (workers crashing in turn, say); it can again once a worker completes it.
const FAILED_PRECONDITION = 9;
const WORKFLOW_NOT_READY = 'temporal.api.errordetails.v1.WorkflowNotReadyFailure';

function workflowNotReady(err: { code: number; metadata?: { get(key: string): unknown[] } }): boolean {
  if (err.code !== FAILED_PRECONDITION) return false;
  return (err.metadata?.get('grpc-status-details-bin') ?? []).some(
    (d) => Buffer.isBuffer(d) && d.includes(WORKFLOW_NOT_READY),
  );
}

/** Whether an error, or one of its causes, says that Temporal or PostgreSQL cannot serve it right now. */
export function isOutage(error: unknown): boolean {
  for (let err = error, depth = 0; err && depth < 8; err = (err as { cause?: unknown }).cause, depth++) {
    if (isGrpcServiceError(err) && (TEMPORAL_UNAVAILABLE.has(err.code) || workflowNotReady(err))) return true;
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && POSTGRES_UNAVAILABLE.has(code)) return true;
  }
  return false;
}
