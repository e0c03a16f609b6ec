import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@vouch/platform';
import {
  ACTOR_TYPES,
  AUDIT_ACTIONS,
  actorIdOf,
  type ActorType,
  type AuditAction,
  type AuditEntry,
} from '../domain/audit-entry';

export class ListAuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'only changes to this employee' })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiPropertyOptional({ enum: ACTOR_TYPES, description: 'only changes by this kind of actor' })
  @IsOptional()
  @IsIn(ACTOR_TYPES)
  actorType?: ActorType;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'date-time', description: 'changes at or after this time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'changes before this time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditEntryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ enum: ACTOR_TYPES, description: 'who made the change, and through which channel' })
  actorType!: ActorType;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the employee id of the admin or HR member who acted; null for the other actors',
  })
  actorId!: string | null;

  @ApiProperty({ enum: AUDIT_ACTIONS })
  action!: AuditAction;

  @ApiProperty({ format: 'uuid', description: 'the employee changed' })
  employeeId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the fields that changed, as they were; empty when the employee was created',
  })
  before!: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the fields that changed, as they became',
  })
  after!: Record<string, unknown>;

  static from(entry: AuditEntry): AuditEntryResponse {
    return {
      id: entry.id,
      occurredAt: entry.occurredAt.toISOString(),
      actorType: entry.actor.type,
      actorId: actorIdOf(entry.actor),
      action: entry.action,
      employeeId: entry.employeeId,
      before: entry.before,
      after: entry.after,
    };
  }
}

export class AuditEntryPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] })
  items!: AuditEntryResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page' })
  nextCursor!: string | null;
}
