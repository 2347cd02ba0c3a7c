import nx from '@nx/eslint-plugin';

// DESIGN.md section 1, enforced: a forbidden import is a lint error and fails `npm test`.
const LIBRARY_TYPES = ['type:contracts', 'type:data-access', 'type:platform', 'type:feature', 'type:protocol', 'type:notifications', 'type:metrics', 'type:audit'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/test-output', 'tmp', 'var', '**/*.timestamp-*.mjs'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            // Sides of the product: the API and the console share nothing but the contracts.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:admin', onlyDependOnLibsWithTags: ['scope:admin', 'scope:shared'] },
            // Contracts are plain types: no framework may leak into them.
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: ['@nestjs/*', '@fastify/*', 'fastify', 'typeorm', 'react', 'react-*', 'ra-*', '@mui/*', 'node:*'],
            },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:contracts'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:data-access', 'type:contracts'] },
            // Features never import the protocol or notifications: those come to features, not the reverse.
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:platform', 'type:data-access', 'type:contracts'],
            },
            {
              sourceTag: 'type:protocol',
              onlyDependOnLibsWithTags: ['type:feature', 'type:platform', 'type:data-access', 'type:contracts'],
            },
            {
              sourceTag: 'type:notifications',
              onlyDependOnLibsWithTags: ['type:notifications', 'type:platform', 'type:data-access', 'type:contracts'],
            },
            // The audit trail attaches itself to the platform's AuditTrail: no feature imports it.
            {
              sourceTag: 'type:audit',
              onlyDependOnLibsWithTags: ['type:platform', 'type:data-access', 'type:contracts'],
            },
            // Metrics are wired in by the application: the protocol reports through its own interface.
            {
              sourceTag: 'type:metrics',
              onlyDependOnLibsWithTags: ['type:platform', 'type:data-access', 'type:contracts'],
            },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: LIBRARY_TYPES },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts'] },
          ],
        },
      ],
    },
  },
];
