import { Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { IdentityEnvironment } from '../config';
import { GroupRoleAudit } from './application/group-role-audit';
import { CreateScimGroup } from './application/create-scim-group.use-case';
import { DeleteScimGroup } from './application/delete-scim-group.use-case';
import { DeleteScimUser } from './application/delete-scim-user.use-case';
import { GetScimGroup } from './application/get-scim-group.use-case';
import { GetScimUser } from './application/get-scim-user.use-case';
import { ListScimGroups } from './application/list-scim-groups.use-case';
import { ListScimUsers } from './application/list-scim-users.use-case';
import { PatchScimGroup } from './application/patch-scim-group.use-case';
import { PatchScimUser } from './application/patch-scim-user.use-case';
import { ProvisionScimUser } from './application/provision-scim-user.use-case';
import { ReplaceScimGroup } from './application/replace-scim-group.use-case';
import { ReplaceScimUser } from './application/replace-scim-user.use-case';
import { SyncEmployee } from './application/sync-employee';
import { SCIM_CONTENT_TYPE } from './api/scim-error.filter';
import { ScimDiscoveryController } from './api/scim-discovery.controller';
import { ScimGroupsController } from './api/scim-groups.controller';
import { SCIM_TOKEN, ScimTokenGuard } from './api/scim-token.guard';
import { ScimUsersController } from './api/scim-users.controller';
import { ScimGroupRepository } from './infrastructure/scim-group.repository';
import { ScimUserRepository } from './infrastructure/scim-user.repository';

/** SCIM clients send application/scim+json (RFC 7644 §3.1): parsed as the JSON it is. */
@Injectable()
class ScimJsonBodies implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser(
      SCIM_CONTENT_TYPE,
      { parseAs: 'string' },
      fastify.getDefaultJsonParser('error', 'error'),
    );
  }
}

/**
 * Users and groups provisioned by the company's identity provider over SCIM 2.0. Off, with no routes at all,
 * unless SCIM_TOKEN is set.
 */
@Module({})
export class ProvisioningModule {
  static forRoot(environment: IdentityEnvironment, employees: DynamicModule): DynamicModule {
    const token = environment.SCIM_TOKEN;
    if (token === undefined) return { module: ProvisioningModule };
    return {
      module: ProvisioningModule,
      imports: [employees],
      controllers: [ScimDiscoveryController, ScimUsersController, ScimGroupsController],
      providers: [
        { provide: SCIM_TOKEN, useValue: token },
        ScimTokenGuard,
        ScimJsonBodies,
        ScimUserRepository,
        SyncEmployee,
        GetScimUser,
        ListScimUsers,
        ProvisionScimUser,
        ReplaceScimUser,
        PatchScimUser,
        DeleteScimUser,
        ScimGroupRepository,
        GetScimGroup,
        ListScimGroups,
        CreateScimGroup,
        ReplaceScimGroup,
        PatchScimGroup,
        DeleteScimGroup,
        GroupRoleAudit,
      ],
    };
  }
}
