import * as migration_20261122_150753_initial from './20261122_150753_initial'

export const migrations = [
  {
    up: migration_20261122_150753_initial.up,
    down: migration_20261122_150753_initial.down,
    name: '20261122_150753_initial',
  },
]
