import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEmployees1764100000000 implements MigrationInterface {
  name = 'CreateEmployees1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE employee (
        id              uuid PRIMARY KEY,
        email           text NOT NULL,
        password_hash   text NOT NULL,
        name            text NOT NULL,
        title           text,
        headline        text,
        summary         text,
        location        text,
        time_zone       text,
        positions       jsonb NOT NULL DEFAULT '[]',
        skills          jsonb NOT NULL DEFAULT '[]',
        education       jsonb NOT NULL DEFAULT '[]',
        manager_id      uuid REFERENCES employee (id),
        registered_at   timestamptz NOT NULL,
        updated_at      timestamptz NOT NULL,
        deactivated_at  timestamptz,
        CONSTRAINT employee_email_unique UNIQUE (email),
        CONSTRAINT employee_email_normalised CHECK (email = lower(btrim(email)))
      )`);
    await queryRunner.query(`CREATE INDEX employee_manager_id ON employee (manager_id)`);
    await queryRunner.query(
      `CREATE INDEX employee_directory ON employee (name, id) WHERE deactivated_at IS NULL`,
    );
    // Shared by every instance, so the login limit holds however many run.
    await queryRunner.query(`
      CREATE TABLE login_throttle (
        key             text PRIMARY KEY,
        attempts        int NOT NULL,
        window_ends_at  timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE login_throttle`);
    await queryRunner.query(`DROP TABLE employee`);
  }
}
