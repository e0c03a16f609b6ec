import { ApiProperty, PickType } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { RegisterRequest } from '../../employees/api/employee.dto';
import type { Invitation } from '../domain/invitation';

/** The link's query (`?invitation=&token=`) and the password chosen, with registration's rules. */
export class AcceptInvitationRequest extends PickType(RegisterRequest, ['password'] as const) {
  @ApiProperty({ format: 'uuid', description: 'the `invitation` of the link' })
  @IsUUID()
  invitationId!: string;

  @ApiProperty({ description: 'the `token` of the link', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  token!: string;
}

export class InvitationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  employeeId!: string;

  @ApiProperty({ format: 'date-time' })
  invitedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'when its link stops working' })
  expiresAt!: string;

  static from(invitation: Invitation): InvitationResponse {
    const state = invitation.snapshot();
    return {
      id: state.id,
      employeeId: state.employeeId,
      invitedAt: state.invitedAt.toISOString(),
      expiresAt: state.expiresAt.toISOString(),
    };
  }
}
