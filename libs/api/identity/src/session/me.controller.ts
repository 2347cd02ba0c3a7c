import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { MeDto } from '@keyhouse/shared-contracts';
import { MeAnswer } from '../answers';
import { toMeDto } from '../dto';
import { CurrentPrincipal } from './decorators';
import type { BackOfficePrincipal } from './principal';

@Controller('admin/api/me')
export class MeController {
  @Get()
  @ApiOkResponse({ type: MeAnswer })
  me(@CurrentPrincipal() principal: BackOfficePrincipal): MeDto {
    return toMeDto(principal);
  }
}
