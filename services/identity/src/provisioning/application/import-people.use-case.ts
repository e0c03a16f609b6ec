import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { CSV_ACTOR } from '../../audit/domain/audit-entry';
import { ChangeEmploymentDetails } from '../../employees/application/change-employment-details.use-case';
import { ChangeManager } from '../../employees/application/change-manager.use-case';
import { CreateEmployee } from '../../employees/application/create-employee.use-case';
import { DeactivateEmployee } from '../../employees/application/deactivate-employee.use-case';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../employees/application/identity-settings';
import { ReactivateEmployee } from '../../employees/application/reactivate-employee.use-case';
import { UpdateProfile } from '../../employees/application/update-profile.use-case';
import {
  EmailDomainNotAllowedError,
  EmailTakenError,
  EmployeeDeactivatedError,
  EmployeeNotFoundError,
  InvalidProfileError,
  OrgChartCycleError,
  UnknownManagerError,
} from '../../employees/domain/employee.errors';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { InviteEmployees } from '../../invitations/application/invite-employees.use-case';
import { COLUMN_HEADERS, readPeopleFile, type LineError } from '../domain/people-file';
import {
  planImport,
  type ChangedField,
  type ImportPlan,
  type PersonToCreate,
  type PersonToUpdate,
} from '../domain/people-import-plan';
import { PeopleDirectory } from '../infrastructure/people-directory';

export interface ImportPeopleCommand {
  /** The file's bytes, UTF-8. */
  file: Buffer | string;
  /** Check and plan, write nothing. */
  dryRun: boolean;
  /** Deactivate the active employees the file does not list. */
  deactivateMissing: boolean;
  /** The admin running the import, never deactivated by it; none from the command line. */
  adminId?: string;
}

export interface ImportSummary {
  /** People the file lists, on good lines. */
  people: number;
  created: number;
  /** Changed in any way, reactivated ones included. */
  updated: number;
  unchanged: number;
  reactivated: number;
  deactivated: number;
  /** Active employees the file does not list. */
  missing: number;
  /** New people invited to set up their sign-in. */
  invited: number;
}

export interface ImportedPerson {
  line: number;
  email: string;
  /** Null in a dry run, for someone who would be created. */
  employeeId: string | null;
  outcome: 'created' | 'updated';
  fields: ChangedField[];
}

export interface ImportReport {
  dryRun: boolean;
  /** Whether the changes were written: not in a dry run, nor when any line is bad. */
  applied: boolean;
  summary: ImportSummary;
  /** Each bad line, by line; any at all and nothing is applied. */
  errors: LineError[];
  /** The people created or changed, by line; the unchanged are only counted. */
  changes: ImportedPerson[];
  missing: Array<{ employeeId: string; email: string; name: string; deactivated: boolean }>;
}

/** A line a use case refused while the import was applied: the whole import is rolled back. */
class LineRefused extends Error {
  constructor(readonly error: LineError) {
    super(`line ${error.line}: ${error.message}`);
  }
}

const REFUSALS = [
  EmailTakenError,
  EmailDomainNotAllowedError,
  InvalidProfileError,
  UnknownManagerError,
  OrgChartCycleError,
  EmployeeDeactivatedError,
  EmployeeNotFoundError,
];

async function asLine<T>(line: number, field: string | null, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (REFUSALS.some((type) => error instanceof type))
      throw new LineRefused({ line, field, message: (error as Error).message });
    throw error;
  }
}

/**
 * Imports the company's people from a CSV file (HR's export, for companies without SCIM): creates
 * the new, updates the changed, reactivates the listed, reports the missing and deactivates them
 * if asked, sets every manager link (source `csv`), invites the new to set up their sign-in. All of
 * it in one unit of work that the employees' own use cases join, so each change publishes its events
 * and is audited (actor `csv`), and nothing is applied when any line is bad.
 */
@Injectable()
export class ImportPeople {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly directory: PeopleDirectory,
    private readonly createEmployee: CreateEmployee,
    private readonly updateProfile: UpdateProfile,
    private readonly changeEmploymentDetails: ChangeEmploymentDetails,
    private readonly changeManager: ChangeManager,
    private readonly reactivateEmployee: ReactivateEmployee,
    private readonly deactivateEmployee: DeactivateEmployee,
    private readonly inviteEmployees: InviteEmployees,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async execute(command: ImportPeopleCommand): Promise<ImportReport> {
    const file = readPeopleFile(command.file, { allowedEmailDomains: this.settings.allowedEmailDomains });
    const options = {
      deactivateMissing: command.deactivateMissing,
      keep: new Set(command.adminId === undefined ? [] : [command.adminId]),
    };
    if (command.dryRun) {
      const plan = planImport(file, await this.directory.everyone(), options);
      return reportOf(plan, { dryRun: true, applied: false, ids: new Map() });
    }
    try {
      // One unit of work for the whole file: the use cases below join it, and a line they refuse
      // rolls everything back.
      return await this.unitOfWork.run(async () => {
        // The lock ChangeManager takes: held from planning to commit, so no other change to the org
        // chart (an admin, SCIM, another import) slips between the check of the whole file and its links.
        await this.employees.lockOrgChart();
        const everyone = await this.directory.everyone();
        const plan = planImport(file, everyone, options);
        if (plan.errors.length > 0) return reportOf(plan, { dryRun: false, applied: false, ids: new Map() });
        const ids = await this.apply(
          plan,
          new Map(everyone.map((employee) => [employee.email, employee.id])),
        );
        return reportOf(plan, { dryRun: false, applied: true, ids });
      });
    } catch (error) {
      if (!(error instanceof LineRefused)) throw error;
      // Planned against the same locked state, so a use case refusing a line is rare (another
      // change to the same email outside the org chart's lock): nothing was applied.
      const plan = planImport(file, await this.directory.everyone(), options);
      return reportOf(
        { ...plan, errors: [...plan.errors, error.error] },
        { dryRun: false, applied: false, ids: new Map() },
      );
    }
  }

