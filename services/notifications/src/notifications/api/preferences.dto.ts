import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, ValidateNested } from 'class-validator';
import type { CategorySwitches, DigestMode } from '../domain/email-category';

export class CategorySwitchesDto implements CategorySwitches {
  @ApiProperty({ description: 'The nudge to write one back when someone recommends you' })
  @IsBoolean()
  reciprocity!: boolean;

  @ApiProperty({ description: 'Someone asks you for a recommendation' })
  @IsBoolean()
  recommendation_requests!: boolean;

  @ApiProperty({ description: 'Recommendations you wrote or received are accepted, returned or to revise' })
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
