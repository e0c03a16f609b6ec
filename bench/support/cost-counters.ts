import { Kafka, logLevel } from 'kafkajs';
import { SERVICE_NAMES, withClient, type Platform, type ServiceName } from '@vouch/testing';
import { round } from './stats';

/** Cumulative counters of one service, read at a moment. */
interface ServiceCounters {
  /** PostgreSQL transactions its database committed or rolled back (pg_stat_database). */
  transactions: number;
  /** Rows its database inserted, updated or deleted (pg_stat_database). */
  rowsWritten: number;
  /** Statements its database ran (pg_stat_statements), null when that extension is not loaded. */
  statements: number | null;
  /** Calls of each statement (pg_stat_statements' normalised text), empty without that extension. */
  callsByStatement: Map<string, number>;
  /** Lines the service printed (its log). */
  logLines: number;
}

/** What the platform had done at a moment, to subtract from what it had done at a later one. */
export interface CostSnapshot {
  services: Record<ServiceName, ServiceCounters>;
  /** High watermark of each of the run's topics. */
  topicOffsets: Record<string, number>;
  /** High watermarks of `__consumer_offsets` summed: a record per partition whose offset a consumer group committed. */
  offsetCommits: number;
}

/** Per recommendation accepted, what each service cost over a step and its drain: the cost model. */
export interface StepCosts {
  recommendations: number;
  byService: Record<
    ServiceName,
    {
      transactions: number;
      rowsWritten: number;
      statements: number | null;
      logLines: number;
      /** The statements run at least once in 20 recommendations, most run first. */
      byStatement: Array<{ statement: string; perRecommendation: number }>;
    }
  >;
  /** Messages written per recommendation, by topic (without the run's prefix). */
  kafkaMessages: Record<string, number>;
  /** Offsets committed per recommendation, all consumer groups together. */
  offsetCommits: number;
}

/**
 * Reads the counters the cost model is made of, from PostgreSQL's statistics, the broker's
 * offsets and the services' output. pg_stat_database is PostgreSQL's own and always there; the
 * statement counts need `pg_stat_statements` preloaded (bench/README.md, "Cost model").
 */
export class CostCounters {
  private readonly admin;

  constructor(
    private readonly platform: Platform,
    brokers: string[],
  ) {
    this.admin = new Kafka({ clientId: 'bench-costs', brokers, logLevel: logLevel.NOTHING }).admin();
  }

  /** Connects to the broker, and creates pg_stat_statements' view in each database when PostgreSQL preloads it. */
  async connect(): Promise<void> {
    await this.admin.connect();
    for (const name of SERVICE_NAMES)
      await withClient(this.platform.databaseUrl(name), async (database) => {
        const { rows } = await database.query<{ preloaded: boolean }>(
          `SELECT 'pg_stat_statements' = ANY(regexp_split_to_array(current_setting('shared_preload_libraries'), '\\s*,\\s*')) AS preloaded`,
        );
        if (rows[0]?.preloaded) await database.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      });
  }

  async disconnect(): Promise<void> {
    await this.admin.disconnect();
  }

  async snapshot(): Promise<CostSnapshot> {
    const [databases, topicOffsets, offsetCommits] = await Promise.all([
      this.databaseCounters(),
      this.highWatermarks((topic) => topic.startsWith(this.platform.topicPrefix)),
      this.highWatermarks((topic) => topic === '__consumer_offsets'),
    ]);
    const services = Object.fromEntries(
      SERVICE_NAMES.map((name) => [
        name,
        { ...databases[name], logLines: this.platform.service(name).linesPrinted() },
      ]),
    ) as Record<ServiceName, ServiceCounters>;
    return {
      services,
      topicOffsets,
      offsetCommits: Object.values(offsetCommits).reduce((total, offset) => total + offset, 0),
    };
  }

  costsBetween(before: CostSnapshot, after: CostSnapshot, recommendations: number): StepCosts {
    const per = (count: number) => (recommendations === 0 ? 0 : round(count / recommendations, 2));
    const byService = Object.fromEntries(
      SERVICE_NAMES.map((name) => {
        const [was, is] = [before.services[name], after.services[name]];
        return [
          name,
          {
            transactions: per(is.transactions - was.transactions),
            rowsWritten: per(is.rowsWritten - was.rowsWritten),
            statements:
              is.statements === null || was.statements === null ? null : per(is.statements - was.statements),
            logLines: per(is.logLines - was.logLines),
            byStatement: [...is.callsByStatement]
              .map(([statement, calls]) => ({
                statement,
                perRecommendation: per(calls - (was.callsByStatement.get(statement) ?? 0)),
              }))
              .filter(({ perRecommendation }) => perRecommendation >= 0.05)
              .sort((a, b) => b.perRecommendation - a.perRecommendation),
          },
        ];
      }),
    ) as StepCosts['byService'];
    const kafkaMessages = Object.fromEntries(
      Object.entries(after.topicOffsets)
        .filter(([topic]) => !topic.includes('.dlq.'))
        .map(([topic, offset]) => [
          topic.slice(this.platform.topicPrefix.length),
          per(offset - (before.topicOffsets[topic] ?? 0)),
        ]),
    );
    return {
      recommendations,
      byService,
      kafkaMessages,
      offsetCommits: per(after.offsetCommits - before.offsetCommits),
    };
  }

  private async highWatermarks(wanted: (topic: string) => boolean): Promise<Record<string, number>> {
    const topics = (await this.admin.listTopics()).filter(wanted);
    const offsets = await Promise.all(
      topics.map(async (topic) => {
        const partitions = await this.admin.fetchTopicOffsets(topic);
        return [topic, partitions.reduce((total, partition) => total + Number(partition.high), 0)] as const;
      }),
    );
    return Object.fromEntries(offsets);
  }

  /** Each service's database counters, read through that database (pg_stat_statements keeps every database's). */
  private async databaseCounters(): Promise<Record<ServiceName, Omit<ServiceCounters, 'logLines'>>> {
    const entries = await Promise.all(
      SERVICE_NAMES.map(async (name) => {
        const url = this.platform.databaseUrl(name);
        const counters = await withClient(url, async (database) => {
          const { rows } = await database.query<{ transactions: string; written: string }>(
            `SELECT xact_commit + xact_rollback AS transactions,
                    tup_inserted + tup_updated + tup_deleted AS written
               FROM pg_stat_database WHERE datname = current_database()`,
          );
          const byStatement = await database
            .query<{ statement: string; calls: string }>(
              `SELECT regexp_replace(query, '\\s+', ' ', 'g') AS statement, sum(calls) AS calls
                 FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                WHERE d.datname = current_database() GROUP BY 1`,
            )
            .then(
              (result) => new Map(result.rows.map((row) => [row.statement, Number(row.calls)])),
              () => null,
            );
          return {
            transactions: Number(rows[0]?.transactions ?? 0),
            rowsWritten: Number(rows[0]?.written ?? 0),
            statements: byStatement && [...byStatement.values()].reduce((total, calls) => total + calls, 0),
            callsByStatement: byStatement ?? new Map<string, number>(),
          };
        });
        return [name, counters] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<ServiceName, Omit<ServiceCounters, 'logLines'>>;
  }
}
