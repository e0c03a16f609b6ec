import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ImportReport } from '../application/import-people.use-case';

const BOOLEAN_TEXT = ['true', 'false'] as const;
const CHANGED_FIELDS = [
  'name',
  'title',
  'timeZone',
  'language',
  'department',
  'employeeNumber',
  'managerId',
  'active',
];

export class PeopleImportQuery {
  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'check and plan the import, write nothing' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: BOOLEAN_TEXT,
    description: 'deactivate the active employees the file does not list (never the admin importing)',
  })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  deactivateMissing?: 'true' | 'false';
}

export class PeopleImportSummaryResponse {
  @ApiProperty({ description: 'people the file lists' })
  people!: number;

  @ApiProperty()
  created!: number;

  @ApiProperty({ description: 'changed in any way, the reactivated included' })
  updated!: number;

  @ApiProperty()
  unchanged!: number;

  @ApiProperty({ description: 'deactivated employees the file lists, active again' })
  reactivated!: number;

  @ApiProperty({ description: 'missing employees deactivated (with deactivateMissing)' })
  deactivated!: number;

  @ApiProperty({ description: 'active employees the file does not list' })
  missing!: number;

  @ApiProperty({ description: 'new people sent an invitation to set up their sign-in' })
  invited!: number;
}

export class PeopleImportLineError {
  @ApiProperty({ description: 'the line of the file, the header being line 1' })
  line!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "the column's header as the file writes it, or null for the whole line",
  })
  field!: string | null;

  @ApiProperty()
  message!: string;
}

export class PeopleImportChange {
  @ApiProperty()
  line!: number;

  @ApiProperty()
  email!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null in a dry run, for the new',
  })
  employeeId!: string | null;

  @ApiProperty({ enum: ['created', 'updated'] })
  outcome!: 'created' | 'updated';

  @ApiProperty({ enum: CHANGED_FIELDS, isArray: true, description: 'what the line sets or changes' })
  fields!: string[];
}

export class PeopleImportMissing {
  @ApiProperty({ format: 'uuid' })
  employeeId!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'whether the import deactivated them (or would, in a dry run)' })
  deactivated!: boolean;
}

export class PeopleImportReportResponse {
  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({ description: 'whether the changes were written: false in a dry run' })
  applied!: boolean;

  @ApiProperty({ type: PeopleImportSummaryResponse })
  summary!: PeopleImportSummaryResponse;

  @ApiProperty({ type: [PeopleImportLineError], description: 'empty: a 200 has no bad lines' })
  errors!: PeopleImportLineError[];

  @ApiProperty({ type: [PeopleImportChange], description: 'the people created or changed, by line' })
  changes!: PeopleImportChange[];

  @ApiProperty({ type: [PeopleImportMissing], description: 'active employees the file does not list' })
  missing!: PeopleImportMissing[];

  static from(report: ImportReport): PeopleImportReportResponse {
    return report;
  }
}

/** The 422: problem details with every bad line; nothing was imported. */
export class PeopleImportProblem {
  @ApiProperty({ example: 'https://httpstatuses.io/422' })
  type!: string;

  @ApiProperty({ example: 'Invalid people file' })
  title!: string;

  @ApiProperty({ example: 422 })
  status!: number;

  @ApiProperty({ example: '2 lines are bad: nothing was imported' })
  detail!: string;

  @ApiProperty({ type: [PeopleImportLineError] })
  errors!: PeopleImportLineError[];

  @ApiProperty({ type: PeopleImportSummaryResponse, description: 'what the good lines would do' })
  summary!: PeopleImportSummaryResponse;
}
