import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HrOrAdmin } from '@vouch/auth';
import type { Page } from '@vouch/contracts';
import { ListDeliveriesUseCase, type DeliveryView } from '../application/list-deliveries.use-case';
import { DeliveryPageDto, ListDeliveriesQuery } from './deliveries.dto';

@ApiTags('deliveries')
@HrOrAdmin()
@Controller('v1/deliveries')
export class DeliveriesController {
  constructor(private readonly list: ListDeliveriesUseCase) {}

  @Get()
  @ApiOkResponse({ type: DeliveryPageDto, description: "one recipient's emails, newest first" })
  async log(@Query() query: ListDeliveriesQuery): Promise<Page<DeliveryView>> {
    return this.list.execute({ recipientId: query.recipientId, page: query });
  }
}
