/**
 * How long a session lives and when failed sign-ins make people wait (decision 010). Numbers, not settings: they
 * are security choices recorded in the decision, changed by a reviewed commit.
 */
const MINUTE = 60_000;

/** Signed out after this long without a request (a desk left alone). */
export const SESSION_IDLE_MS = 2 * 60 * MINUTE;
/** Signed out after this long whatever happens (a working day): sign in again the next day. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * MINUTE;

/**
 * Throttling (issue 9 item 3). An account is what an attacker guesses, so the account waits, and only that account:
 * from its 5th failure within the hour, 1, 2, 4, 8 and then 15 minutes after its latest failure.
 * An address is shared (one office NAT for a whole 街道), so it is never refused: after 20 failures within
 * 15 minutes each attempt from it is answered more slowly, which makes spraying passwords over many accounts slow
 * while a colleague's correct password still signs in.
 */
export const ACCOUNT_WINDOW_MS = 60 * MINUTE;
/** Failures of one username within the window before it must wait. */
export const MAX_FAILURES_PER_USERNAME = 5;
export const ACCOUNT_FIRST_WAIT_MS = MINUTE;
export const ACCOUNT_LONGEST_WAIT_MS = 15 * MINUTE;

export const ADDRESS_WINDOW_MS = 15 * MINUTE;
/** Failures from one address within its window before its attempts are slowed down. */
export const MAX_FAILURES_PER_IP = 20;
/** Added per failure over the limit, up to the longest delay. */
export const ADDRESS_DELAY_STEP_MS = 500;
export const ADDRESS_LONGEST_DELAY_MS = 5_000;

/** How long an account with `failures` recent failures waits after its latest one (0: not at all). */
export function accountWaitMs(failures: number): number {
  if (failures < MAX_FAILURES_PER_USERNAME) return 0;
  return Math.min(ACCOUNT_LONGEST_WAIT_MS, ACCOUNT_FIRST_WAIT_MS * 2 ** (failures - MAX_FAILURES_PER_USERNAME));
}

/** How much later an attempt from an address with `failures` recent failures is answered. */
export function addressDelayMs(failures: number): number {
  if (failures < MAX_FAILURES_PER_IP) return 0;
  return Math.min(ADDRESS_LONGEST_DELAY_MS, ADDRESS_DELAY_STEP_MS * (failures - MAX_FAILURES_PER_IP + 1));
}

/** A successful sign-in deletes the sessions that expired or were revoked longer ago than this (kept a while for support). */
export const ENDED_SESSION_RETENTION_MS = 30 * 24 * 60 * MINUTE;
/** … and the failed sign-ins older than this (far beyond the throttling window, which is all they are read for). */
export const SIGN_IN_FAILURE_RETENTION_MS = 24 * 60 * MINUTE;
