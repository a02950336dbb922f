import type {Transformer} from 'unified'
import {quotedStart} from '../block.js'
import {guessedType} from '../page-features.js'
import {keptBeforeSettling} from '../settle.js'
import {defaults} from '../thresholds.js'
import {blocksOf, markRemovedAfterModel, readsAsHeading} from '../tree.js'
import type {Block, PageType, Root} from '../types.js'

export interface QuotedPostsOptions {
  /** Page types whose replies quote earlier posts, and of pages the page-type model guessed might be one (`guessedType`) (default: `['forum']`). */
  pageTypes?: PageType[]
  /** Shortest quotation, in characters of its normalised text, that is removed: a shorter line ("Thanks!", "+1") is said again, not quoted (default: 20). */
  minChars?: number
  /** Least share of a block's characters that the post it wraps makes up, for the block to be that post quoted under the forum's quote header ("Jane said: … Click to expand…") (default: 0.6). */
  minQuotedShare?: number
}

/** Words in a row that a quotation and the post it quotes are matched by, before their texts are compared. */
const shingleWords = 4

/**
 * On a forum thread, remove a reply's quotation of an earlier post: a kept
 * block that repeats a block kept above it, whole or in part ("the command
 * fails with exit code 2"), or that is such a block under the forum's quote
 * header ("Jane said: … Click to expand…"). The thread shows each post once;
 * quoted in a reply, it is text the page already holds. The reply's own words
 * stay. It runs last and reads what is kept so far, like the repeated-copy
 * classifier. Only on forum pages (and pages the page-type model guessed
 * might be forum threads): on an article a repeated line is a pull quote, in
 * documentation a repeated line of code is code.
 */
export default function dechaffQuotedPosts(options: QuotedPostsOptions = {}): Transformer<Root> {
  const pageTypes = new Set<string>(options.pageTypes ?? ['forum'])
  const minChars = options.minChars ?? defaults.quotedPosts.minChars
  const minQuotedShare = options.minQuotedShare ?? defaults.quotedPosts.minQuotedShare
  return (tree) => {
    const type = tree.data?.pageType?.type
    const guessed = guessedType(tree)
    if (!(type && pageTypes.has(type)) && !(guessed && pageTypes.has(guessed))) return
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const keeps = keptBeforeSettling(blocks, type)
    const posts = new PostsAbove()
    blocks.forEach((block, index) => {
      if (!keeps[index] || block.normal === '') return
      // The title and headings name a thread or a section, which a post above may well name too ("Food Wishes: Next Up: Pumpkin Pie" over "Next Up: Pumpkin Pie").
      const quoted = block.normal.length >= minChars && block.evidence.title !== true && !readsAsHeading(block) ? posts.quotedBy(block, minChars, minQuotedShare) : undefined
      if (quoted) markRemovedAfterModel(block, {ruleId: 'quoted-posts', reason: `quotes a post above: “${quotedStart(quoted.text)}”`, score: 0.8})
      else posts.add(block)
    })
  }
}

/** The kept blocks above, found by their text and by runs of their words, so that a thread of many posts is searched without comparing each pair. */
class PostsAbove {
  private readonly byText = new Map<string, Block>()
  /** Each run of `shingleWords` words, with the blocks that hold it. */
  private readonly byShingle = new Map<string, Block[]>()
  /** Each block's first run of words, with the blocks it opens. */
  private readonly byOpening = new Map<string, Block[]>()

  add(block: Block): void {
    if (!this.byText.has(block.normal)) this.byText.set(block.normal, block)
    const shingles = shinglesOf(block)
    for (const shingle of new Set(shingles)) appendTo(this.byShingle, shingle, block)
    if (shingles.length > 0) appendTo(this.byOpening, shingles[0] as string, block)
  }

  /** The post above that `block` repeats, quotes in part, or wraps in a quote header. */
  quotedBy(block: Block, minChars: number, minQuotedShare: number): Block | undefined {
    const same = this.byText.get(block.normal)
    if (same) return same
    const text = block.normal
    const shingles = shinglesOf(block)
    if (shingles.length === 0) return undefined
    const quotesPart = this.byShingle.get(shingles[0] as string)?.find((post) => post.normal.includes(text))
    if (quotesPart) return quotesPart
    for (const shingle of new Set(shingles)) {
      const wrapped = this.byOpening.get(shingle)?.find((post) => post.normal.length >= minChars && post.normal.length >= minQuotedShare * text.length && text.includes(post.normal))
      if (wrapped) return wrapped
    }
    return undefined
  }
}

function appendTo(map: Map<string, Block[]>, key: string, block: Block): void {
  const list = map.get(key)
  if (list) list.push(block)
  else map.set(key, [block])
}

/** The block's runs of `shingleWords` words, in order; none when it is shorter. */
function shinglesOf(block: Block): string[] {
  const {words} = block
  const shingles: string[] = []
  for (let start = 0; start + shingleWords <= words.length; start++) shingles.push(words.slice(start, start + shingleWords).join(' '))
  return shingles
}
