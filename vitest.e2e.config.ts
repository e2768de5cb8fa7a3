import { defineConfig } from 'vitest/config'

import NameOrderSequencer from './tests/helpers/sequencer'

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/e2e.json' },
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['tests/helpers/e2eGlobalSetup.ts'],
    sequence: { sequencer: NameOrderSequencer },
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
})
