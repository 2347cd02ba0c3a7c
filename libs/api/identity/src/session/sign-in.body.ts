import { ApiProperty } from '@nestjs/swagger';
import type { SignInRequest } from '@keyhouse/shared-contracts';
import { FieldRule, MAX_PASSWORD_LENGTH, RequestBody } from '@keyhouse/api-platform';
import { MAX_LOGIN_LENGTH } from './sign-in-account';

const BOTH_REQUIRED = 'Both username and password are required.';

/** `POST /admin/api/session`: only presence and length are checked here; whether they match is the sign-in's question. */
@RequestBody(BOTH_REQUIRED, { refused: BOTH_REQUIRED })
export class SignInBody implements SignInRequest {
  @ApiProperty({ description: 'The username or the email address, in any letter case.', maxLength: MAX_LOGIN_LENGTH })
  @FieldRule('isLogin', (value) => {
    if (typeof value !== 'string' || !value.trim()) return 'Enter your username or email.';
    return value.length > MAX_LOGIN_LENGTH ? `Use at most ${MAX_LOGIN_LENGTH} characters.` : undefined;
  })
  username!: string;

  @ApiProperty({ format: 'password', maxLength: MAX_PASSWORD_LENGTH })
  @FieldRule('isPassword', (value) => {
    if (typeof value !== 'string' || !value) return 'Enter your password.';
    return value.length > MAX_PASSWORD_LENGTH ? 'Too long.' : undefined;
  })
  password!: string;
}
