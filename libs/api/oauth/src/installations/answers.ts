import { ApiProperty } from '@nestjs/swagger';
import type { InstalledAppDto, MarketplaceAppDto, OAuthInstallationDto } from '@keyhouse/shared-contracts';

/** The answers of the installation routes, as the OpenAPI document describes them; the contracts say what each field means. */

type InstalledApplication = OAuthInstallationDto['application'];
type ConsentingSubject = OAuthInstallationDto['subject'];

export class InstalledApplicationAnswer implements InstalledApplication {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  slug!: string;

  @ApiProperty()
  clientId!: string;
}

export class ConsentingSubjectAnswer implements ConsentingSubject {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  email!: string;
}

export class OAuthInstallationAnswer implements OAuthInstallationDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ type: 'integer' })
  applicationId!: number;

  @ApiProperty({ type: () => InstalledApplicationAnswer })
  application!: InstalledApplicationAnswer;

  @ApiProperty({ type: 'integer' })
  organizationId!: number;

  @ApiProperty()
  organizationName!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Set when a back-office user consented.' })
  userId!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Set when a storefront customer user consented.' })
  customerUserId!: number | null;

  @ApiProperty({ type: () => ConsentingSubjectAnswer, description: 'Who consented.' })
  subject!: ConsentingSubjectAnswer;

  @ApiProperty({ type: [String] })
  scopes!: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class MarketplaceAppAnswer implements MarketplaceAppDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  slug!: string;

  @ApiProperty()
  organizationName!: string;

  @ApiProperty({ type: String, nullable: true })
  installUrl!: string | null;

  @ApiProperty({ type: [String] })
  scopes!: string[];

  @ApiProperty()
  confidential!: boolean;

  @ApiProperty()
  firstParty!: boolean;
}

export class InstalledAppAnswer implements InstalledAppDto {
  @ApiProperty({ description: "The application's redirect URI with a fresh code." })
  redirectUrl!: string;
}
