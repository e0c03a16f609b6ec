import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { SpreadBucket, TeamRollUp, UncoveredEmployee } from '../domain/org-coverage';
import { RelationshipCountsDto } from './recommendation.dto';

export class CoverageScopeQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'a manager: only their whole team (them and everyone below); the company without one',
  })
  @IsOptional()
  @IsUUID()
  managerId?: string;
}

export class CoveragePageQuery extends CoverageScopeQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1, description: 'page number, from 1' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}

/** A manager's whole team, rolled up through the org chart. */
export class TeamRollUpDto implements TeamRollUp {
  @ApiProperty({ format: 'uuid' })
  managerId!: string;

  @ApiProperty()
  managerName!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "the manager's own manager" })
  parentManagerId!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'levels below the top of the org chart' })
  depth!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 2,
    description: 'the manager and every active employee below them',
  })
  size!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'direct reports who manage someone: teams to drill into',
  })
  subTeams!: number;

  @ApiProperty({ type: RelationshipCountsDto, description: 'accepted recommendations the members received' })
  counts!: RelationshipCountsDto;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'members with no accepted recommendation' })
  withoutRecommendation!: number;
}

export class TeamCoveragePageDto {
  @ApiProperty({ type: TeamRollUpDto, nullable: true, description: "the named manager's own team" })
  team!: TeamRollUpDto | null;

  @ApiProperty({
    type: [TeamRollUpDto],
    description:
      'the teams one level below the manager (or at the top), the largest share without a recommendation first',
  })
  items!: TeamRollUpDto[];

  @ApiProperty({ type: 'integer', minimum: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  limit!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'how many items all the pages hold' })
  total!: number;
}

export class UncoveredEmployeeDto implements UncoveredEmployee {
  @ApiProperty({ format: 'uuid' })
  employeeId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  managerId!: string | null;
}

export class UncoveredEmployeePageDto {
  @ApiProperty({ type: [UncoveredEmployeeDto], description: 'by name' })
  items!: UncoveredEmployeeDto[];

  @ApiProperty({ type: 'integer', minimum: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  limit!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  total!: number;
}

export class SpreadBucketDto implements SpreadBucket {
  @ApiProperty({ enum: ['0', '1', '2', '3', '4', '5+'], description: 'accepted recommendations' })
  recommendations!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'people who have that many' })
  people!: number;
}

export class RecommendationSpreadDto {
  @ApiProperty({ type: [SpreadBucketDto] })
  buckets!: SpreadBucketDto[];
}
