import { Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import { PageQuery } from '@vouch/platform';
import type { ConnectionSuggestionView, ConnectionView, Page } from '@vouch/contracts';
import { ListConnections } from '../application/list-connections.query';
import { RemoveConnection } from '../application/remove-connection.use-case';
import { SuggestConnections } from '../application/suggest-connections.query';
import { ConnectionPageDto, SuggestionPageDto } from './connection.dtos';

@ApiTags('connections')
@Authenticated()
@Controller('v1/connections')
export class ConnectionsController {
  constructor(
    private readonly listConnections: ListConnections,
    private readonly suggestConnections: SuggestConnections,
    private readonly removeConnection: RemoveConnection,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My connections with active colleagues, most recent first' })
  @ApiOkResponse({ type: ConnectionPageDto })
  list(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Query() query: PageQuery,
  ): Promise<Page<ConnectionView>> {
    return this.listConnections.execute({
      employeeId: employee.id,
      limit: query.limit,
      cursor: query.cursor,
    });
  }

  @Get('suggestions')
  @ApiOperation({
    summary: 'People I may know from the org chart: my manager, my reports, people with the same manager',
    description: 'Active colleagues only, with no connection or pending request with me; by name.',
  })
  @ApiOkResponse({ type: SuggestionPageDto })
  suggestions(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Query() query: PageQuery,
  ): Promise<Page<ConnectionSuggestionView>> {
    return this.suggestConnections.execute({
      employeeId: employee.id,
      limit: query.limit,
      cursor: query.cursor,
    });
  }

  @Delete(':employeeId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove my connection with an employee (either side may)' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiNotFoundResponse({ description: 'I am not connected with this employee' })
  remove(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('employeeId', ParseUUIDPipe) employeeId: string,
  ): Promise<void> {
    return this.removeConnection.execute({ employeeId: employee.id, otherEmployeeId: employeeId });
  }
}
