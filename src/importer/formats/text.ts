import type { Block } from '../types'

const LIST_ITEM = /^\s*(?:(\d{1,2})[.)]|[-•*])\s+(.*)$/

/** Plain text: one block per non-blank line; blank lines before a line are counted. */
export function parseText(text: string): Block[] {
  const blocks: Block[] = []
  let gap = 0
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.replace(/\s+$/, '')
    if (!line.trim()) {
      gap++
      return
    }
    const list = LIST_ITEM.exec(line)
    if (list) {
      blocks.push({
        kind: 'list-item',
        text: list[2].trim(),
        ordered: list[1] !== undefined,
        line: index + 1,
        gapBefore: gap,
      })
    } else {
      blocks.push({ kind: 'paragraph', text: line.trim(), line: index + 1, gapBefore: gap })
    }
    gap = 0
  })
  return blocks
}
