import type { Config } from 'payload'

/** Glossary: term suggestions, auto-linking of marked terms, consistency view and endpoints. */
export const withGlossary = (config: Config): Config => config
