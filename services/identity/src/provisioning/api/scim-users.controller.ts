import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DeleteScimUser } from '../application/delete-scim-user.use-case';
import { GetScimUser } from '../application/get-scim-user.use-case';
import { ListScimUsers } from '../application/list-scim-users.use-case';
import { PatchScimUser } from '../application/patch-scim-user.use-case';
import { ProvisionScimUser } from '../application/provision-scim-user.use-case';
import type { ProvisionedUser } from '../application/provisioned-user';
import { ReplaceScimUser } from '../application/replace-scim-user.use-case';
import { pageOf, userFilterOf } from '../domain/scim-query';
import { ScimSchemas, type ScimObject } from '../domain/scim-schemas';
import { scimResourceOf, scimUserFrom } from '../domain/scim-user';
import { SCIM_CONTENT_TYPE, ScimErrorFilter } from './scim-error.filter';
import { scimBaseOf } from './scim-request';
import { ScimTokenGuard } from './scim-token.guard';

/** SCIM 2.0 Users (RFC 7644 §3) for Entra ID and Okta provisioning: a User is an employee. */
@ApiExcludeController()
@Controller('scim/v2/Users')
@UseGuards(ScimTokenGuard)
@UseFilters(ScimErrorFilter)
export class ScimUsersController {
  constructor(
    private readonly provisionScimUser: ProvisionScimUser,
    private readonly getScimUser: GetScimUser,
    private readonly listScimUsers: ListScimUsers,
    private readonly replaceScimUser: ReplaceScimUser,
    private readonly patchScimUser: PatchScimUser,
    private readonly deleteScimUser: DeleteScimUser,
  ) {}

  @Post()
  @HttpCode(201)
  @Header('content-type', SCIM_CONTENT_TYPE)
  async create(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<ScimObject> {
    const resource = this.resourceOf(request, await this.provisionScimUser.execute(scimUserFrom(body)));
    void reply.header('location', `${scimBaseOf(request)}/Users/${String(resource.id)}`);
    return resource;
  }

  @Get()
  @Header('content-type', SCIM_CONTENT_TYPE)
  async list(
    @Req() request: FastifyRequest,
    @Query('filter') filter?: string,
    @Query('startIndex') startIndex?: string,
    @Query('count') count?: string,
  ): Promise<ScimObject> {
    const page = pageOf(startIndex, count);
    const { total, users } = await this.listScimUsers.execute(userFilterOf(filter), page);
    return {
      schemas: [ScimSchemas.listResponse],
      totalResults: total,
      itemsPerPage: users.length,
      startIndex: page.startIndex,
      Resources: users.map((user) => this.resourceOf(request, user)),
    };
  }

  @Get(':id')
  @Header('content-type', SCIM_CONTENT_TYPE)
  async get(@Req() request: FastifyRequest, @Param('id') id: string): Promise<ScimObject> {
    return this.resourceOf(request, await this.getScimUser.execute(id));
  }

  @Put(':id')
  @Header('content-type', SCIM_CONTENT_TYPE)
  async replace(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<ScimObject> {
    return this.resourceOf(request, await this.replaceScimUser.execute(id, scimUserFrom(body)));
  }

  @Patch(':id')
  @Header('content-type', SCIM_CONTENT_TYPE)
  async patch(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<ScimObject> {
    return this.resourceOf(request, await this.patchScimUser.execute(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.deleteScimUser.execute(id);
  }

  private resourceOf(request: FastifyRequest, { employee, link }: ProvisionedUser): ScimObject {
    return scimResourceOf(employee, link, `${scimBaseOf(request)}/Users/${employee.id}`);
  }
}
