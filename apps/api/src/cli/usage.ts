export const USAGE = `Usage: npm run keyhouse -- <command> [options]

Commands:
  keys generate                  create a signing key pair of OAUTH_SIGNING_ALG's type at
                                 OAUTH_PRIVATE_KEY_PATH and OAUTH_PUBLIC_KEY_PATH; refuses when
                                 either file exists
  keys rotate                    replace the key pair with one of OAUTH_SIGNING_ALG's type; the old
                                 public key keeps verifying for a day (also: npm run keys:rotate)
  keys retire <kid>              an old key that new key files replaced on every instance: it keeps
                                 verifying for a day, then leaves the JWKS
  applications create            create an OAuth application; its client secret is printed once
      --organization <id|name>   required
      --name <name>              required
      --grant <grant>            client_credentials, password or authorization_code; repeat for
                                 several; at least one
      --user <user>              who it acts as: a back-office username, or with --frontend a
                                 customer user's email (required for client_credentials)
      --frontend                 a storefront application (default: back office)
      --public                   a public client: no secret, authorization_code with PKCE
      --redirect-uri <uri>       repeat for several (required for authorization_code)
  applications deactivate <client id or id>
                                 no new tokens; the ones it holds are refused
  users create                   create a back-office user
      --username <name>          required
      --email <address>          required
      --organization <id|name>   required
      --role <role>              required: ROLE_ADMINISTRATOR, ROLE_USER, ... (name or label)
      --password <password>      12 characters or more; left out, one is generated and printed once
  cleanup                        delete expired tokens, codes, sessions and sign-in failures now
  help                           this text

Configuration comes from the environment, as for npm start (DATABASE_URL, OAUTH_PRIVATE_KEY_PATH...).
Exit codes: 0 done, 1 failed (a bad value, nothing by that name, no database), 2 not understood.
`;
