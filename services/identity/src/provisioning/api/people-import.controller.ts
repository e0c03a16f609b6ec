import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AdminOnly, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import { ImportPeople } from '../application/import-people.use-case';
import { PeopleImportProblem, PeopleImportQuery, PeopleImportReportResponse } from './people-import.dto';
import { CSV_CONTENT_TYPE, PEOPLE_IMPORT_PATH } from './csv-bodies';

@ApiTags('people import')
@Controller(PEOPLE_IMPORT_PATH)
export class PeopleImportController {
  constructor(private readonly importPeople: ImportPeople) {}

  @Post()
  @HttpCode(200)
  @AdminOnly()
  @ApiConsumes(CSV_CONTENT_TYPE)
  @ApiBody({
    description:
      'the people file, UTF-8: a header line (email, name, title, department, employee number, ' +
      'manager email, language, time zone; email and name required), then one person a line; at most 10 MiB',
    schema: { type: 'string' },
  })
  @ApiOkResponse({ type: PeopleImportReportResponse, description: 'imported, or planned (dryRun)' })
  @ApiExtraModels(PeopleImportProblem)
  @ApiUnprocessableEntityResponse({
    description: 'bad lines, each with its number and reason: nothing was imported',
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(PeopleImportProblem) } } },
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'the body is not text/csv' })
  async import(
    @CurrentEmployee() admin: AuthenticatedEmployee,
    @Query() query: PeopleImportQuery,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PeopleImportReportResponse | PeopleImportProblem> {
    if (typeof body !== 'string')
      throw new UnsupportedMediaTypeException(`send the file as ${CSV_CONTENT_TYPE}`);
    const report = await this.importPeople.execute({
      file: body,
      dryRun: query.dryRun === 'true',
      deactivateMissing: query.deactivateMissing === 'true',
      adminId: admin.id,
    });
    if (report.errors.length === 0) return PeopleImportReportResponse.from(report);
    const count = report.errors.length;
    void reply.status(HttpStatus.UNPROCESSABLE_ENTITY).header('content-type', 'application/problem+json');
    return {
      type: `https://httpstatuses.io/${HttpStatus.UNPROCESSABLE_ENTITY}`,
      title: 'Invalid people file',
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      detail: `${count} ${count === 1 ? 'problem' : 'problems'} in the file: nothing was imported`,
      errors: report.errors,
      summary: report.summary,
    };
  }
}
