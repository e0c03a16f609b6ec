import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  ManagerSource,
  RecommendationRequestStatus,
  RecommendationStatus,
  type BalanceView,
  type ProfileRecommendationView,
  type RecommendationRequestView,
  type RecommendationView,
  type Relationship,
  type RevisionView,
  type TakedownView,
} from '@vouch/contracts';
import { MultiLineText, PageQuery } from '@vouch/platform';
import { RELATIONSHIPS, type BalanceSuggestion, type RelationshipCounts } from '../domain/balance';
import type { Coverage, TeamCoverage } from '../domain/coverage';
import { RECOMMENDATION_TEXT_MAX, RECOMMENDATION_TEXT_MIN } from '../domain/recommendation-text';
import { TAKEDOWN_REASON_MAX } from '../domain/takedown-reason';
import { REQUEST_STATUS_FILTERS, type RequestStatusFilter } from '../domain/recommendation-request';

/**
 * One schema, `Relationship`, for every field that holds one. Its description is given on each use:
 * the schema otherwise keeps the description of the first field that names it.
 */
const VERIFIED_BY = {
  enum: ManagerSource.options,
  enumName: 'ManagerSource',
  isArray: true,
  description:
    "who set the org chart's manager links that verified it: scim, csv, admin; empty when unverified",
} as const;

const RECIPROCAL = {
  description:
    'the subject recommended the author too, neither of the two withdrawn nor taken down: they recommended each other',
} as const;

const RELATIONSHIP = {
  enum: RELATIONSHIPS,
  enumName: 'Relationship',
  enumSchema: { description: 'what the author of a recommendation was to its subject' },
};

/** Far above the longest text the domain accepts, only to refuse absurd bodies before counting. */
const RAW_TEXT_MAX = RECOMMENDATION_TEXT_MAX * 4;

export class WriteRecommendationDto {
  @ApiProperty({ format: 'uuid', description: 'the colleague the recommendation is about' })
  @IsUUID()
  subjectId!: string;

  @ApiProperty({ ...RELATIONSHIP, description: 'what you were to the subject' })
  @IsIn(RELATIONSHIPS)
  relationship!: Relationship;

  @ApiProperty({ minLength: RECOMMENDATION_TEXT_MIN, maxLength: RECOMMENDATION_TEXT_MAX })
  @IsString()
  @MultiLineText()
  @MaxLength(RAW_TEXT_MAX)
  text!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the request this answers' })
  @IsOptional()
  @IsUUID()
  requestId?: string;
}

export class ReviseRecommendationDto {
  @ApiProperty({ minLength: RECOMMENDATION_TEXT_MIN, maxLength: RECOMMENDATION_TEXT_MAX })
  @IsString()
  @MultiLineText()
  @MaxLength(RAW_TEXT_MAX)
  text!: string;

  @ApiPropertyOptional({
    ...RELATIONSHIP,
    description: 'unchanged when left out',
  })
  @IsOptional()
  @IsIn(RELATIONSHIPS)
  relationship?: Relationship;
}

export class RequestRevisionDto {
  @ApiProperty({ maxLength: 1000, description: 'what you would like changed' })
  @IsString()
  @MultiLineText()
  @Matches(/\S/, { message: 'message must say what to change' })
  @MaxLength(1000)
  message!: string;
}

export class TakeDownRecommendationDto {
  @ApiProperty({
    minLength: 1,
    maxLength: TAKEDOWN_REASON_MAX,
    description: 'why, told to its author and subject (trimmed)',
  })
  @IsString()
  @MultiLineText()
  @Matches(/\S/, { message: 'reason must say why it is taken down' })
  @MaxLength(TAKEDOWN_REASON_MAX)
  reason!: string;
}

export class AskForRecommendationDto {
  @ApiProperty({ format: 'uuid', description: 'the connection asked to write' })
  @IsUUID()
  recipientId!: string;

  @ApiProperty({ ...RELATIONSHIP, description: 'what the recipient was to you' })
  @IsIn(RELATIONSHIPS)
  relationship!: Relationship;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MultiLineText()
  @MaxLength(1000)
  message?: string;
}

export class ListRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['incoming', 'outgoing'], default: 'incoming' })
  @IsOptional()
  @IsIn(['incoming', 'outgoing'])
  direction: 'incoming' | 'outgoing' = 'incoming';

  @ApiPropertyOptional({ enum: REQUEST_STATUS_FILTERS, default: 'pending' })
  @IsOptional()
  @IsIn(REQUEST_STATUS_FILTERS)
  status: RequestStatusFilter = 'pending';
}

export class RevisionDto implements RevisionView {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: '1 for the first text, then one more per revision',
  })
  number!: number;

  @ApiProperty()
  text!: string;

  @ApiProperty(RELATIONSHIP)
  relationship!: Relationship;

  @ApiProperty({ format: 'date-time' })
  writtenAt!: string;
}

/** A recommendation as its author and its subject see it, with every earlier text. */
export class TakedownDto implements TakedownView {
  @ApiProperty({ format: 'uuid', description: 'the HR employee or admin who took it down' })
  by!: string;

  @ApiProperty({ maxLength: 500 })
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class RecommendationDto implements RecommendationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  authorId!: string;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  @ApiProperty(RELATIONSHIP)
  relationship!: Relationship;

