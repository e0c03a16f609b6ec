import { Controller, Get, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { AdminOnly } from '@vouch/auth';
import { PageQuery } from '@vouch/platform';
import type { Page } from '@vouch/contracts';
import { ListDeliveriesUseCase, type DeliveryView } from '../application/list-deliveries.use-case';

export class ListDeliveriesQuery extends PageQuery {
  @ApiProperty({ description: 'The employee whose emails to list' })
  @IsUUID()
  recipientId!: string;
}

@ApiTags('deliveries')
@AdminOnly()
@Controller('v1/deliveries')
export class DeliveriesController {
  constructor(private readonly list: ListDeliveriesUseCase) {}

  @Get()
  async log(@Query() query: ListDeliveriesQuery): Promise<Page<DeliveryView>> {
    return this.list.execute(query.recipientId, query);
  }
}
