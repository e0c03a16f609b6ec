import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { SSO_ACTOR } from '../../audit/domain/audit-entry';
import { CreateEmployee } from '../../employees/application/create-employee.use-case';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../employees/application/identity-settings';
import { EmailDomainNotAllowedError } from '../../employees/domain/employee.errors';
import { rolesOf } from '../../employees/domain/roles';
import { RoleGroupRepository } from '../../employees/infrastructure/role-group.repository';
import { EmailProofRepository } from '../../employees/infrastructure/email-proof.repository';
import type { CookieReply } from '../../sessions/application/session-settings';
import { StartSession } from '../../sessions/application/start-session.use-case';
import { decideLink, type LinkDecision } from '../domain/account-linking';
import { idpIdentityOf, immutableIdsOf, type IdpIdentity } from '../domain/idp-identity';
import { SsoRefusedError } from '../domain/sso.errors';
import { OidcRelyingParty } from '../infrastructure/oidc-relying-party';
import { SsoLinkRepository } from '../infrastructure/sso-link.repository';
import { SsoLoginRepository } from '../infrastructure/sso-login.repository';
import { SSO_SETTINGS, type SsoSettings } from './sso-settings';

export interface CompleteSingleSignOnCommand {
  /** The key in the browser's login cookie; undefined when it sent none. */
  loginKey: string | undefined;
  /** The query string the provider sent the browser back with (code and state, or an error). */
  query: string;
}

/**
 * `GET /v1/auth/sso/callback`: checks the provider's answer against the sign-in it completes, finds
 * (or links, or creates) the employee the account is, and starts their session. Refusals are
 * SsoRefusedError, each with its reason.
 */
@Injectable()
export class CompleteSingleSignOn {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly relyingParty: OidcRelyingParty,
    private readonly logins: SsoLoginRepository,
    private readonly links: SsoLinkRepository,
    private readonly createEmployee: CreateEmployee,
    private readonly roleGroups: RoleGroupRepository,
    private readonly emailProofs: EmailProofRepository,
    private readonly startSession: StartSession,
    @Inject(SSO_SETTINGS) private readonly settings: SsoSettings,
    @Inject(IDENTITY_SETTINGS) private readonly identitySettings: IdentitySettings,
  ) {}

  async execute(command: CompleteSingleSignOnCommand, reply: CookieReply): Promise<{ employeeId: string }> {
    const at = new Date();
    const checks = command.loginKey === undefined ? undefined : await this.logins.take(command.loginKey, at);
    if (!checks)
      throw new SsoRefusedError('sso_failed', 'no sign-in under way in this browser, or it expired');
    const identity = idpIdentityOf(
      await this.relyingParty.claimsOf(command.query, checks),
      this.settings.groupsClaim,
    );
    const employee = await this.unitOfWork.run(async () => {
      const decision = decideLink({
        identity,
        linked: await this.links.linked(identity.issuer, identity.subject),
        provisioned: await this.links.provisioned(identity.issuer, immutableIdsOf(identity)),
        byEmail: identity.email === null ? null : await this.links.byEmail(identity.issuer, identity.email),
        justInTimeProvisioning: this.settings.justInTimeProvisioning,
      });
      const signedIn = await this.employeeOf(decision, identity);
      await this.links.signedIn(identity.issuer, identity.subject, at);
      if (identity.emailVerified && identity.email === signedIn.email)
        await this.emailProofs.record({
          employeeId: signedIn.id,
          email: signedIn.email,
          by: 'sso',
          at,
        });
      return signedIn;
    });
    const emailProven = identity.emailVerified && identity.email === employee.email;
    const inIdpAdminGroup =
      this.settings.adminGroup !== undefined && identity.groups.includes(this.settings.adminGroup);
    const held = await this.roleGroups.heldBy(employee.id);
    await this.startSession.execute(
      {
        id: employee.id,
        email: employee.email,
        roles: rolesOf({
          email: employee.email,
          adminEmails: this.identitySettings.adminEmails,
          emailProven,
          inAdminGroup: inIdpAdminGroup || held.admin,
          inHrGroup: held.hr,
        }),
      },
      reply,
      { emailProven, inIdpAdminGroup },
    );
    return { employeeId: employee.id };
  }

  private async employeeOf(
    decision: LinkDecision,
    identity: IdpIdentity,
  ): Promise<{ id: string; email: string }> {
    const link = (employeeId: string, linkedBy: 'external_id' | 'verified_email' | 'jit') =>
      this.links.link({
        issuer: identity.issuer,
        subject: identity.subject,
        employeeId,
        linkedBy,
        at: new Date(),
      });
    switch (decision.kind) {
      case 'signed-in':
      case 'link': {
        if (decision.kind === 'link') await link(decision.employeeId, decision.by);
        const found = await this.links.employeeOf(decision.employeeId);
        if (!found) throw new SsoRefusedError('not_provisioned', 'the employee is gone');
        return found;
      }
      case 'create': {
        try {
          const created = await this.createEmployee.execute({
            email: decision.email,
            name: identity.name ?? decision.email,
            actor: SSO_ACTOR,
          });
          await link(created.id, 'jit');
          return { id: created.id, email: created.snapshot().email };
        } catch (error) {
          if (error instanceof EmailDomainNotAllowedError)
            throw new SsoRefusedError('email_unusable', 'the email domain may not register');
          throw error;
        }
      }
    }
  }
}
