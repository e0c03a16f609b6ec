import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { EmployeeResponse } from '../../employees/api/employee.dto';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A link's token is 43 base64url characters; anything much longer is not one of ours. */
const TOKEN_MAX_LENGTH = 128;

/** What an account request that emails someone answers, whether or not the address has an account. */
export class CheckYourEmailResponse {
  @ApiProperty({ example: 'If the address can use Vouch, an email is on its way to it.' })
  message!: string;
}

export class EmailRequest {
  @ApiProperty({ example: 'ana.lima@acme.com', maxLength: 254 })
  @Transform(trimmed)
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class ConfirmEmailRequest {
  @ApiProperty({ description: 'the token of the "Confirm your email" link (after `#token=`)' })
  @IsString()
  @MinLength(1)
  @MaxLength(TOKEN_MAX_LENGTH)
  token!: string;
}

export class EmailConfirmedResponse {
  @ApiProperty({ type: EmployeeResponse })
  employee!: EmployeeResponse;

  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ type: 'integer', description: 'seconds until the token expires' })
  expiresIn!: number;
}

export class ResetPasswordRequest {
  @ApiProperty({ description: 'the token of the "Reset your password" link (after `#token=`)' })
  @IsString()
  @MinLength(1)
  @MaxLength(TOKEN_MAX_LENGTH)
  token!: string;

  @ApiProperty({ minLength: 12, maxLength: 256, format: 'password' })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password!: string;
}
