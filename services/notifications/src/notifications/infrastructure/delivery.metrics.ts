import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { ServiceMetrics } from '@vouch/platform';

/** What an operator watches: the backlog, how old its oldest email is, and outcomes by template. */
@Injectable()
export class DeliveryMetrics {
  readonly sent: Counter<'template'>;
  readonly failed: Counter<'template'>;
  readonly skipped: Counter<'template'>;
  readonly smtpDuration: Histogram<'outcome'>;
  readonly smtpUnavailable: Gauge;

  constructor(metrics: ServiceMetrics, dataSource: DataSource) {
    this.sent = new Counter({
      name: 'notifications_emails_sent_total',
      help: 'Emails the SMTP server accepted, by template',
      labelNames: ['template'] as const,
      registers: [metrics.registry],
    });
    this.failed = new Counter({
      name: 'notifications_emails_failed_total',
      help: 'Emails given up (refused for good or out of retries), by template',
      labelNames: ['template'] as const,
      registers: [metrics.registry],
    });
    this.skipped = new Counter({
      name: 'notifications_emails_skipped_total',
      help: 'Emails not sent because the recipient left or switched them off after they were planned, by template',
      labelNames: ['template'] as const,
      registers: [metrics.registry],
    });
    this.smtpDuration = new Histogram({
      name: 'notifications_smtp_send_duration_seconds',
      help: 'Time the SMTP server took to accept or refuse an email, by outcome (sent, refused)',
      labelNames: ['outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [metrics.registry],
    });
    this.smtpUnavailable = new Gauge({
      name: 'notifications_smtp_unavailable',
      help: 'Whether this instance has paused sending because the SMTP server is unavailable (1) or not (0)',
      registers: [metrics.registry],
    });
    this.smtpUnavailable.set(0);
    // Read at scrape time from the table itself, so every instance reports the same shared backlog.
    const backlog = async () => {
      const [row] = (await dataSource.query(
        `SELECT count(*)::int AS pending,
                COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS oldest
           FROM delivery WHERE status = 'pending'`,
      )) as Array<{ pending: number; oldest: number }>;
      return row ?? { pending: 0, oldest: 0 };
    };
    new Gauge({
      name: 'notifications_deliveries_pending',
      help: 'Deliveries waiting to be sent or retried',
      registers: [metrics.registry],
      async collect() {
        this.set((await backlog()).pending);
      },
    });
    new Gauge({
      name: 'notifications_oldest_pending_delivery_age_seconds',
      help: 'How long the oldest pending delivery has waited',
      registers: [metrics.registry],
      async collect() {
        this.set((await backlog()).oldest);
      },
    });
  }
}
