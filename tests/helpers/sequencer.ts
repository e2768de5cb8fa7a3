import { BaseSequencer, type TestSpecification } from 'vitest/node'

/** e2e files run in name order, so `01-…` (which creates the first user) runs first. */
export default class NameOrderSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId))
  }
  async shard(files: TestSpecification[]): Promise<TestSpecification[]> {
    return files
  }
}
