import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { DormancyPolicyDto } from '@keyhouse/shared-contracts';
import { DormancyPolicyAnswer } from '../answers';
import { Dormancy } from './dormancy';

/** The dormancy settings, which the console explains next to each "Dormant" badge (any signed-in user may ask). */
@Controller('admin/api/system/dormancy')
export class DormancyController {
  constructor(private readonly dormancy: Dormancy) {}

  @Get()
  @ApiOkResponse({ type: DormancyPolicyAnswer })
  policy(): DormancyPolicyDto {
    return this.dormancy.policy();
  }
}
