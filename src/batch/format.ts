import type {CleanResult} from '../clean.js'

import type {CleanOptions} from '../options.js'
import type {PageMetadata} from '../types.js'

/** Output formats of a batch: the cleaner's formats, or JSON with every block's verdict. */
export type OutputFormat = 'text' | 'markdown' | 'html' | 'json'


/** The cleaning options that give a batch's format: JSON carries the plain text. */
export function withFormat(options: CleanOptions, format: OutputFormat): CleanOptions {
  return format === 'json' ? options : {...options, format}
}

/** What one cleaned page turns into, ready to write. */
export interface PageOutput {
  /** The page in the asked format (`json`: its plain text). */
  text: string
  /** `json`: the page as one object, its text, metadata and blocks. */
  document?: PageDocument
  removed: Array<{rule: string; chars: number}>
  /** The page's language (ISO 639-1, `und` when too little text to tell). */
  language: string
  /** The page's metadata, for JSON Lines records. */
  metadata: PageMetadata
  /** With `comments`: the page's comment thread, for JSON Lines records. */
  comments?: string
}

/** A page as `--format json` writes it. */
export interface PageDocument {
  input: CleanResult['input']
  language: CleanResult['language']
  pageType?: CleanResult['pageType']
  text: string
  /** With `comments`: the page's comment thread, apart from its text. */
  comments?: string
  metadata: PageMetadata
  metadataSources: CleanResult['metadataSources']
  blocks: CleanResult['blocks']
}

/** The page in the asked format, and the characters each rule removed. */
export function formatPage(result: CleanResult, format: OutputFormat): PageOutput {
  const removedBy = new Map<string, number>()
  for (const block of result.blocks) {
    if (!block.kept) removedBy.set(block.ruleId, (removedBy.get(block.ruleId) ?? 0) + block.text.length)
  }
  const removed = [...removedBy].map(([rule, chars]) => ({rule, chars})).sort((a, b) => b.chars - a.chars)
  const language = result.language.code
  const {metadata, metadataSources} = result
  const comments = result.comments === undefined ? {} : {comments: result.comments}
  if (format === 'json') return {text: result.text, document: {input: result.input, language: result.language, ...(result.pageType ? {pageType: result.pageType} : {}), text: result.text, ...comments, metadata, metadataSources, blocks: result.blocks}, removed, language, metadata}
  return {text: result.output, removed, language, metadata, ...comments}
}
