import { ApiProperty } from '@nestjs/swagger';
import type { IdentityExportView } from '@vouch/contracts';
import { EmployeeResponse } from '../../employees/api/employee.dto';
import type { IdentityPersonalData } from '../application/export-personal-data.use-case';

type Exported<K extends keyof IdentityExportView> = IdentityExportView[K];

export class ExportedManagerDto implements NonNullable<Exported<'manager'>> {
  @ApiProperty({ format: 'uuid' })
  employeeId!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'as the directory shows it' })
  email!: string | null;
}

export class ExportedRoleGrantDto {
  @ApiProperty({ enum: ['admin', 'hr'] })
  role!: string;

  @ApiProperty({ format: 'date-time' })
  grantedAt!: string;
}

export class ExportedSingleSignOnLinkDto {
  @ApiProperty({ description: 'the identity provider (its OpenID Connect issuer)' })
  issuer!: string;

  @ApiProperty({ description: 'who I am to it (its `sub`)' })
  subject!: string;

  @ApiProperty({
    enum: ['external_id', 'verified_email', 'jit'],
    description: 'how my account was linked to it',
  })
  linkedBy!: string;

  @ApiProperty({ format: 'date-time' })
  linkedAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastSignInAt!: string;
}

export class ExportedSignInMethodsDto {
  @ApiProperty({ description: 'I have a password (never the password, nor its hash)' })
  password!: boolean;

  @ApiProperty({ type: [ExportedSingleSignOnLinkDto] })
  singleSignOn!: ExportedSingleSignOnLinkDto[];
}

export class ExportedProvenEmailDto {
  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: ['email_confirmation', 'invitation', 'password_reset', 'sso'] })
  provenBy!: string;

  @ApiProperty({ format: 'date-time' })
  provenAt!: string;
}

export class ExportedSessionDto {
  @ApiProperty({ format: 'date-time', description: 'when I signed in' })
  startedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'when it last renewed my access' })
  lastUsedAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'signed out or ended early',
  })
  endedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'logout' })
  endedBecause!: string | null;
}

export class ExportedInvitationDto {
  @ApiProperty({ format: 'date-time' })
  invitedAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acceptedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'a newer one replaced it' })
  supersededAt!: string | null;

  @ApiProperty({ enum: ['admin', 'scim', 'csv', 'system'] })
  invitedBy!: string;
}

export class ExportedAccountEmailDto {
  @ApiProperty({ example: 'email-confirmation', description: 'which account email' })
  kind!: string;

  @ApiProperty({ format: 'date-time' })
  sentAt!: string;
}

export class ExportedAuditEntryDto {
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ example: 'employee.updated' })
  action!: string;

  @ApiProperty({
    enum: ['admin', 'hr', 'scim', 'csv', 'system', 'sso'],
    description: 'what made the change; not which admin or HR member',
  })
  changedBy!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the fields that changed, as they were',
  })
  before!: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the fields that changed, as they became',
  })
  after!: Record<string, unknown>;
}

export class IdentityExportDto implements IdentityExportView {
  @ApiProperty({ enum: ['identity'] })
  service!: 'identity';

  @ApiProperty({ format: 'uuid', description: 'the signed-in employee, whose data this is' })
  employeeId!: string;

  @ApiProperty({ format: 'date-time' })
  exportedAt!: string;

  @ApiProperty({ type: EmployeeResponse, description: 'my record and profile' })
  profile!: EmployeeResponse;

  @ApiProperty({ type: ExportedManagerDto, nullable: true })
  manager!: ExportedManagerDto | null;

  @ApiProperty({ type: [String], example: ['employee'], description: 'the roles my current sign-in carries' })
  roles!: string[];

  @ApiProperty({ type: [ExportedRoleGrantDto], description: 'roles given to me in Vouch' })
  roleGrants!: ExportedRoleGrantDto[];

  @ApiProperty({ type: ExportedSignInMethodsDto })
  signInMethods!: ExportedSignInMethodsDto;

  @ApiProperty({ type: [ExportedProvenEmailDto], description: 'the addresses I proved are mine, and how' })
  provenEmails!: ExportedProvenEmailDto[];

  @ApiProperty({
    type: [ExportedSessionDto],
    description: 'my sign-ins still on record, without their tokens',
  })
  sessions!: ExportedSessionDto[];

  @ApiProperty({
    type: [ExportedInvitationDto],
    description: 'invitations to set up my sign-in, without their links',
  })
  invitations!: ExportedInvitationDto[];

  @ApiProperty({
    type: [ExportedAccountEmailDto],
    description: 'account emails sent to my addresses (confirm an address, reset a password)',
  })
  accountEmails!: ExportedAccountEmailDto[];

  @ApiProperty({
    type: [ExportedAuditEntryDto],
    description: "the audit log's entries about me, the oldest first",
  })
  auditLog!: ExportedAuditEntryDto[];

  static from({ employee, ...data }: IdentityPersonalData): IdentityExportDto {
    return { ...data, profile: EmployeeResponse.from(employee) };
  }
}
