import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentEmployee, HrOrAdmin, type AuthenticatedEmployee } from '@vouch/auth';
import { SELF_SERVICE, actorOf } from '../../audit/domain/audit-entry';
import { ChangeManager } from '../application/change-manager.use-case';
import { DeactivateEmployee } from '../application/deactivate-employee.use-case';
import { GetEmployee } from '../application/get-employee.use-case';
import { ReactivateEmployee } from '../application/reactivate-employee.use-case';
import { SearchEmployees } from '../application/search-employees.use-case';
import { UpdateProfile } from '../application/update-profile.use-case';
import {
  ChangeManagerRequest,
  CompletenessResponse,
  EmployeePageResponse,
  EmployeeResponse,
  SearchEmployeesQuery,
  UpdateProfileRequest,
} from './employee.dto';

@ApiTags('employees')
@Controller('v1/employees')
export class EmployeesController {
  constructor(
    private readonly getEmployee: GetEmployee,
    private readonly searchEmployees: SearchEmployees,
    private readonly updateProfile: UpdateProfile,
    private readonly changeManager: ChangeManager,
    private readonly deactivateEmployee: DeactivateEmployee,
    private readonly reactivateEmployee: ReactivateEmployee,
  ) {}

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: EmployeeResponse })
  async me(@CurrentEmployee() me: AuthenticatedEmployee): Promise<EmployeeResponse> {
    return EmployeeResponse.from(await this.getEmployee.execute(me.id));
  }

  @Patch('me')
  @Authenticated()
  @ApiOkResponse({ type: EmployeeResponse })
  @ApiBadRequestResponse({ description: 'a field is invalid' })
  async updateMe(
    @CurrentEmployee() me: AuthenticatedEmployee,
    @Body() body: UpdateProfileRequest,
  ): Promise<EmployeeResponse> {
    return EmployeeResponse.from(
      await this.updateProfile.execute({
        employeeId: me.id,
        changes: {
          name: body.name,
          title: body.title,
          headline: body.headline,
          summary: body.summary,
          location: body.location,
          timeZone: body.timeZone,
          language: body.language,
          positions: body.positions?.map(({ title, team, start, end }) => ({ title, team, start, end })),
          skills: body.skills,
          education: body.education?.map(({ school, degree, fieldOfStudy, start, end }) => ({
            school,
            degree,
            fieldOfStudy,
            start,
            end,
          })),
        },
        changedBy: SELF_SERVICE,
      }),
    );
  }

  @Get('me/completeness')
  @Authenticated()
  @ApiOkResponse({ type: CompletenessResponse })
  async myCompleteness(@CurrentEmployee() me: AuthenticatedEmployee): Promise<CompletenessResponse> {
    return CompletenessResponse.from((await this.getEmployee.execute(me.id)).completeness);
  }

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: EmployeePageResponse })
  @ApiForbiddenResponse({ description: 'a status other than active, asked by neither HR nor an admin' })
  async search(
    @CurrentEmployee() caller: AuthenticatedEmployee,
    @Query() query: SearchEmployeesQuery,
  ): Promise<EmployeePageResponse> {
    // Colleagues find the active only: whom the company let go is HR's business.
    if (
      (query.status ?? 'active') !== 'active' &&
      !caller.roles.some((role) => role === 'hr' || role === 'admin')
    )
      throw new ForbiddenException('only HR or admins may list deactivated people');
    const page = await this.searchEmployees.execute(query);
    return {
      items: page.items.map((employee) => EmployeeResponse.from(employee)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: EmployeeResponse })
  @ApiNotFoundResponse({ description: 'no such employee' })
  async find(@Param('id', ParseUUIDPipe) id: string): Promise<EmployeeResponse> {
    return EmployeeResponse.from(await this.getEmployee.execute(id));
  }

  @Put(':id/manager')
  @HrOrAdmin()
  @ApiOkResponse({ type: EmployeeResponse })
  @ApiBadRequestResponse({ description: 'unknown manager, or the change would make a cycle' })
  @ApiNotFoundResponse({ description: 'no such employee' })
  @ApiConflictResponse({
    description:
      'Manager set by HR data: HR may not change a link SCIM or the people import set (admins may)',
  })
  async setManager(
    @CurrentEmployee() caller: AuthenticatedEmployee,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeManagerRequest,
  ): Promise<EmployeeResponse> {
    return EmployeeResponse.from(
      await this.changeManager.execute({
        employeeId: id,
        managerId: body.managerId,
        actor: actorOf(caller),
      }),
    );
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @HrOrAdmin()
  @ApiOkResponse({ type: EmployeeResponse })
  @ApiForbiddenResponse({ description: 'only an admin may deactivate an admin' })
  @ApiNotFoundResponse({ description: 'no such employee' })
  async deactivate(
    @CurrentEmployee() caller: AuthenticatedEmployee,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EmployeeResponse> {
    return EmployeeResponse.from(
      await this.deactivateEmployee.execute({ employeeId: id, actor: actorOf(caller) }),
    );
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @HrOrAdmin()
  @ApiOkResponse({ type: EmployeeResponse })
  @ApiForbiddenResponse({ description: 'only an admin may reactivate an admin' })
  @ApiNotFoundResponse({ description: 'no such employee' })
  @ApiConflictResponse({ description: 'the employee has been erased' })
  async reactivate(
    @CurrentEmployee() caller: AuthenticatedEmployee,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EmployeeResponse> {
    return EmployeeResponse.from(
      await this.reactivateEmployee.execute({ employeeId: id, actor: actorOf(caller) }),
    );
  }
}
