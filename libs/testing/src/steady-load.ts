import { emailConfirmationToken } from './maildev';
import type { Employee, PlatformClient, ServiceName } from './platform';

/** What the load answered to one write it made: the reconciler checks every 2xx was committed. */
export interface Acknowledged {
  service: 'identity' | 'connections' | 'recommendations';
  /** The row the 2xx named: an employee, a connection or a recommendation. */
  id: string;
  at: number;
}

/** How long one answered write took, from its request to the end of its answer's body. */
export interface WriteLatency {
  service: ServiceName;
  /** `Date.now()` when the answer was read. */
  at: number;
  ms: number;
}

/** Answers to the load's writes, by kind of outcome. */
export interface AnswerCounts {
  succeeded: number;
  /** 5xx answered as problem+json: a clean refusal, retried later. */
  refused: number;
  /** 5xx without a problem+json body: not clean. */
  unclean: number;
  /** No answer at all (the service was down). */
  unreachable: number;
  /** 4xx: the step is not possible yet (another service has not heard of it) or any more. */
  rejected: number;
}

interface Pair {
  requester: Employee;
  addressee: Employee;
  connectionId?: string;
}

type Step =
  | { kind: 'register' }
  | { kind: 'request'; pair: Pair }
  | { kind: 'accept'; pair: Pair }
  | { kind: 'recommend'; author: Employee; subject: Employee };

const RECOMMENDATION_TEXT = 'Steady under pressure, kind in review, and always ships what was promised.';

/**
 * A steady, open-loop stream of writes through the public HTTP APIs, each of which is due exactly
 * one email (docs/api.md "Emails"): colleagues register (identity; no email), ask each other to connect
 * ("wants to connect"), accept ("you are connected") and recommend each other (the nudge or "returned
 * the favour"). A write that fails is tried again later; one whose answer was lost is given up, the
 * databases say whether it happened.
 */
export class SteadyLoad {
  readonly acknowledged: Acknowledged[] = [];
  /** Every answered write's latency, in the order answered. */
  readonly latencies: WriteLatency[] = [];
  readonly answers: AnswerCounts = { succeeded: 0, refused: 0, unclean: 0, unreachable: 0, rejected: 0 };
  private readonly employees: Employee[] = [];
  /** What is left to do, by kind, taken in turn so that every service is written to all along. */
  private readonly queues: Record<Exclude<Step['kind'], 'register'>, Step[]> = {
    request: [],
    accept: [],
    recommend: [],
  };
  private readonly inFlight = new Set<Promise<void>>();
  private timer?: NodeJS.Timeout;
  private counter = 0;

  constructor(
    private readonly platform: PlatformClient,
    private readonly writesPerSecond: number,
  ) {}

  /** Registers the first colleagues and queues a connection request between each two of them. */
  async prepare(colleagues: number): Promise<void> {
    const registered = await Promise.all(
      Array.from({ length: colleagues }, (_, index) => this.platform.register(`Colleague ${index}`)),
    );
    for (const employee of registered) this.join(employee);
  }

  start(): void {
    const maxInFlight = this.writesPerSecond * 4;
    this.timer = setInterval(() => {
      // While a service is down its calls pile up; past a few seconds' worth, skip a beat.
      if (this.inFlight.size >= maxInFlight) return;
      const step = this.nextStep();
      if (!step) return;
      const running = this.perform(step).finally(() => this.inFlight.delete(running));
      this.inFlight.add(running);
    }, 1000 / this.writesPerSecond);
  }

  /** Stops making writes and waits for those under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.inFlight);
  }

  /** The `index`th colleague registered by `prepare`. */
  colleague(index: number): Employee {
    const employee = this.employees[index];
    if (!employee) throw new Error(`no colleague ${index}: prepare() registered ${this.employees.length}`);
    return employee;
  }

  /** When a 2xx write to `service` first answered at or after `since`, if one has. */
  firstSuccessAfter(since: number, service?: Acknowledged['service']): number | undefined {
    return this.acknowledged.find((write) => write.at >= since && (!service || write.service === service))
      ?.at;
  }

  private nextStep(): Step | undefined {
    this.counter += 1;
    // One registration in ten keeps identity under load and brings new pairs.
    if (this.counter % 10 === 0) return { kind: 'register' };
    const queues = Object.values(this.queues);
    for (let offset = 0; offset < queues.length; offset += 1) {
      const step = queues[(this.counter + offset) % queues.length].shift();
      if (step) return step;
    }
    return undefined;
  }

