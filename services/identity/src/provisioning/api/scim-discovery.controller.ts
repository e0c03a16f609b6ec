import {
  Controller,
  Get,
  Header,
  NotFoundException,
  Param,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { scimDiscoveryOf } from '../domain/scim-discovery';
import { ScimSchemas, type ScimObject } from '../domain/scim-schemas';
import { SCIM_CONTENT_TYPE, ScimErrorFilter } from './scim-error.filter';
import { scimBaseOf } from './scim-request';
import { ScimTokenGuard } from './scim-token.guard';

function listOf(resources: ScimObject[]): ScimObject {
  return {
    schemas: [ScimSchemas.listResponse],
    totalResults: resources.length,
    itemsPerPage: resources.length,
    startIndex: 1,
    Resources: resources,
  };
}

/** What the identity providers read before provisioning (RFC 7644 §4). */
@ApiExcludeController()
@Controller('scim/v2')
@UseGuards(ScimTokenGuard)
@UseFilters(ScimErrorFilter)
export class ScimDiscoveryController {
  @Get('ServiceProviderConfig')
  @Header('content-type', SCIM_CONTENT_TYPE)
  serviceProviderConfig(@Req() request: FastifyRequest): ScimObject {
    return scimDiscoveryOf(scimBaseOf(request)).serviceProviderConfig;
  }

  @Get('ResourceTypes')
  @Header('content-type', SCIM_CONTENT_TYPE)
  resourceTypes(@Req() request: FastifyRequest): ScimObject {
    return listOf(scimDiscoveryOf(scimBaseOf(request)).resourceTypes);
  }

  @Get('ResourceTypes/:id')
  @Header('content-type', SCIM_CONTENT_TYPE)
  resourceType(@Req() request: FastifyRequest, @Param('id') id: string): ScimObject {
    const found = scimDiscoveryOf(scimBaseOf(request)).resourceTypes.find((type) => type.id === id);
    if (!found) throw new NotFoundException(`no resource type ${id}`);
    return found;
  }

  @Get('Schemas')
  @Header('content-type', SCIM_CONTENT_TYPE)
  schemas(@Req() request: FastifyRequest): ScimObject {
    return listOf(scimDiscoveryOf(scimBaseOf(request)).schemas);
  }

  @Get('Schemas/:id')
  @Header('content-type', SCIM_CONTENT_TYPE)
  schema(@Req() request: FastifyRequest, @Param('id') id: string): ScimObject {
    const found = scimDiscoveryOf(scimBaseOf(request)).schemas.find((schema) => schema.id === id);
    if (!found) throw new NotFoundException(`no schema ${id}`);
    return found;
  }
}
