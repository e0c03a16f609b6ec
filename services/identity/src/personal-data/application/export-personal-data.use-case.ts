import { Injectable } from '@nestjs/common';
import type { IdentityExportView } from '@vouch/contracts';
import type { Employee } from '../../employees/domain/employee';
import { EmployeeNotFoundError } from '../../employees/domain/employee.errors';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { PersonalDataQueries } from '../infrastructure/personal-data.queries';

export interface ExportPersonalDataQuery {
  employeeId: string;
  /** The roles the caller's sign-in carries: the ones they have now. */
  roles: string[];
}

/** The export but the profile, which the API shows as it shows it everywhere else. */
export type IdentityPersonalData = Omit<IdentityExportView, 'profile'> & { employee: Employee };

/**
 * Everything identity holds about the signed-in employee: their record, their manager, roles, how
 * they sign in, their sessions, invitations, the account emails sent to them and the audit log's
 * entries about them. Never a secret: no password hash, no token, no token hash; of the people who
 * changed them, only what they were (an admin, HR, the identity provider…), as the product shows.
 */
@Injectable()
export class ExportPersonalData {
  constructor(
    private readonly employees: EmployeeRepository,
    private readonly queries: PersonalDataQueries,
  ) {}

  async execute({ employeeId, roles }: ExportPersonalDataQuery): Promise<IdentityPersonalData> {
    const exportedAt = new Date().toISOString();
    const employee = await this.employees.findById(employeeId);
    if (!employee) throw new EmployeeNotFoundError(employeeId);
    const { managerId, email } = employee.snapshot();
    const [manager, hasPassword, links, grants, provenEmails, sessions, invitations, auditEntries] =
      await Promise.all([
        managerId ? this.queries.managerOf(managerId) : null,
        this.queries.hasPassword(employeeId),
        this.queries.singleSignOnLinks(employeeId),
        this.queries.roleGrants(employeeId),
        this.queries.provenEmails(employeeId),
        this.queries.sessions(employeeId),
        this.queries.invitations(employeeId),
        this.queries.auditEntries(employeeId),
      ]);
    const addresses = [...new Set([email, ...provenEmails.map((proof) => proof.email)])];
    const accountEmails = await this.queries.accountEmails(addresses);
    return {
      service: 'identity',
      employeeId,
      exportedAt,
      employee,
      manager: manager && { employeeId: manager.id, name: manager.name, email: manager.email },
      roles,
      roleGrants: grants.map((grant) => ({ role: grant.role, grantedAt: grant.grantedAt.toISOString() })),
      signInMethods: {
        password: hasPassword,
        singleSignOn: links.map((link) => ({
          issuer: link.issuer,
          subject: link.subject,
          linkedBy: link.linkedBy,
          linkedAt: link.linkedAt.toISOString(),
          lastSignInAt: link.lastSignInAt.toISOString(),
        })),
      },
      provenEmails: provenEmails.map((proof) => ({
        email: proof.email,
        provenBy: proof.provenBy,
        provenAt: proof.provenAt.toISOString(),
      })),
      sessions: sessions.map((session) => ({
        startedAt: session.startedAt.toISOString(),
        lastUsedAt: session.lastUsedAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        endedAt: session.revokedAt?.toISOString() ?? null,
        endedBecause: session.revokedReason,
      })),
      invitations: invitations.map((invitation) => ({
        invitedAt: invitation.invitedAt.toISOString(),
        expiresAt: invitation.expiresAt.toISOString(),
        acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
        supersededAt: invitation.supersededAt?.toISOString() ?? null,
        invitedBy: invitation.invitedByType,
      })),
      accountEmails: accountEmails.map((sent) => ({ kind: sent.kind, sentAt: sent.sentAt.toISOString() })),
      auditLog: auditEntries.map((entry) => ({
        occurredAt: entry.occurredAt.toISOString(),
        action: entry.action,
        changedBy: entry.actorType,
        before: entry.before,
        after: entry.after,
      })),
    };
  }
}
