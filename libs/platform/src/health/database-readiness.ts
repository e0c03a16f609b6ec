import type { DataSource } from 'typeorm';
import type { ReadinessCheck } from './health.controller';

export class DatabaseReadiness implements ReadinessCheck {
  readonly name = 'database';

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<{ ok: boolean; detail?: string }> {
    await this.dataSource.query('SELECT 1');
    return { ok: true };
  }
}
