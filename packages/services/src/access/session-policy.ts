/**
 * How long a session lives and when failed sign-ins make people wait (decision 010). Numbers, not settings: they
 * are security choices recorded in the decision, changed by a reviewed commit.
 */
const MINUTE = 60_000;

/** Signed out after this long without a request (a desk left alone). */
export const SESSION_IDLE_MS = 2 * 60 * MINUTE;
/** Signed out after this long whatever happens (a working day): sign in again the next day. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * MINUTE;

export const THROTTLE_WINDOW_MS = 15 * MINUTE;
/** Failures of one username within the window before it must wait. */
export const MAX_FAILURES_PER_USERNAME = 5;
/** Failures from one address within the window (several people behind one office NAT, so higher). */
export const MAX_FAILURES_PER_IP = 20;

/** A successful sign-in deletes the sessions that expired or were revoked longer ago than this (kept a while for support). */
export const ENDED_SESSION_RETENTION_MS = 30 * 24 * 60 * MINUTE;
/** … and the failed sign-ins older than this (far beyond the throttling window, which is all they are read for). */
export const SIGN_IN_FAILURE_RETENTION_MS = 24 * 60 * MINUTE;
