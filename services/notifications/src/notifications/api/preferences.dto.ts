import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, ValidateNested } from 'class-validator';
import type { CategorySwitches, DigestMode } from '../domain/email-category';

export class CategorySwitchesDto implements CategorySwitches {
  @ApiProperty({
    description:
      'Someone recommended you (the first time an author does, with the nudge to write one back), or returned the favour',
  })
  @IsBoolean()
  reciprocity!: boolean;

  @ApiProperty({ description: 'Someone asks you for a recommendation' })
  @IsBoolean()
  recommendation_requests!: boolean;

  @ApiProperty({ description: 'A recommendation you wrote is accepted, or its subject asks for a revision' })
  @IsBoolean()
  recommendation_updates!: boolean;

  @ApiProperty({ description: 'Someone asks to connect' })
  @IsBoolean()
  connection_requests!: boolean;

  @ApiProperty({ description: 'Someone accepted your connection request' })
  @IsBoolean()
  connection_updates!: boolean;

  @ApiProperty({ description: 'A gentle reminder of a request still waiting for you' })
  @IsBoolean()
  reminders!: boolean;
}

/** The whole set of preferences, as GET answers it and PUT replaces it. */
export class NotificationPreferencesDto {
  @ApiProperty({ type: CategorySwitchesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CategorySwitchesDto)
  categories!: CategorySwitchesDto;

  @ApiProperty({ enum: ['off', 'daily'] })
  @IsIn(['off', 'daily'])
  digest!: DigestMode;

  @ApiProperty({ description: 'No email at all, whatever the categories say' })
  @IsBoolean()
  unsubscribedAll!: boolean;
}
