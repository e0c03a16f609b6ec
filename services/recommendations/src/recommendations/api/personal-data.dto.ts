import { ApiProperty } from '@nestjs/swagger';
import type {
  ExportedColleagueView,
  ExportedRecommendationRequestView,
  ExportedRecommendationView,
  RecommendationsExportView,
} from '@vouch/contracts';
import { RecommendationDto, RecommendationRequestDto } from './recommendation.dto';

export class ExportedColleagueDto implements ExportedColleagueView {
  @ApiProperty({ format: 'uuid' })
  employeeId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'null when the service has not heard of them' })
  name!: string | null;
}

export class ExportedRecommendationDto extends RecommendationDto implements ExportedRecommendationView {
  @ApiProperty({
    type: ExportedColleagueDto,
    description: 'the author of one I received, the subject of one I gave',
  })
  colleague!: ExportedColleagueDto;
}

export class ExportedRecommendationRequestDto
  extends RecommendationRequestDto
  implements ExportedRecommendationRequestView
{
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when it was fulfilled, declined, withdrawn or expired',
  })
  closedAt!: string | null;

  @ApiProperty({
    type: ExportedColleagueDto,
    description: 'the recipient of one I sent, the requester of one I received',
  })
  colleague!: ExportedColleagueDto;
}

export class RecommendationsExportDto implements RecommendationsExportView {
  @ApiProperty({ enum: ['recommendations'] })
  service!: 'recommendations';

  @ApiProperty({ format: 'uuid', description: 'the signed-in employee, whose data this is' })
  employeeId!: string;

  @ApiProperty({ format: 'date-time' })
  exportedAt!: string;

  @ApiProperty({
    type: [ExportedRecommendationDto],
    description: 'about me, in any status, each with every text it had; the oldest first',
  })
  received!: ExportedRecommendationDto[];

  @ApiProperty({
    type: [ExportedRecommendationDto],
    description: 'by me, in any status, each with every text it had; the oldest first',
  })
  given!: ExportedRecommendationDto[];

  @ApiProperty({
    type: [ExportedRecommendationRequestDto],
    description: 'mine, in any status; the oldest first',
  })
  requestsSent!: ExportedRecommendationRequestDto[];

  @ApiProperty({
    type: [ExportedRecommendationRequestDto],
    description: 'to me, in any status; the oldest first',
  })
  requestsReceived!: ExportedRecommendationRequestDto[];
}
