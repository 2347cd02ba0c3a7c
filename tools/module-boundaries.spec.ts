import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

// The rule reads Nx's cached project graph and skips itself when there is none.
beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false' },
    stdio: 'ignore',
  });
});

/** Lints `source` as if it were the file at `filePath`, with the workspace's real config. */
function lint(filePath: string, source: string): string[] {
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', filePath, '--format', 'json'],
    { cwd: root, input: source, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
  return report.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

// These run the real linter over the real project graph, so each takes a few seconds.
jest.setTimeout(60_000);

describe('module boundaries (DESIGN.md section 1)', () => {
  it('keeps frameworks out of the shared contracts', () => {
    expect(lint('libs/shared/contracts/src/leak.ts', "export { Controller } from '@nestjs/common';\n")).toEqual([
      expect.stringContaining('@nestjs/common'),
    ]);
  });

  it('keeps the console away from API libraries', () => {
    expect(lint('apps/admin/src/leak.ts', "export { SESSION_COOKIE } from '@keyhouse/api-identity';\n")).toEqual([
      expect.stringMatching(/scope:admin/),
    ]);
  });

  it('keeps the contracts free of API libraries', () => {
    expect(lint('libs/shared/contracts/src/leak.ts', "export { findPage } from '@keyhouse/api-persistence';\n")).toEqual([
      expect.stringMatching(/scope:shared/),
    ]);
  });

  it('keeps data access below the features', () => {
    // Reported as a dependency cycle, since features already use data access.
    expect(lint('libs/api/persistence/src/leak.ts', "export { User } from '@keyhouse/api-identity';\n")).toEqual([
      expect.stringMatching(/api-persistence -> api-identity/),
    ]);
  });

  it('keeps the protocol away from the metrics library: the application wires metrics in', () => {
    expect(lint('libs/api/oauth/src/leak.ts', "export { Metrics } from '@keyhouse/api-metrics';\n")).toEqual([expect.stringMatching(/type:protocol/)]);
  });

  it('lets a feature use data access and the contracts', () => {
    const source = "export { findPage } from '@keyhouse/api-persistence';\nexport type { UserDto } from '@keyhouse/shared-contracts';\n";
    expect(lint('libs/api/identity/src/fine.ts', source)).toEqual([]);
  });
});
