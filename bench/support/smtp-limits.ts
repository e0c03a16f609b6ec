import { performance } from 'node:perf_hooks';
import { createTransport } from 'nodemailer';
import { machineCpuMsDuring } from './machine';
import { perSecond, round, summarizeLatencies, type LatencySummary } from './stats';
import type { SmtpSink } from '@vouch/testing';

export interface SmtpLimits {
  /** The pool's connections (notifications' SENDER_CONCURRENCY). */
  connections: number;
  emails: number;
  emailsPerSecond: number;
  /** sendMail called → accepted by the sink. */
  latencyMs: LatencySummary;
  /** The machine's CPU (ms, all processes: nodemailer and the sink) per email. */
  cpuMsPerEmail: number;
}

/** About the size of a real notification: an HTML part, a text part and the headers notifications sets. */
const HTML = `<p>${'Ana Lima recommended you. The easiest way to thank her is to write one back. '.repeat(20)}</p>`;
const TEXT = 'Ana Lima recommended you. The easiest way to thank her is to write one back.\n'.repeat(20);

/**
 * nodemailer's pooled transport, configured as notifications' MailTransport is, sending `emails`
 * with every one handed over at once (the pool queues them), to the sink.
 */
async function measureConnections(sink: SmtpSink, connections: number, emails: number): Promise<SmtpLimits> {
  const transporter = createTransport({ pool: true, url: sink.url, maxConnections: connections });
  try {
    const latenciesMs: number[] = [];
    const startedAt = performance.now();
    const cpuMs = await machineCpuMsDuring(() =>
      Promise.all(
        Array.from({ length: emails }, async (_, index) => {
          const began = performance.now();
          await transporter.sendMail({
            from: { name: 'Vouch', address: 'vouch@vouch.localhost' },
            to: { name: 'Ben Okafor', address: `ben-${index}@acme.com` },
            subject: 'Ana Lima recommended you',
            html: HTML,
            text: TEXT,
            messageId: `<bench-${index}-${startedAt}@vouch.localhost>`,
            headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
          });
          latenciesMs.push(performance.now() - began);
        }),
      ),
    );
    return {
      connections,
      emails,
      emailsPerSecond: perSecond(emails, performance.now() - startedAt),
      latencyMs: summarizeLatencies(latenciesMs),
      cpuMsPerEmail: round(cpuMs / emails, 3),
    };
  } finally {
    transporter.close();
  }
}

/** Emails/s through nodemailer's pool into the discard sink, for each pool size. */
export async function measureSmtp(
  sink: SmtpSink,
  connectionCounts: number[],
  emails: number,
  log: (line: string) => void,
): Promise<SmtpLimits[]> {
  const results: SmtpLimits[] = [];
  for (const connections of connectionCounts) {
    const limits = await measureConnections(sink, connections, emails);
    sink.clear();
    log(
      `smtp: ${connections} pooled connection(s): ${limits.emailsPerSecond} emails/s, ` +
        `p50 ${limits.latencyMs.p50} ms (queued behind the rest), p99 ${limits.latencyMs.p99} ms, ` +
        `${limits.cpuMsPerEmail} ms of CPU per email`,
    );
    results.push(limits);
  }
  return results;
}
