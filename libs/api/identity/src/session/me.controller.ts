import { Controller, Get } from '@nestjs/common';
import type { MeDto } from '@keyhouse/shared-contracts';
import { toMeDto } from '../dto';
import { CurrentPrincipal } from './decorators';
import type { BackOfficePrincipal } from './principal';

@Controller('admin/api/me')
export class MeController {
  @Get()
  me(@CurrentPrincipal() principal: BackOfficePrincipal): MeDto {
    return toMeDto(principal);
  }
}
