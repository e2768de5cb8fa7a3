import { lexicalEditor } from '@payloadcms/richtext-lexical'

/** The one rich-text editor configuration shared by every rich-text field. */
export const editor = lexicalEditor({})
