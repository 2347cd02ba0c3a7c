/** The client's redirect URI with the answer's parameters added and our issuer named (RFC 9207), keeping its own query. */
export function clientRedirect(redirectUri: string, issuer: string, parameters: Record<string, string>): string {
  const location = new URL(redirectUri);
  for (const [name, value] of Object.entries({ ...parameters, iss: issuer })) location.searchParams.append(name, value);
  return location.toString();
}
