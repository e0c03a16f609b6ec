import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { Relationship } from '@vouch/contracts';
import { PageQuery } from '@vouch/platform';
import { RELATIONSHIPS } from '../domain/balance';
import { RECOMMENDATION_TEXT_MAX, RECOMMENDATION_TEXT_MIN } from '../domain/recommendation-text';
import { REQUEST_STATUS_FILTERS, type RequestStatusFilter } from '../domain/recommendation-request';

/** Far above the longest text the domain accepts, only to refuse absurd bodies before counting. */
const RAW_TEXT_MAX = RECOMMENDATION_TEXT_MAX * 4;

export class WriteRecommendationDto {
  @ApiProperty({ format: 'uuid', description: 'the colleague the recommendation is about' })
  @IsUUID()
  subjectId!: string;

  @ApiProperty({ enum: RELATIONSHIPS, description: 'what you were to the subject' })
  @IsIn(RELATIONSHIPS)
  relationship!: Relationship;

  @ApiProperty({ minLength: RECOMMENDATION_TEXT_MIN, maxLength: RECOMMENDATION_TEXT_MAX })
  @IsString()
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
  @MaxLength(RAW_TEXT_MAX)
  text!: string;

  @ApiPropertyOptional({ enum: RELATIONSHIPS, description: 'unchanged when left out' })
  @IsOptional()
  @IsIn(RELATIONSHIPS)
  relationship?: Relationship;
}

export class RequestRevisionDto {
  @ApiProperty({ maxLength: 1000, description: 'what you would like changed' })
  @IsString()
  @Matches(/\S/, { message: 'message must say what to change' })
  @MaxLength(1000)
  message!: string;
}

export class AskForRecommendationDto {
  @ApiProperty({ format: 'uuid', description: 'the connection asked to write' })
  @IsUUID()
  recipientId!: string;

  @ApiProperty({ enum: RELATIONSHIPS, description: 'what the recipient was to you' })
  @IsIn(RELATIONSHIPS)
  relationship!: Relationship;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
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
