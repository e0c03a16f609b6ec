import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { LogIn } from '../application/log-in.use-case';
import { RegisterEmployee } from '../application/register-employee.use-case';
import {
  EmployeeResponse,
  LoginRequest,
  LoginResponse,
  RegisterRequest,
  RegisterResponse,
} from './employee.dto';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly registerEmployee: RegisterEmployee,
    private readonly logIn: LogIn,
  ) {}

  @Post('register')
  @ApiCreatedResponse({ type: RegisterResponse })
  @ApiConflictResponse({ description: 'the email is taken' })
  @ApiForbiddenResponse({ description: 'the email domain may not register' })
  async register(@Body() body: RegisterRequest): Promise<RegisterResponse> {
    const { employee, accessToken } = await this.registerEmployee.execute(body);
    return { employee: EmployeeResponse.from(employee), accessToken };
  }

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'wrong email or password' })
  @ApiTooManyRequestsResponse({ description: 'too many attempts; see Retry-After' })
  login(@Body() body: LoginRequest, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.logIn.execute({
      email: body.email,
      password: body.password,
      address: request.ip,
    });
  }
}
