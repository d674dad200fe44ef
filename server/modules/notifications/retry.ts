import { createHash } from 'node:crypto';

/** A delivery gives up after this many attempts. */
export const MAX_ATTEMPTS = 8;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The wait after the 1st, 2nd, ... failed attempt; the last one repeats until MAX_ATTEMPTS. */
const BACKOFF_MS = [30 * SECOND, 2 * MINUTE, 10 * MINUTE, HOUR, 6 * HOUR];

/** At most this share of the wait is added, so deliveries that failed together do not all retry together. */
const MAX_SPREAD = 0.1;

/**
 * A failed delivery: `permanent` means trying again cannot help (a 4xx answer, a refused
 * address); `status` is the HTTP status or SMTP reply code, null when there was no answer.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly status: number | null = null,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}

/**
 * When to try again after `attempt` failed attempts (1 after the first failure), or null when
 * it is time to give up. Deterministic: the same attempt, time and `spreadKey` (the outbox row
 * id) always give the same answer; the key adds up to 10 % to the wait.
 */
export function nextAttemptAt(attempt: number, now: Date, spreadKey?: string): Date | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a whole number from 1, got ${attempt}`);
  if (attempt >= MAX_ATTEMPTS) return null;
  const wait = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length) - 1]!;
  const spread = spreadKey === undefined ? 0 : Math.floor(wait * MAX_SPREAD * spreadFraction(spreadKey));
  return new Date(now.getTime() + wait + spread);
}

/** A fraction in [0, 1) that depends only on the key. */
function spreadFraction(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}
