import type {Transformer} from 'unified'
import data from '../data/comments.json' with {type: 'json'}
import {isProse} from '../regions.js'
import {defaults} from '../thresholds.js'
import {blocksOf, markRemoved} from '../tree.js'
import type {Block, Root} from '../types.js'

export interface CommentThreadOptions {
  /** Comment author lines or buttons needed after the start for a thread (default: 2). */
  minMarkers?: number
  /** Shortest article prose block, in characters (default: 150). */
  proseMinChars?: number
}

const authorLines = data.authorLines.map((pattern) => new RegExp(pattern, 'u'))
const markerMaxChars = 150

/**
 * Remove a comment or reply thread below the article. The thread starts at a
 * comment header ("5 thoughts on …", "Comments") or a commenter's line after
 * the article's first prose, and is confirmed by further commenter lines
 * ("Jane says:", "Reply", forum poster statistics); from there to the end of
 * the page every block is part of the thread. On a forum page the opening
 * post is the article: the thread starts with the first reply.
 */
export default function dechaffCommentThread(options: CommentThreadOptions = {}): Transformer<Root> {
  const minMarkers = options.minMarkers ?? defaults.regions.commentMinMarkers
  const proseMinChars = options.proseMinChars ?? defaults.regions.proseMinChars
  return (tree) => {
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const firstProse = blocks.findIndex((block) => isProse(block, {proseMinChars}))
    if (firstProse === -1) return
    const authorAt = blocks.map((block) => isCommentAuthorLine(block))
    const remainingAuthors: number[] = []
    let count = 0
    for (let index = blocks.length - 1; index >= 0; index--) {
      if (authorAt[index]) count++
      remainingAuthors[index] = count
    }
    for (let index = firstProse + 1; index < blocks.length; index++) {
      const block = blocks[index] as Block
      const header = block.removal?.ruleId === 'comment-form'
      if (!(header || authorAt[index])) continue
      if ((remainingAuthors[index] ?? 0) < minMarkers) return
      if (!blocks.slice(index + 1).some((later) => !later.removal)) return
      const start = block.text.length > 60 ? `${block.text.slice(0, 57)}…` : block.text
      for (const later of blocks.slice(index)) {
        // On an HTML page the article container outranks a guess from text: its blocks are left to the DOM hints.
        if (later.inArticle) continue
        markRemoved(later, {ruleId: 'comment-thread', reason: `inside the comment thread that starts at “${start}”`, score: 0.8})
      }
      return
    }
  }
}

/** A commenter's name line, poster statistics or a comment button. */
export function isCommentAuthorLine(block: Block): boolean {
  // A heading ("Verizon Is Said to Be Near a Deal… July 22") is a headline, never a commenter's line.
  return block.evidence.heading === undefined && block.features.chars <= markerMaxChars && authorLines.some((pattern) => pattern.test(block.normal))
}
