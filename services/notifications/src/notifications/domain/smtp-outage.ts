import { backoffDelay, type BackoffPolicy } from '@vouch/messaging';
import type { SmtpFailure } from './delivery-outcome';

/**
 * Whether a failure says the server is unavailable to every email, not that it refused this one:
 * no answer at all (refused, reset, timed out) or Vouch's login refused. A 421 is left to each
 * email's own retries: servers answer it to throttle one connection or one message as often as
 * to shut down.
 */
export function isServerUnavailable(failure: SmtpFailure): boolean {
  return failure.responseCode === undefined || failure.loginRefused === true;
}

/** What the sender may do now: send as usual, try one email to see if the server is back, or wait. */
export type SendingPermit = 'send' | 'probe' | 'wait';

/**
 * Pauses all sending while the SMTP server is unavailable (a circuit breaker), so an outage costs
 * one attempt per pause instead of one per due email and lane: without it every lane tries its
 * emails, each opening connections, and each email's attempts run out sooner. The first
 * unavailability pauses for `pause.initialDelayMs`, each probe that finds the server still away
 * doubles it up to `pause.maxDelayMs` (with jitter, so several instances do not probe together),
 * and any answer from the server ends the outage.
 */
export class SmtpOutage {
  private consecutiveUnavailable = 0;
  private pausedUntil = 0;
  private since = 0;
  /** A probe is out: its failure lengthens the pause, where a failure of a lane already sending does not. */
  private probing = false;

  constructor(
    private readonly pause: BackoffPolicy,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  get ongoing(): boolean {
    return this.consecutiveUnavailable > 0;
  }

  /**
   * Once a pause is over, the first to ask gets the probe, and the others wait as long again: a
   * probe that never reports (nothing was due, its lane failed) is followed by another.
   */
  permit(): SendingPermit {
    if (!this.ongoing) return 'send';
    const now = this.now();
    if (now < this.pausedUntil) return 'wait';
    this.pausedUntil = now + this.currentPause();
    this.probing = true;
    return 'probe';
  }

  /** The server answered an attempt, accepting or refusing it: ends an outage; returns how long it lasted, in ms. */
  serverAnswered(): number | undefined {
    if (!this.ongoing) return undefined;
    this.consecutiveUnavailable = 0;
    this.pausedUntil = 0;
    this.probing = false;
    return this.now() - this.since;
  }

  /**
   * An attempt found the server unavailable: starts the pause, or lengthens it after a probe;
   * returns how long sending now waits, in ms. The other lanes' emails in flight when the server
   * went fail too, and count as the one failure.
   */
  serverUnavailable(): number {
    if (this.ongoing && !this.probing) return Math.max(0, this.pausedUntil - this.now());
    this.probing = false;
    if (!this.ongoing) this.since = this.now();
    this.consecutiveUnavailable += 1;
    const pause = this.currentPause();
    this.pausedUntil = this.now() + pause;
    return pause;
  }

  private currentPause(): number {
    return backoffDelay(this.pause, this.consecutiveUnavailable, this.random);
  }
}
