import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HrOrAdmin } from '@vouch/auth';
import type { Page } from '@vouch/contracts';
import { ListDeliveriesUseCase, type DeliveryView } from '../application/list-deliveries.use-case';
import {
  SummarizeDeliveriesUseCase,
  type DeliverySummary,
} from '../application/summarize-deliveries.use-case';
import {
  DeliveryPageDto,
  DeliverySummaryDto,
  DeliverySummaryQuery,
  ListDeliveriesQuery,
} from './deliveries.dto';

@ApiTags('deliveries')
@HrOrAdmin()
@Controller('v1/deliveries')
export class DeliveriesController {
  constructor(
    private readonly list: ListDeliveriesUseCase,
    private readonly summarize: SummarizeDeliveriesUseCase,
  ) {}

  @Get()
  @ApiOkResponse({
    type: DeliveryPageDto,
    description: 'the emails that pass every filter given, newest first',
  })
  @ApiBadRequestResponse({ description: 'a filter is invalid, or `to` is before `from`' })
  async log(@Query() query: ListDeliveriesQuery): Promise<Page<DeliveryView>> {
    const { recipientId, status, template, from, to } = query;
    return this.list.execute({ filter: { recipientId, statuses: status, template, from, to }, page: query });
  }

  @Get('summary')
  @ApiOkResponse({ type: DeliverySummaryDto, description: "a day's emails by status" })
  @ApiBadRequestResponse({ description: 'the date or time zone is invalid' })
  async summary(@Query() query: DeliverySummaryQuery): Promise<DeliverySummary> {
    return this.summarize.execute(query);
  }
}
