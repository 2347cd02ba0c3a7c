/**
 * An application installed in an organization: the consent one user gave it there (RFC 6749
 * 4.1), and the grant every token issued from that consent belongs to. Uninstalling revokes them all.
 */
export interface OAuthInstallationDto {
  id: number;
  applicationId: number;
  application: { id: number; name: string; slug: string; clientId: string };
  organizationId: number;
  organizationName: string;
  /** Set when a back-office user consented. */
  userId: number | null;
  /** Set when a storefront customer user consented. */
  customerUserId: number | null;
  /** Who consented. */
  subject: { id: number; name: string; email: string };
  scopes: string[];
  createdAt: string;
  updatedAt: string;
}

/** An application a signed-in user may install (`GET /admin/api/marketplace-apps`). */
export interface MarketplaceAppDto {
  id: number;
  name: string;
  slug: string;
  organizationName: string;
  installUrl: string | null;
  scopes: string[];
  confidential: boolean;
  firstParty: boolean;
}

/** Body of `POST /admin/api/apps/installed`. */
export interface InstallAppInput {
  integrationName: string;
  scopes?: string[];
  organizationId?: number;
}

/** Answer of `POST /admin/api/apps/installed`: where to send the browser, with a fresh code. */
export interface InstalledAppDto {
  redirectUrl: string;
}
