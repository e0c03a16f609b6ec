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
import { CreateScimGroup } from '../application/create-scim-group.use-case';
import { DeleteScimGroup } from '../application/delete-scim-group.use-case';
import { GetScimGroup } from '../application/get-scim-group.use-case';
import { ListScimGroups } from '../application/list-scim-groups.use-case';
import { PatchScimGroup } from '../application/patch-scim-group.use-case';
import type { ProvisionedGroup } from '../application/provisioned-group';
import { ReplaceScimGroup } from '../application/replace-scim-group.use-case';
import { scimGroupFrom, scimGroupResourceOf } from '../domain/scim-group';
import { excludedAttributesOf, groupFilterOf, pageOf } from '../domain/scim-query';
import { ScimSchemas, type ScimObject } from '../domain/scim-schemas';
import { SCIM_CONTENT_TYPE, ScimErrorFilter } from './scim-error.filter';
import { scimBaseOf } from './scim-request';
import { ScimTokenGuard } from './scim-token.guard';

/** Entra ID reads groups with `excludedAttributes=members`: a large group's members stay unread. */
const membersWanted = (excludedAttributes: string | undefined) =>
  !excludedAttributesOf(excludedAttributes).has('members');

/**
 * SCIM 2.0 Groups (RFC 7644 §3) as Entra ID and Okta push them; members are employees (SCIM Users).
 * The groups named by SCIM_ADMIN_GROUP and SCIM_HR_GROUP make their members admins and HR.
 */
@ApiExcludeController()
@Controller('scim/v2/Groups')
@UseGuards(ScimTokenGuard)
@UseFilters(ScimErrorFilter)
export class ScimGroupsController {
  constructor(
    private readonly createScimGroup: CreateScimGroup,
    private readonly getScimGroup: GetScimGroup,
    private readonly listScimGroups: ListScimGroups,
    private readonly replaceScimGroup: ReplaceScimGroup,
    private readonly patchScimGroup: PatchScimGroup,
    private readonly deleteScimGroup: DeleteScimGroup,
  ) {}

  @Post()
  @HttpCode(201)
  @Header('content-type', SCIM_CONTENT_TYPE)
  async create(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<ScimObject> {
    const resource = this.resourceOf(request, await this.createScimGroup.execute(scimGroupFrom(body)));
    void reply.header('location', `${scimBaseOf(request)}/Groups/${String(resource.id)}`);
    return resource;
  }

  @Get()
  @Header('content-type', SCIM_CONTENT_TYPE)
  async list(
    @Req() request: FastifyRequest,
    @Query('filter') filter?: string,
    @Query('startIndex') startIndex?: string,
    @Query('count') count?: string,
    @Query('excludedAttributes') excludedAttributes?: string,
  ): Promise<ScimObject> {
    const page = pageOf(startIndex, count);
    const { total, groups } = await this.listScimGroups.execute(
      groupFilterOf(filter),
      page,
      membersWanted(excludedAttributes),
    );
    return {
      schemas: [ScimSchemas.listResponse],
      totalResults: total,
      itemsPerPage: groups.length,
      startIndex: page.startIndex,
      Resources: groups.map((group) => this.resourceOf(request, group)),
    };
  }

  @Get(':id')
  @Header('content-type', SCIM_CONTENT_TYPE)
  async get(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Query('excludedAttributes') excludedAttributes?: string,
  ): Promise<ScimObject> {
    return this.resourceOf(request, await this.getScimGroup.execute(id, membersWanted(excludedAttributes)));
  }

  @Put(':id')
  @Header('content-type', SCIM_CONTENT_TYPE)
  async replace(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<ScimObject> {
    return this.resourceOf(request, await this.replaceScimGroup.execute(id, scimGroupFrom(body)));
  }

  @Patch(':id')
  @Header('content-type', SCIM_CONTENT_TYPE)
  async patch(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<ScimObject> {
    return this.resourceOf(request, await this.patchScimGroup.execute(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.deleteScimGroup.execute(id);
  }

  private resourceOf(request: FastifyRequest, { group, members }: ProvisionedGroup): ScimObject {
    return scimGroupResourceOf(group, members, scimBaseOf(request));
  }
}
