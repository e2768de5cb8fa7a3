import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import type { Block } from 'payload'

/**
 * An inline glossary mark: the span `text` as written in the item, linked to one glossary term.
 * Stored as Lexical `{ type: 'inlineBlock', fields: { blockType: 'glossaryTerm', term, text } }`.
 */
export const glossaryTermInline: Block = {
  slug: 'glossaryTerm',
  labels: { singular: 'Glossary term', plural: 'Glossary terms' },
  // The inline label shows the words; hovering shows the original 汉字 and pinyin.
  admin: { components: { Label: '/glossary/admin/GlossaryTermLabel#GlossaryTermLabel' } },
  fields: [
    {
      name: 'term',
      type: 'relationship',
      relationTo: 'glossary-terms',
      required: true,
      admin: { allowCreate: true, description: 'Pick a term, or create one with “+”.' },
    },
    {
      name: 'text',
      type: 'text',
      admin: { description: 'The words as they appear here; the term’s English when empty.' },
    },
  ],
}

/** The one rich-text editor configuration shared by every rich-text field. */
export const editor = lexicalEditor({
  features: ({ defaultFeatures }) => [...defaultFeatures, BlocksFeature({ inlineBlocks: [glossaryTermInline] })],
})
