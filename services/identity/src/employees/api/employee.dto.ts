import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsEmpty,
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ManagerSource,
  type CompletenessView,
  type EducationView,
  type EmployeeView,
  type PositionView,
} from '@vouch/contracts';
import { MultiLineText, PageQuery, SingleLineText } from '@vouch/platform';
import type { Employee } from '../domain/employee';
import { EMPLOYEE_STATUSES, type EmployeeStatus } from '../domain/employee-status';
import { ProfileLimits, type Completeness, type ProfileField } from '../domain/profile';

/** Written as an object so that a field added to the profile fails to compile until listed. */
const PROFILE_FIELDS = Object.keys({
  name: true,
  title: true,
  headline: true,
  summary: true,
  location: true,
  timeZone: true,
  language: true,
  positions: true,
  skills: true,
  education: true,
} satisfies Record<ProfileField, true>);

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR_MONTH_MESSAGE = '$property must be a month, YYYY-MM';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Optional and nullable: absent keeps the value, null clears it. */
const Clearable = () => ValidateIf((_object, value) => value !== undefined && value !== null);

/** A position as a profile change sends it: an absent team or end is null. */
export class PositionInput implements PositionView {
  @ApiProperty({ maxLength: ProfileLimits.positionText, example: 'Staff engineer' })
  @IsString()
  @SingleLineText()
  @MinLength(1)
  @MaxLength(ProfileLimits.positionText)
  title!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: ProfileLimits.positionText,
    example: 'Payments',
  })
  @Clearable()
  @IsString()
  @SingleLineText()
  @MaxLength(ProfileLimits.positionText)
  team: string | null = null;

  @ApiProperty({ example: '2021-03', description: 'YYYY-MM' })
  @Matches(YEAR_MONTH, { message: YEAR_MONTH_MESSAGE })
  start!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: null,
    description: 'YYYY-MM; null while current',
  })
  @Clearable()
  @Matches(YEAR_MONTH, { message: YEAR_MONTH_MESSAGE })
  end: string | null = null;
}

/** An education entry as a profile change sends it: absent optional fields are null. */
export class EducationInput implements EducationView {
  @ApiProperty({ maxLength: ProfileLimits.educationText, example: 'Instituto Superior Técnico' })
  @IsString()
  @SingleLineText()
  @MinLength(1)
  @MaxLength(ProfileLimits.educationText)
  school!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ProfileLimits.educationText })
  @Clearable()
  @IsString()
  @SingleLineText()
  @MaxLength(ProfileLimits.educationText)
  degree: string | null = null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ProfileLimits.educationText })
  @Clearable()
  @IsString()
  @SingleLineText()
  @MaxLength(ProfileLimits.educationText)
  fieldOfStudy: string | null = null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'YYYY-MM' })
  @Clearable()
  @Matches(YEAR_MONTH, { message: YEAR_MONTH_MESSAGE })
  start: string | null = null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'YYYY-MM' })
  @Clearable()
  @Matches(YEAR_MONTH, { message: YEAR_MONTH_MESSAGE })
  end: string | null = null;
}

/** A position as a profile shows it: every field present, null when empty. */
export class PositionResponse implements PositionView {
  @ApiProperty({ example: 'Staff engineer' })
  title!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Payments' })
  team!: string | null;

  @ApiProperty({ example: '2021-03', description: 'YYYY-MM' })
  start!: string;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'YYYY-MM; null while current' })
  end!: string | null;
}

/** An education entry as a profile shows it: every field present, null when empty. */
export class EducationResponse implements EducationView {
  @ApiProperty({ example: 'Instituto Superior Técnico' })
  school!: string;

  @ApiProperty({ type: String, nullable: true })
  degree!: string | null;

  @ApiProperty({ type: String, nullable: true })
  fieldOfStudy!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'YYYY-MM' })
  start!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'YYYY-MM' })
  end!: string | null;
}

export class RegisterRequest {
  @ApiProperty({ example: 'ana.lima@acme.com', maxLength: 254 })
  @Transform(trimmed)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 12, maxLength: 256, format: 'password' })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password!: string;

  @ApiProperty({ example: 'Ana Lima', maxLength: ProfileLimits.name })
  @IsString()
  @SingleLineText()
  @MinLength(1)
  @MaxLength(ProfileLimits.name)
  name!: string;

  @ApiPropertyOptional({ example: 'Staff engineer', maxLength: ProfileLimits.title })
  @IsOptional()
  @IsString()
  @SingleLineText()
  @MaxLength(ProfileLimits.title)
  title?: string;

  /**
   * Once accepted, now refused with its own message: a manager named at sign-up would verify
   * recommendations between the two, so links come only from the company (SCIM, CSV, an admin).
   */
  @IsEmpty({
    message:
      "managerEmail cannot be given at sign-up: managers come from the company's org chart " +
      '(SCIM provisioning, the CSV import or an admin)',
  })
  managerEmail?: unknown;
}

export class LoginRequest {
  @ApiProperty({ example: 'ana.lima@acme.com' })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}

export class LoginResponse {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ type: 'integer', description: 'seconds until the token expires' })
  expiresIn!: number;
}

