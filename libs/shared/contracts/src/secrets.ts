/** One client secret as `GET oauth-applications/:id/secrets` lists it: never its value or digest. */
export interface ClientSecretDto {
  id: number;
  createdAt: string;
  /** Null: valid until revoked. */
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** Answer of `POST oauth-applications/:id/secrets`: the only time the new secret is ever shown. */
export interface CreatedClientSecretDto extends ClientSecretDto {
  clientId: string;
  clientSecret: string;
}

/** Body of `POST oauth-applications/:id/secrets`. Times are ISO 8601 with a time zone. */
export interface ClientSecretInput {
  /** When the new secret expires; absent or null: never. Must be in the future. */
  expiresAt?: string | null;
  /**
   * When the secrets that are live now stop working (default: in DEFAULT_ROTATION_OVERLAP_DAYS
   * days); now or earlier revokes them at once.
   */
  previousExpiresAt?: string;
}

/** How many secrets an application may have live at once: enough for a rotation or two, no more. */
export const MAX_LIVE_SECRETS = 5;

/** How long the secrets being replaced keep working when the admin does not say. */
export const DEFAULT_ROTATION_OVERLAP_DAYS = 7;
