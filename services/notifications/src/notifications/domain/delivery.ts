import {
  EmailFailedV1,
  EmailSentV1,
  RecordedEvents,
  type RecordedEvent,
  type RecordsEvents,
} from '@vouch/contracts';
import { afterFailure, type NextStep, type RetryPolicy, type SmtpFailure } from './delivery-outcome';
import { heldForWorkingHours, reasonToWithhold, type Pace } from './delivery-rules';
import { TRANSACTIONAL, type DeliveryCategory, type NotificationPreferences } from './email-category';
import type { EmailTemplate, PlannedEmail } from './email-policies';

/**
 * `pending` until sent (or `failed`); `held` for the daily digest, then `digested` into it;
 * `skipped` when nobody wants it any more by the time it would go out.
 */
export type DeliveryStatus = 'pending' | 'held' | 'digested' | 'sent' | 'failed' | 'skipped';

/** The delivery is not in a state that allows the change, e.g. sending one that is already sent. */
export class DeliveryStateError extends Error {
  override readonly name = 'DeliveryStateError';
}

export interface DeliveryState {
  id: string;
  /** The event that caused it; with template and recipient, what makes it unique. */
  eventId: string;
  template: EmailTemplate;
  category: DeliveryCategory;
  recipientId: string;
  /** The address it is planned for, then the one it was sent to, should the recipient's change. */
  recipientEmail: string;
  recipientName: string;
  /** The other person the email is about; none for a digest. */
  counterpartId: string | null;
  counterpartName: string | null;
  details: PlannedEmail['details'];
  status: DeliveryStatus;
  /** Attempts that reached the SMTP server's answer; a skip is none. */
  attempts: number;
  /**
   * When it may first go out: when planned, or for a non-urgent email planned outside its
   * recipient's working hours, their next start. Retries and leases leave it alone.
   */
  dueAt: Date;
  /** When a pending delivery is due; while it is claimed, the end of the lease. */
  nextAttemptAt: Date;
  /** Why the last attempt failed, or why the email was skipped. */
  lastError: string | null;
  /** W3C trace context of the event handling that planned it; the send continues that trace. */
  traceparent: string | null;
  /** The digest that carried this held email. */
  digestId: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
}

/** Someone an email goes to or is about, as the delivery snapshots them. */
export interface DeliveryPerson {
  id: string;
  email: string;
  name: string;
}

/** A recipient as they are when their email would go out. */
export interface CurrentAddressee {
  employee: { active: boolean };
  preferences: NotificationPreferences;
}

/** Why an email is skipped whose recipient is no longer in the replica. */
export const RECIPIENT_UNKNOWN = 'the recipient is unknown';

const DIGEST_TEMPLATE = 'daily-digest';

/** The Message-ID of a delivery: the same on every attempt, so a resend after a crash is one message. */
export function messageIdOf(deliveryId: string): string {
  return `<${deliveryId}@vouch>`;
}

/**
 * One email to one recipient, from planning to its outcome. Planned `pending` (to go out now) or
 * `held` (for the daily digest). A pending one is sent by the sender that claimed it under a lease:
 * sent, retried later, failed, or skipped when its recipient no longer wants it; a held one is
 * folded into its recipient's digest, or skipped. Sent, failed, skipped and digested are final.
 * Several senders race for the same rows: the repository's statements guard the same states, so
 * that of two outcomes only the first is written. A final outcome records the event that tells the
 * other services (EmailSent, EmailFailed), in the trace of the request behind the email.
 */
export class Delivery implements RecordsEvents {
  private readonly events = new RecordedEvents();

  /** Whether this sender holds the delivery's lease: only a claimed delivery is sent or given back. */
  private claimed = false;

  private constructor(private state: DeliveryState) {}

  /**
   * An email planned for a recipient, due at once unless it waits for their working hours, with the
   * names it will show as they are now.
   */
  static plan(init: {
    id: string;
    eventId: string;
    email: Pick<DeliveryState, 'template' | 'category' | 'details'>;
    recipient: DeliveryPerson;
    counterpart: Pick<DeliveryPerson, 'id' | 'name'> | null;
    pace: Pace;
    traceparent: string | null;
    now: Date;
    /** When it may go out (`now` unless quiet hours hold it): see `heldForWorkingHours`. */
    dueAt?: Date;
  }): Delivery {
    const { email, pace, now, dueAt = now } = init;
    if (email.category === TRANSACTIONAL && pace === 'digest')
      throw new DeliveryStateError('a transactional email goes out at once, never in a digest');
    if (dueAt.getTime() > now.getTime() && !heldForWorkingHours(email.category))
      throw new DeliveryStateError('a transactional email goes out at once, at any hour');
    return new Delivery({
      id: init.id,
      eventId: init.eventId,
      template: email.template,
      category: email.category,
      recipientId: init.recipient.id,
      recipientEmail: init.recipient.email,
      recipientName: init.recipient.name,
      counterpartId: init.counterpart?.id ?? null,
      counterpartName: init.counterpart?.name ?? null,
      details: email.details,
      status: pace === 'now' ? 'pending' : 'held',
      attempts: 0,
      dueAt,
      nextAttemptAt: dueAt,
      lastError: null,
      traceparent: init.traceparent,
      digestId: null,
      createdAt: init.now,
      updatedAt: init.now,
      sentAt: null,
      failedAt: null,
    });
  }

