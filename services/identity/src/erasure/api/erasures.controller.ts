import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import { PageQuery } from '@vouch/platform';
import { EraseEmployee } from '../application/erase-employee.use-case';
import { GetErasure } from '../application/get-erasure.use-case';
import { ListErasures } from '../application/list-erasures.use-case';
import { EraseEmployeeRequest, ErasurePageResponse, ErasureResponse } from './erasure.dto';

/** Erasing a person at their request, and following each service's part: admins only, not HR. */
@ApiTags('admin')
@Controller('v1/admin')
export class ErasuresController {
  constructor(
    private readonly eraseEmployee: EraseEmployee,
    private readonly getErasure: GetErasure,
    private readonly listErasures: ListErasures,
  ) {}

  @Post('employees/:id/erasure')
  @HttpCode(202)
  @AdminOnly()
  @ApiAcceptedResponse({
    type: ErasureResponse,
    description: "identity's part is done; the other services' follow (GET /v1/admin/erasures/:id)",
  })
  @ApiBadRequestResponse({ description: 'the reason is missing, blank or longer than 500 characters' })
  @ApiForbiddenResponse({ description: 'not an admin, or erasing yourself' })
  @ApiNotFoundResponse({ description: 'no such employee' })
  @ApiConflictResponse({ description: 'the employee has been erased already' })
  async erase(
    @CurrentEmployee() admin: AuthenticatedEmployee,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EraseEmployeeRequest,
  ): Promise<ErasureResponse> {
    return ErasureResponse.from(
      await this.eraseEmployee.execute({ employeeId: id, adminId: admin.id, reason: body.reason }),
    );
  }

  @Get('erasures')
  @AdminOnly()
  @ApiOkResponse({ type: ErasurePageResponse, description: 'erasures, newest first' })
  async list(@Query() query: PageQuery): Promise<ErasurePageResponse> {
    const page = await this.listErasures.execute(query);
    return { items: page.items.map((erasure) => ErasureResponse.from(erasure)), nextCursor: page.nextCursor };
  }

  @Get('erasures/:id')
  @AdminOnly()
  @ApiOkResponse({ type: ErasureResponse })
  @ApiNotFoundResponse({ description: 'no such erasure' })
  async find(@Param('id', ParseUUIDPipe) id: string): Promise<ErasureResponse> {
    return ErasureResponse.from(await this.getErasure.execute(id));
  }
}