  private enqueue(step: Step): void {
    if (step.kind !== 'register') this.queues[step.kind].push(step);
  }

  private join(employee: Employee): void {
    for (const colleague of this.employees)
      this.enqueue({ kind: 'request', pair: { requester: colleague, addressee: employee } });
    this.employees.push(employee);
  }

  private async perform(step: Step): Promise<void> {
    switch (step.kind) {
      case 'register': {
        const email = `${crypto.randomUUID()}@acme.com`;
        const signUp = await this.write('identity', 'POST', '/v1/auth/register', undefined, {
          email,
          password: 'correct horse battery staple',
          name: `Colleague ${this.employees.length}`,
        });
        if (signUp?.status !== 202) return;
        // The address is proven as a person proves it: the link of the "Confirm your email" email.
        const token = await emailConfirmationToken(email).catch(() => undefined);
        if (token === undefined) return;
        const answer = await this.write('identity', 'POST', '/v1/auth/email-confirmations', undefined, {
          token,
        });
        const body = answer?.body as { employee?: { id: string }; accessToken?: string } | undefined;
        if (answer?.status === 200 && body?.employee && body.accessToken) {
          this.acknowledge('identity', body.employee.id);
          this.join({ id: body.employee.id, name: 'Colleague', email: '', token: body.accessToken });
        }
        return;
      }
      case 'request': {
        const { requester, addressee } = step.pair;
        const answer = await this.write('connections', 'POST', '/v1/connection-requests', requester, {
          toEmployeeId: addressee.id,
        });
        const id = (answer?.body as { id?: string } | undefined)?.id;
        if (answer?.status === 201 && id) {
          this.acknowledge('connections', id);
          this.enqueue({ kind: 'accept', pair: { ...step.pair, connectionId: id } });
        } else this.retryUnless(answer?.status, step, [409]);
        return;
      }
      case 'accept': {
        const { requester, addressee, connectionId } = step.pair;
        const answer = await this.write(
          'connections',
          'POST',
          `/v1/connection-requests/${connectionId}/accept`,
          addressee,
        );
        if (answer?.status === 200) {
          this.enqueue({ kind: 'recommend', author: requester, subject: addressee });
          this.enqueue({ kind: 'recommend', author: addressee, subject: requester });
        } else this.retryUnless(answer?.status, step, [409]);
        return;
      }
      case 'recommend': {
        const answer = await this.write('recommendations', 'POST', '/v1/recommendations', step.author, {
          subjectId: step.subject.id,
          relationship: 'coworker',
          text: RECOMMENDATION_TEXT,
        });
        const id = (answer?.body as { id?: string } | undefined)?.id;
        if (answer?.status === 201 && id) this.acknowledge('recommendations', id);
        // 403 until recommendations hears of the connection; 409 when an earlier try made it.
        else this.retryUnless(answer?.status, step, [409]);
        return;
      }
    }
  }

  /** Puts a failed step back at the end of the queue, unless its answer says it cannot succeed. */
  private retryUnless(status: number | undefined, step: Step, final: number[]): void {
    if (status !== undefined && final.includes(status)) return;
    this.enqueue(step);
  }

  private acknowledge(service: Acknowledged['service'], id: string): void {
    this.acknowledged.push({ service, id, at: Date.now() });
  }

  /** One write; counts its outcome; undefined when the service did not answer at all. */
  private async write(
    service: ServiceName,
    method: string,
    path: string,
    as: Employee | undefined,
    body?: unknown,
  ): Promise<{ status: number; body: unknown } | undefined> {
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(`${this.platform.baseUrl(service)}${path}`, {
        method,
        headers: {
          ...(as ? { authorization: `Bearer ${as.token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      this.answers.unreachable += 1;
      return undefined;
    }
    const text = await response.text().catch(() => '');
    this.latencies.push({ service, at: Date.now(), ms: performance.now() - started });
    if (response.status < 300) this.answers.succeeded += 1;
    else if (response.status < 500) this.answers.rejected += 1;
    else if (response.headers.get('content-type')?.startsWith('application/problem+json'))
      this.answers.refused += 1;
    else this.answers.unclean += 1;
    return { status: response.status, body: parseJson(text) };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