  /**
   * A recipient's daily digest, due at once; the digest time in its event id makes it one per
   * recipient and day. The emails it carries are folded into it.
   */
  static digestFor(init: { id: string; recipient: DeliveryPerson; digestTime: Date; now: Date }): Delivery {
    return Delivery.plan({
      id: init.id,
      eventId: `digest:${init.recipient.id}:${init.digestTime.toISOString()}`,
      email: { template: DIGEST_TEMPLATE, category: 'all', details: {} },
      recipient: init.recipient,
      counterpart: null,
      pace: 'now',
      traceparent: null,
      now: init.now,
    });
  }

  static restore(state: DeliveryState): Delivery {
    return new Delivery(state);
  }

  pullEvents(): RecordedEvent[] {
    return this.events.pull();
  }

  snapshot(): DeliveryState {
    return { ...this.state };
  }

  get id(): string {
    return this.state.id;
  }

  /** Takes a due pending delivery for sending until `leaseUntil`: other senders pass it by until then. */
  claim(now: Date, leaseUntil: Date): void {
    this.requireStatus('pending', 'claim');
    if (this.state.nextAttemptAt.getTime() > now.getTime())
      throw new DeliveryStateError(
        `cannot claim a delivery due at ${this.state.nextAttemptAt.toISOString()}`,
      );
    if (leaseUntil.getTime() <= now.getTime())
      throw new DeliveryStateError('cannot claim a delivery under a lease that already ended');
    this.claimed = true;
    this.state = { ...this.state, nextAttemptAt: leaseUntil };
  }

  /** Gives a claimed delivery back unsent: due again at once, for any sender. */
  release(now: Date): void {
    this.requireClaimed('release');
    this.claimed = false;
    this.state = { ...this.state, nextAttemptAt: now };
  }

  /**
   * Why this email must not reach its recipient as they are now, or null when it may: they may have
   * left or switched it off since it was planned.
   */
  reasonToWithholdFrom(addressee: CurrentAddressee): string | null {
    return reasonToWithhold(addressee.employee, addressee.preferences, this.state.category);
  }

  /** Sends a claimed delivery to the recipient's address of now: their work email may have changed. */
  addressTo(email: string): void {
    this.requireClaimed('address');
    this.state = { ...this.state, recipientEmail: email };
  }

  /** The SMTP server accepted the claimed delivery. */
  sent(now: Date): void {
    this.requireClaimed('record as sent');
    this.claimed = false;
    this.state = {
      ...this.state,
      status: 'sent',
      attempts: this.state.attempts + 1,
      lastError: null,
      sentAt: now,
      updatedAt: now,
    };
    this.events.record(EmailSentV1, {
      ...this.eventAbout(),
      data: { ...this.emailFields(), messageId: messageIdOf(this.state.id), sentAt: now.toISOString() },
    });
  }

  /**
   * The SMTP server refused the claimed delivery, or could not be reached: it is retried after a
   * backoff, still pending, or fails for good (`afterFailure` says which). Returns that decision.
   */
  failed(failure: SmtpFailure, policy: RetryPolicy, now: Date, random?: () => number): NextStep {
    this.requireClaimed('record a failure of');
    const attempts = this.state.attempts + 1;
    const next = afterFailure(failure, attempts, policy, random);
    this.claimed = false;
    const attempted = { ...this.state, attempts, lastError: failure.reason, updatedAt: now };
    if (next.kind === 'retry') {
      this.state = { ...attempted, nextAttemptAt: new Date(now.getTime() + next.delayMs) };
      return next;
    }
    this.state = { ...attempted, status: 'failed', failedAt: now };
    this.events.record(EmailFailedV1, {
      ...this.eventAbout(),
      data: {
        ...this.emailFields(),
        reason: this.state.lastError ?? 'unknown',
        permanent: next.permanent,
        failedAt: now.toISOString(),
      },
    });
    return next;
  }

  /** Drops an email nobody wants any more: a held one, or a claimed one before it is sent. */
  skip(reason: string, now: Date): void {
    if (this.state.status !== 'held') this.requireClaimed('skip');
    this.claimed = false;
    this.state = { ...this.state, status: 'skipped', lastError: reason, updatedAt: now };
  }

  /** A held email goes out in its recipient's digest, as one of its entries. */
  foldInto(digest: Delivery, now: Date): void {
    this.requireStatus('held', 'fold into a digest');
    const { template, recipientId, id } = digest.state;
    if (template !== DIGEST_TEMPLATE)
      throw new DeliveryStateError(`cannot fold an email into a ${template} email`);
    if (recipientId !== this.state.recipientId)
      throw new DeliveryStateError("cannot fold an email into another recipient's digest");
    this.state = { ...this.state, status: 'digested', digestId: id, updatedAt: now };
  }

  /** The key of the delivery's events, and the trace they belong to: the request's behind the email. */
  /** The fields EmailSent and EmailFailed start with: which email, to whom, for what, tried how often. */
  private emailFields(): {
    deliveryId: string;
    recipientId: string;
    template: string;
    causationEventId: string;
    attempts: number;
  } {
    const { id, recipientId, template, eventId, attempts } = this.state;
    return { deliveryId: id, recipientId, template, causationEventId: eventId, attempts };
  }

  private eventAbout(): Pick<RecordedEvent, 'subject' | 'cause'> {
    const { id, traceparent } = this.state;
    return traceparent ? { subject: id, cause: { traceparent } } : { subject: id };
  }

  private requireClaimed(action: string): void {
    this.requireStatus('pending', action);
    if (!this.claimed) throw new DeliveryStateError(`cannot ${action} a delivery not claimed`);
  }

  private requireStatus(allowed: DeliveryStatus, action: string): void {
    if (this.state.status !== allowed)
      throw new DeliveryStateError(`cannot ${action} a delivery that is ${this.state.status}`);
  }
}
