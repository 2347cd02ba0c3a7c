import { Injectable } from '@nestjs/common';
import { CustomerUser } from '@keyhouse/api-identity';
import { DataSource } from 'typeorm';
import { BearerTokens } from './bearer-tokens';

/** The storefront API's rules: who a storefront access token stands for. */
@Injectable()
export class StorefrontService {
  constructor(
    private readonly bearerTokens: BearerTokens,
    private readonly dataSource: DataSource,
  ) {}

  /** The customer user a token of a storefront application acts for, or null when it is refused. */
  async customerFor(token: string): Promise<CustomerUser | null> {
    const customerId = await this.bearerTokens.storefrontCustomerId(token);
    return customerId === undefined ? null : this.dataSource.getRepository(CustomerUser).findOneBy({ id: customerId });
  }
}
