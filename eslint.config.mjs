// Lint rules that carry the architecture (STYLE.md): module boundaries by tag, and a
// pure domain that never reaches for a clock, randomness or an I/O library.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const ioLibraries = ['kafkajs', '@eventstore/*', 'better-sqlite3', 'prom-client', 'nodemailer'];
const frameworks = ['@nestjs/*', 'class-validator', 'class-transformer', 'rxjs', 'reflect-metadata'];
const nodeIo = ['fs', 'node:*', 'net', 'http', 'https', 'child_process', 'crypto', 'worker_threads'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'data/**', 'tmp/**', '**/jest.config.js', 'jest.preset.js'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: [...ioLibraries, ...frameworks, ...nodeIo],
            },
            {
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: ['type:platform'],
              bannedExternalImports: ['class-validator', 'class-transformer'],
            },
            { sourceTag: 'scope:event-store', bannedExternalImports: ['kafkajs', 'prom-client'] },
            { sourceTag: 'scope:messaging', bannedExternalImports: ['@eventstore/*', 'better-sqlite3', 'prom-client'] },
            { sourceTag: 'scope:observability', bannedExternalImports: ['@eventstore/*', 'better-sqlite3', 'kafkajs'] },
            { sourceTag: 'scope:notification', bannedExternalImports: ['@eventstore/*', 'better-sqlite3', 'kafkajs', 'prom-client'] },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:feature'],
              bannedExternalImports: ioLibraries,
            },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ioLibraries },
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:feature', 'type:ui'],
              bannedExternalImports: ioLibraries,
            },
            {
              sourceTag: 'type:test',
              onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:feature', 'type:service', 'type:ui'],
            },
          ],
        },
      ],
    },
  },
  {
    // Domain code takes time and ids from the command or the event (ARCHITECTURE.md principle 1).
    files: ['libs/domain/**/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      // Nx's bannedExternalImports covers npm packages; Node's built-in modules are banned here.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: nodeIo, message: 'Domain code does no I/O.' }] },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Domain code gets time from the event or command.' },
        { object: 'Math', property: 'random', message: 'Domain code is deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Domain code gets time from the event or command.' },
      ],
    },
  },
];
