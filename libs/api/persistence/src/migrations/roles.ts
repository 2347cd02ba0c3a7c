/**
 * The built-in roles as the first migration creates them. A migration is history: later
 * migrations that add permissions grant them to ROLE_ADMINISTRATOR themselves.
 */
export const INITIAL_ROLES = [
  {
    name: 'ROLE_ADMINISTRATOR',
    label: 'Administrator',
    permissions: JSON.stringify(['users.view', 'organizations.view', 'customer_users.view']),
  },
  { name: 'ROLE_USER', label: 'User', permissions: '[]' },
];