  @ApiProperty({ description: 'the latest text' })
  text!: string;

  @ApiProperty({
    enum: RecommendationStatus.options,
    enumName: 'RecommendationStatus',
    description: "only accepted ones show on the subject's profile",
  })
  status!: RecommendationStatus;

  @ApiProperty({ description: 'the org chart said the same relationship when it was written' })
  verified!: boolean;

  @ApiProperty(VERIFIED_BY)
  verifiedBy!: ManagerSource[];

  @ApiProperty(RECIPROCAL)
  reciprocal!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'what the subject asked to change, while asked' })
  revisionRequest!: string | null;

  @ApiProperty({ type: [RevisionDto], description: 'every text, the first first' })
  revisions!: RevisionDto[];

  @ApiProperty({
    type: TakedownDto,
    nullable: true,
    description: 'who took it down, when and why; only HR and admins ever see one that was',
  })
  takedown!: TakedownDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class RecommendationPageDto {
  @ApiProperty({ type: [RecommendationDto] })
  items!: RecommendationDto[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page' })
  nextCursor!: string | null;
}

/** An accepted recommendation as anyone sees it on the subject's profile. */
export class ProfileRecommendationDto implements ProfileRecommendationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  authorId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'null when the author is not known here yet' })
  authorName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  authorTitle!: string | null;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  @ApiProperty(RELATIONSHIP)
  relationship!: Relationship;

  @ApiProperty()
  text!: string;

  @ApiProperty({ description: 'the org chart said the same relationship when it was written' })
  verified!: boolean;

  @ApiProperty(VERIFIED_BY)
  verifiedBy!: ManagerSource[];

  @ApiProperty(RECIPROCAL)
  reciprocal!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class ProfileRecommendationPageDto {
  @ApiProperty({ type: [ProfileRecommendationDto] })
  items!: ProfileRecommendationDto[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page' })
  nextCursor!: string | null;
}

export class RecommendationRequestDto implements RecommendationRequestView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  requesterId!: string;

  @ApiProperty({ format: 'uuid' })
  recipientId!: string;

  @ApiProperty({ ...RELATIONSHIP, description: 'what the recipient was to the requester' })
  relationship!: Relationship;

  @ApiProperty({ type: String, nullable: true })
  message!: string | null;

  @ApiProperty({ enum: RecommendationRequestStatus.options, enumName: 'RecommendationRequestStatus' })
  status!: RecommendationRequestStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', description: 'when it expires if still pending' })
  expiresAt!: string;
}

export class RecommendationRequestPageDto {
  @ApiProperty({ type: [RecommendationRequestDto] })
  items!: RecommendationRequestDto[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page' })
  nextCursor!: string | null;
}

/** Accepted recommendations by relationship. */
export class RelationshipCountsDto implements RelationshipCounts {
  @ApiProperty({ type: 'integer', minimum: 0 })
  supervisor!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  coworker!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  subordinate!: number;
}

export class BalanceSuggestionDto implements BalanceSuggestion {
  @ApiProperty({ format: 'uuid', description: 'a connection to ask' })
  employeeId!: string;

  @ApiProperty({ ...RELATIONSHIP, description: 'what they are to me' })
  relationship!: Relationship;

  @ApiProperty({ example: 'your manager; no supervisor recommendation yet' })
  reason!: string;
}

/** How the accepted recommendations of an employee balance, and whom to ask next. */
export class BalanceDto implements BalanceView {
  @ApiProperty({ type: RelationshipCountsDto })
  counts!: RelationshipCountsDto;

  @ApiProperty({
    ...RELATIONSHIP,
    isArray: true,
    description: 'relationships with no accepted recommendation',
  })
  missing!: Relationship[];

  @ApiProperty({
    ...RELATIONSHIP,
    isArray: true,
    description: 'relationships with some, but fewer than half as many as the best-covered one',
  })
  thin!: Relationship[];

  @ApiProperty({ type: [BalanceSuggestionDto], description: 'missing relationships first, then thin ones' })
  suggestions!: BalanceSuggestionDto[];
}

export class EmployeeWithoutRecommendationDto {
  @ApiProperty({ format: 'uuid' })
  employeeId!: string;

  @ApiProperty()
  name!: string;
}

export class TeamCoverageDto implements TeamCoverage {
  @ApiProperty({ format: 'uuid' })
  managerId!: string;

  @ApiProperty()
  managerName!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the manager and their reports' })
  size!: number;

  @ApiProperty({ type: RelationshipCountsDto, description: 'accepted recommendations the members received' })
  counts!: RelationshipCountsDto;

  @ApiProperty({
    ...RELATIONSHIP,
    isArray: true,
    description: 'relationships no member has an accepted recommendation in',
  })
  missing!: Relationship[];

  @ApiProperty({ type: 'integer', minimum: 0, description: 'members with no accepted recommendation' })
  withoutRecommendation!: number;
}

/** Where the recommendation loop is not working, for admins. */
export class CoverageDto implements Coverage {
  @ApiProperty({ type: [EmployeeWithoutRecommendationDto] })
  withoutRecommendation!: EmployeeWithoutRecommendationDto[];

  @ApiProperty({ type: [TeamCoverageDto], description: 'the teams with the fewest covered members first' })
  teams!: TeamCoverageDto[];
}
