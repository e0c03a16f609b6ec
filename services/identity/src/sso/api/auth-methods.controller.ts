import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';

export class AuthMethodsResponse {
  @ApiProperty({ description: "sign-in with the company's identity provider (`GET /v1/auth/sso/start`)" })
  sso!: boolean;

  @ApiProperty({ description: 'sign-up and sign-in with an email and a password' })
  password!: boolean;
}

export const AUTH_METHODS = Symbol('AUTH_METHODS');

/** How people sign in here, for the portal's sign-in page. */
@ApiTags('auth')
@Controller('v1/auth/methods')
export class AuthMethodsController {
  constructor(@Inject(AUTH_METHODS) private readonly methods: AuthMethodsResponse) {}

  @Get()
  @ApiOkResponse({ type: AuthMethodsResponse })
  get(): AuthMethodsResponse {
    return { sso: this.methods.sso, password: this.methods.password };
  }
}
