import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HrOrAdmin } from '@vouch/auth';
import { ListAuditEntries } from '../application/list-audit-entries.use-case';
import { AuditEntryPageResponse, AuditEntryResponse, ListAuditLogQuery } from './audit-log.dto';

@ApiTags('audit log')
@Controller('v1/admin/audit-log')
export class AuditLogController {
  constructor(private readonly listAuditEntries: ListAuditEntries) {}

  @Get()
  @HrOrAdmin()
  @ApiOkResponse({ type: AuditEntryPageResponse, description: 'changes to people, newest first' })
  @ApiBadRequestResponse({ description: 'a filter or the cursor is invalid' })
  async list(@Query() query: ListAuditLogQuery): Promise<AuditEntryPageResponse> {
    const page = await this.listAuditEntries.execute({
      employeeId: query.employeeId,
      actorType: query.actorType,
      action: query.action,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.items.map((entry) => AuditEntryResponse.from(entry)), nextCursor: page.nextCursor };
  }
}
