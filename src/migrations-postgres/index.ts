import * as migration_20261130_210207_initial from './20261130_210207_initial'

export const migrations = [
  {
    up: migration_20261130_210207_initial.up,
    down: migration_20261130_210207_initial.down,
    name: '20261130_210207_initial',
  },
]
