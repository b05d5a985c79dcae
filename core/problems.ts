/**
 * The refusals of the application, by stable code. A use-case throws a Problem with a code and an English `detail`
 * for API readers; the API answers it as problem+json (RFC 9457) with the code, and each page words the code in its
 * own language. Codes are a public interface (`/api/v1` clients branch on them): add codes, never rename one.
 */
export const PROBLEMS = {
  // 400
  invalidRequest: { status: 400, title: 'Invalid request' },
  // 401
  unauthenticated: { status: 401, title: 'Unauthenticated' },
  invalidSignature: { status: 401, title: 'Invalid signature' },
  signInRefused: { status: 401, title: 'Sign-in refused' },
  // 403
  forbidden: { status: 403, title: 'Forbidden' },
  accountDeactivated: { status: 403, title: 'Forbidden' },
  supportOnly: { status: 403, title: 'Forbidden' },
  rolesNotYours: { status: 403, title: 'Forbidden' },
  notManager: { status: 403, title: 'Forbidden' },
  noContactBook: { status: 403, title: 'Forbidden' },
  contactsPermissionRequired: { status: 403, title: 'Forbidden' },
  profilePermissionRequired: { status: 403, title: 'Forbidden' },
  ownerOnly: { status: 403, title: 'Forbidden' },
  subAccountEmail: { status: 403, title: 'Forbidden' },
  emailHolderOnly: { status: 403, title: 'Forbidden' },
  invalidToken: { status: 403, title: 'Invalid token' },
  twoStepRequired: { status: 403, title: 'Two-step sign-in required' },
  readOnlyToken: { status: 403, title: 'Read-only token' },
  // 404
  notFound: { status: 404, title: 'Not found' },
  methodNotAllowed: { status: 405, title: 'Method not allowed' },
  adminApiOff: { status: 404, title: 'Admin API off' },
  webhooksOff: { status: 404, title: 'Webhooks off' },
  // 408
  requestTimeout: { status: 408, title: 'Request timeout' },
  // 409
  notPossibleNow: { status: 409, title: 'Not possible now' },
  alreadyEnded: { status: 409, title: 'Not possible now' },
  notPending: { status: 409, title: 'Not possible now' },
  bothDecided: { status: 409, title: 'Not possible now' },
  resendLimit: { status: 409, title: 'Not possible now' },
  extensionLimit: { status: 409, title: 'Not possible now' },
  changePending: { status: 409, title: 'Change already pending' },
  serviceChanged: { status: 409, title: 'Service changed' },
  changeBeingApplied: { status: 409, title: 'Change being applied' },
  handleTaken: { status: 409, title: 'Handle taken' },
  emailTaken: { status: 409, title: 'Email already in your contacts' },
  contactHoldsRole: { status: 409, title: 'Contact holds a role' },
  contactInPendingRequest: { status: 409, title: 'Contact in a pending request' },
  contactReceivesBilling: { status: 409, title: 'Contact receives billing information' },
  notSubAccount: { status: 409, title: 'Not a sub-account' },
  notActiveSubAccount: { status: 409, title: 'Not an active sub-account' },
  notDeactivated: { status: 409, title: 'Not deactivated' },
  alreadySubAccount: { status: 409, title: 'Already a sub-account' },
  noPendingInvitation: { status: 409, title: 'No pending invitation' },
  twoStepOn: { status: 409, title: 'Two-step sign-in already on' },
  twoStepOff: { status: 409, title: 'Two-step sign-in off' },
  twoStepNotStarted: { status: 409, title: 'Two-step sign-in not started' },
  noPendingEmailChange: { status: 409, title: 'No address change waiting' },
  // 410
  invitationNotValid: { status: 410, title: 'Invitation not valid' },
  passwordResetNotValid: { status: 410, title: 'Password reset link not valid' },
  emailChangeNotValid: { status: 410, title: 'Address link not valid' },
  // 415
  unsupportedMediaType: { status: 415, title: 'Unsupported media type' },
  // 422
  rolesRequired: { status: 422, title: 'No role' },
  contactRequired: { status: 422, title: 'No contact' },
  rolesHeldApart: { status: 422, title: 'Roles held by different contacts' },
  unknownContact: { status: 422, title: 'Unknown contact' },
  inactiveContact: { status: 422, title: 'Inactive contact' },
  sameContact: { status: 422, title: 'Same contact' },
  refusedByProvider: { status: 422, title: 'Refused by the provider' },
  webhookUrlRefused: { status: 422, title: 'Webhook address refused' },
  unknownOwner: { status: 422, title: 'Unknown owner' },
  reasonRequired: { status: 422, title: 'Reason required' },
  reasonTooLong: { status: 422, title: 'Reason too long' },
  // The three refusals of an extension keep the codes the API gave them before every problem had one.
  past: { status: 422, title: 'Invalid expiry' },
  notLater: { status: 422, title: 'Invalid expiry' },
  tooLate: { status: 422, title: 'Invalid expiry' },
  nameSetBySupport: { status: 422, title: 'Name set by support' },
  unknownTimeZone: { status: 422, title: 'Unknown time zone' },
  wrongPassword: { status: 422, title: 'Wrong password' },
  passwordRequired: { status: 422, title: 'Password required' },
  samePassword: { status: 422, title: 'Same password' },
  wrongCode: { status: 422, title: 'Wrong code' },
  weakPassword: { status: 422, title: 'Weak password' },
  // 429
  tooManyRequests: { status: 429, title: 'Too many requests' },
  resendTooSoon: { status: 429, title: 'Too soon' },
  tokensLocked: { status: 429, title: 'Request locked' },
  tooManyWrongCodes: { status: 429, title: 'Too many wrong codes' },
  signInThrottled: { status: 429, title: 'Too many wrong passwords' },
  // 431
  requestTooLarge: { status: 431, title: 'Request too large' },
  // 5xx
  internalError: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Temporarily unavailable' },
  providerUnavailable: { status: 503, title: "The provider's check did not answer" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;
export const PROBLEM_CODES = Object.keys(PROBLEMS) as [ProblemCode, ...ProblemCode[]];

/** Facts a problem carries beside its code, for a client or a page to act on. */
export interface ProblemExtra {
  /** The input the problem concerns (a body field), when there is one. */
  field?: string;
  /** For `resendTooSoon`, `tooManyWrongCodes` and `signInThrottled`: how long to wait before trying again. */
  retryAfterSeconds?: number;
  /** For `invalidRequest` from schema validation: each field and what is wrong with it. */
  issues?: { field: string; message: string }[];
  /** Words from outside, shown as they are after the page's own (`refusedByProvider`: the provider's reason). */
  quote?: string;
  /** For `weakPassword`: why, in English; `warning` and `suggestions` give the same as zxcvbn's keys. */
  reason?: string;
  /** For `changeBeingApplied`: the requests the provider is applying, to answer applied or failed first. */
  changeIds?: string[];
  [key: string]: unknown;
}

/** A refusal with a stable code; `detail` is English for API readers, never shown on a page. */
export class Problem extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly extra: ProblemExtra;

  /**
   * `status` only for `invalidRequest`: a framework refusal's own (413, 415…), or 422 for a value refused in a request
   * that fits the schema.
   */
  constructor(code: ProblemCode, detail: string, extra: ProblemExtra = {}, status?: number) {
    // A 4xx is an answer, not a fault, and nothing logs it: capturing its stack would cost more than the rest of
    // answering a guessed code. A 5xx keeps its stack for the log.
    const { title } = PROBLEMS[code];
    status ??= PROBLEMS[code].status;
    const limit = Error.stackTraceLimit;
    if (status < 500) Error.stackTraceLimit = 0;
    try {
      super(detail);
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.code = code;
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.extra = extra;
  }
}

export const isProblem = (err: unknown, ...codes: ProblemCode[]): err is Problem =>
  err instanceof Problem && (codes.length === 0 || codes.includes(err.code));

// PostgreSQL refuses text with a NUL byte (22021) or a character its encoding lacks (22P05): the input is at fault.
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);
export const isUnstorableText = (error: unknown) =>
  [error, (error as { cause?: unknown }).cause].some((e) =>
    UNSTORABLE_TEXT.has(String((e as { code?: unknown } | null)?.code)),
  );