/** A profile change: absent fields stay, null clears an optional field, lists are replaced whole. */
export class UpdateProfileRequest {
  @ApiPropertyOptional({ maxLength: ProfileLimits.name })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @SingleLineText()
  @MinLength(1)
  @MaxLength(ProfileLimits.name)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ProfileLimits.title })
  @Clearable()
  @IsString()
  @SingleLineText()
  @MaxLength(ProfileLimits.title)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ProfileLimits.headline })
  @Clearable()
  @IsString()
  @SingleLineText()
  @MaxLength(ProfileLimits.headline)
  headline?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ProfileLimits.summary })
  @Clearable()
  @IsString()
  @MultiLineText()
  @MaxLength(ProfileLimits.summary)
  summary?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ProfileLimits.location })
  @Clearable()
  @IsString()
  @SingleLineText()
  @MaxLength(ProfileLimits.location)
  location?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Europe/Lisbon',
    description: 'IANA time zone',
  })
  @Clearable()
  @IsString()
  @SingleLineText()
  @MaxLength(ProfileLimits.timeZone)
  @IsTimeZone()
  timeZone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'pt-BR',
    maxLength: ProfileLimits.language,
    description: 'BCP 47 language tag for the emails Vouch sends you; stored in canonical form',
  })
  @Clearable()
  @IsString()
  @SingleLineText()
  @MaxLength(ProfileLimits.language)
  language?: string | null;

  @ApiPropertyOptional({ type: [PositionInput], maxItems: ProfileLimits.positions })
  @ValidateIf((_object, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(ProfileLimits.positions)
  @ValidateNested({ each: true })
  @Type(() => PositionInput)
  positions?: PositionInput[];

  @ApiPropertyOptional({ type: [String], maxItems: ProfileLimits.skills, example: ['TypeScript', 'Kafka'] })
  @ValidateIf((_object, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(ProfileLimits.skills)
  @IsString({ each: true })
  @SingleLineText({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(ProfileLimits.skill, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ type: [EducationInput], maxItems: ProfileLimits.education })
  @ValidateIf((_object, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(ProfileLimits.education)
  @ValidateNested({ each: true })
  @Type(() => EducationInput)
  education?: EducationInput[];
}

export class ChangeManagerRequest {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: reports to no one' })
  @ValidateIf((_object, value) => value !== null)
  @IsUUID()
  managerId!: string | null;
}

export class SearchEmployeesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of a name, email or job title', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "only the manager's direct reports" })
  @IsOptional()
  @IsUUID()
  managerId?: string;

  @ApiPropertyOptional({
    enum: EMPLOYEE_STATUSES,
    default: 'active',
    description:
      'active people (the directory), or, for HR and admins only, deactivated ones or both; never the erased',
  })
  @IsOptional()
  @IsIn(EMPLOYEE_STATUSES)
  status?: EmployeeStatus;
}

export class MissingPartResponse {
  @ApiProperty({ enum: PROFILE_FIELDS, example: 'headline' })
  field!: ProfileField;

  @ApiProperty({ example: 'Write a one-line headline: what you want to be known for' })
  hint!: string;
}

export class CompletenessResponse implements CompletenessView {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 })
  score!: number;

  @ApiProperty({ type: [MissingPartResponse], description: 'most valuable first' })
  missing!: MissingPartResponse[];

  static from(completeness: Completeness): CompletenessResponse {
    return { score: completeness.score, missing: completeness.missing };
  }
}

export class EmployeeResponse implements EmployeeView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  title!: string | null;

  @ApiProperty({ type: String, nullable: true })
  headline!: string | null;

  @ApiProperty({ type: String, nullable: true })
  summary!: string | null;

  @ApiProperty({ type: String, nullable: true })
  location!: string | null;

  @ApiProperty({ type: String, nullable: true })
  timeZone!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'BCP 47 language tag' })
  language!: string | null;

  @ApiProperty({ type: [PositionResponse] })
  positions!: PositionResponse[];

  @ApiProperty({ type: [String] })
  skills!: string[];

  @ApiProperty({ type: [EducationResponse] })
  education!: EducationResponse[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  managerId!: string | null;

  @ApiProperty({
    enum: ManagerSource.options,
    enumName: 'ManagerSource',
    nullable: true,
    description:
      'who set the manager link: scim, csv or admin; null without a manager or for a link self-declared at sign-up',
  })
  managerSource!: ManagerSource | null;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description: 'profile completeness' })
  completeness!: number;

  @ApiProperty({ description: 'false once offboarded' })
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;

  static from(employee: Employee): EmployeeResponse {
    const state = employee.snapshot();
    return {
      id: state.id,
      email: state.email,
      name: state.name,
      title: state.title,
      headline: state.headline,
      summary: state.summary,
      location: state.location,
      timeZone: state.timeZone,
      language: state.language,
      positions: state.positions,
      skills: state.skills,
      education: state.education,
      managerId: state.managerId,
      managerSource: state.managerSource,
      completeness: employee.completeness.score,
      active: employee.isActive,
      registeredAt: state.registeredAt.toISOString(),
    };
  }
}

export class EmployeePageResponse {
  @ApiProperty({ type: [EmployeeResponse] })
  items!: EmployeeResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page' })
  nextCursor!: string | null;
}
