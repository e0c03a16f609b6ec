import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type {
  ColleagueView,
  ConnectionRequestView,
  ConnectionSuggestionView,
  ConnectionView,
  Page,
  SuggestionReason,
} from '@vouch/contracts';
import { MultiLineText, PageQuery } from '@vouch/platform';

export class CreateConnectionRequestBody {
  @ApiProperty({ format: 'uuid', description: 'The employee to connect with' })
  @IsUUID()
  toEmployeeId!: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'A note for the addressee' })
  @IsOptional()
  @IsString()
  @MultiLineText()
  @MaxLength(500)
  message?: string;
}

export const DIRECTIONS = ['incoming', 'outgoing'] as const;

export class ListConnectionRequestsParams extends PageQuery {
  @ApiPropertyOptional({ enum: DIRECTIONS, default: 'incoming' })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction: (typeof DIRECTIONS)[number] = 'incoming';
}

export class ColleagueDto implements ColleagueView {
  @ApiProperty({ format: 'uuid' })
  employeeId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  title!: string | null;
}

export class ConnectionRequestDto implements ConnectionRequestView {
  @ApiProperty({ format: 'uuid', description: 'The connection; the same id once accepted' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  requesterId!: string;

  @ApiProperty({ format: 'uuid' })
  addresseeId!: string;

  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'withdrawn', 'cancelled', 'removed'] })
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  message!: string | null;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acceptedAt!: string | null;

  @ApiProperty({ type: ColleagueDto, description: 'The employee on the other side' })
  employee!: ColleagueDto;
}

export class ConnectionRequestPageDto implements Page<ConnectionRequestView> {
  @ApiProperty({ type: [ConnectionRequestDto] })
  items!: ConnectionRequestDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class ConnectionDto extends ColleagueDto implements ConnectionView {
  @ApiProperty({ format: 'date-time', description: 'When the two got connected' })
  since!: string;
}

export class ConnectionPageDto implements Page<ConnectionView> {
  @ApiProperty({ type: [ConnectionDto] })
  items!: ConnectionDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class SuggestionDto extends ColleagueDto implements ConnectionSuggestionView {
  @ApiProperty({
    enum: ['manager', 'report', 'peer'],
    description: 'my manager, one of my reports, or someone with the same manager',
  })
  reason!: SuggestionReason;
}

export class SuggestionPageDto implements Page<ConnectionSuggestionView> {
  @ApiProperty({ type: [SuggestionDto] })
  items!: SuggestionDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
