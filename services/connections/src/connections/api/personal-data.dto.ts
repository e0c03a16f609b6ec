import { ApiProperty } from '@nestjs/swagger';
import {
  ConnectionStatus,
  type ConnectionsExportView,
  type ExportedColleagueView,
  type ExportedConnectionRequestView,
} from '@vouch/contracts';

export class ExportedColleagueDto implements ExportedColleagueView {
  @ApiProperty({ format: 'uuid' })
  employeeId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'null when the service has not heard of them' })
  name!: string | null;
}

export class ExportedConnectionDto extends ExportedColleagueDto {
  @ApiProperty({ format: 'date-time', description: 'when we got connected' })
  since!: string;
}

export class ExportedConnectionRequestDto implements ExportedConnectionRequestView {
  @ApiProperty({ format: 'uuid', description: 'the connection; the same id once accepted' })
  id!: string;

  @ApiProperty({ enum: ['sent', 'received'] })
  direction!: 'sent' | 'received';

  @ApiProperty({ type: ExportedColleagueDto, description: 'the employee on the other side' })
  colleague!: ExportedColleagueDto;

  @ApiProperty({ enum: ConnectionStatus.options })
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  message!: string | null;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acceptedAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when it was declined, withdrawn, cancelled or removed',
  })
  closedAt!: string | null;

  @ApiProperty({
    type: String,
    enum: ['me', 'them'],
    nullable: true,
    description: 'who removed the connection',
  })
  removedBy!: 'me' | 'them' | null;
}

export class ConnectionsExportDto implements ConnectionsExportView {
  @ApiProperty({ enum: ['connections'] })
  service!: 'connections';

  @ApiProperty({ format: 'uuid', description: 'the signed-in employee, whose data this is' })
  employeeId!: string;

  @ApiProperty({ format: 'date-time' })
  exportedAt!: string;

  @ApiProperty({ type: [ExportedConnectionDto], description: 'my current connections, the oldest first' })
  connections!: ExportedConnectionDto[];

  @ApiProperty({
    type: [ExportedConnectionRequestDto],
    description: 'every request I sent or received, in any status, the oldest first',
  })
  connectionRequests!: ExportedConnectionRequestDto[];
}