  /**
   * Applies a plan with no errors to the employees there are (`ids`, by email); returns everyone's
   * ids by email, the people created included.
   */
  private async apply(plan: ImportPlan, ids: Map<string, string>): Promise<Map<string, string>> {
    const actor = CSV_ACTOR;
    const updates = plan.people.filter((person): person is PersonToUpdate => person.outcome !== 'created');

    // Reactivated first: a reactivated manager must be active before anyone is put under them.
    for (const person of updates.filter((update) => update.reactivate))
      await asLine(person.line, null, () =>
        this.reactivateEmployee.execute({ employeeId: person.employeeId, actor }),
      );
    for (const person of updates) {
      if (Object.keys(person.profile).length > 0)
        await asLine(person.line, null, () =>
          this.updateProfile.execute({
            employeeId: person.employeeId,
            changes: person.profile,
            changedBy: actor,
          }),
        );
      if (Object.keys(person.details).length > 0)
        await asLine(person.line, null, () =>
          this.changeEmploymentDetails.execute({
            employeeId: person.employeeId,
            changes: person.details,
            actor,
          }),
        );
    }

    // Managers before their reports (the plan's order of links), so most new people get their
    // link as they are created, and a manager later in the file is no problem.
    const linkedAtCreation = new Set<string>();
    const creates = plan.people.filter((person): person is PersonToCreate => person.outcome === 'created');
    const order = new Map(plan.managerChanges.map((change, index) => [change.email, index]));
    const topDown = [...creates].sort(
      (a, b) => (order.get(a.email) ?? -1) - (order.get(b.email) ?? -1) || a.line - b.line,
    );
    for (const person of topDown) {
      const managerEmail = person.manager?.email ?? null;
      const managerId = managerEmail === null ? undefined : ids.get(managerEmail);
      const created = await asLine(person.line, COLUMN_HEADERS.email, () =>
        this.createEmployee.execute({
          email: person.email,
          ...person.profile,
          ...person.details,
          name: person.name,
          managerId,
          actor,
        }),
      );
      ids.set(person.email, created.id);
      if (managerId !== undefined) linkedAtCreation.add(person.email);
    }

    for (const change of plan.managerChanges) {
      if (linkedAtCreation.has(change.email)) continue;
      const employeeId = ids.get(change.email);
      const managerId = change.managerEmail === null ? null : ids.get(change.managerEmail);
      // The plan found both, in the file or among the employees.
      if (employeeId === undefined || managerId === undefined)
        throw new Error(`line ${change.line}: no id for ${change.email} or their manager`);
      await asLine(change.line, COLUMN_HEADERS.managerEmail, () =>
        this.changeManager.execute({ employeeId, managerId, actor }),
      );
    }

    for (const missing of plan.missing.filter((person) => person.deactivate))
      await this.deactivateEmployee.execute({
        employeeId: missing.employeeId,
        actor,
        action: 'employee.deactivated',
      });

    const created = creates.flatMap((person) => ids.get(person.email) ?? []);
    if (created.length > 0) await this.inviteEmployees.invite(created, actor, new Date());
    return ids;
  }
}

function reportOf(
  plan: ImportPlan,
  outcome: { dryRun: boolean; applied: boolean; ids: ReadonlyMap<string, string> },
): ImportReport {
  const changed = plan.people.filter((person) => person.outcome !== 'unchanged');
  const created = plan.people.filter((person) => person.outcome === 'created').length;
  return {
    dryRun: outcome.dryRun,
    applied: outcome.applied,
    summary: {
      people: plan.people.length,
      created,
      updated: plan.people.filter((person) => person.outcome === 'updated').length,
      unchanged: plan.people.filter((person) => person.outcome === 'unchanged').length,
      reactivated: plan.people.filter((person) => person.outcome !== 'created' && person.reactivate).length,
      deactivated: plan.missing.filter((person) => person.deactivate).length,
      missing: plan.missing.length,
      invited: created,
    },
    errors: plan.errors,
    changes: changed.map((person) => ({
      line: person.line,
      email: person.email,
      employeeId: person.outcome === 'created' ? (outcome.ids.get(person.email) ?? null) : person.employeeId,
      outcome: person.outcome === 'created' ? 'created' : 'updated',
      fields: person.changedFields,
    })),
    missing: plan.missing.map((person) => ({
      employeeId: person.employeeId,
      email: person.email,
      name: person.name,
      deactivated: person.deactivate,
    })),
  };
}
