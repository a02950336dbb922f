import type {Transformer} from 'unified'
import data from '../data/bio.json' with {type: 'json'}
import {defaults} from '../thresholds.js'
import {alternation} from '../lexicon.js'
import {blocksOf, markRemoved} from '../tree.js'
import type {Block, BlockNode, Root} from '../types.js'
import {commonEnglishWords, givenNames} from '../words.js'

export interface AuthorBioOptions {
  /** Longest bio block, in characters (default: 700). */
  maxChars?: number
  /** First-person cues a bio with no name needs (default: 2). */
  minFirstPersonCues?: number
  /** How far down the page (share of its characters) a first-person bio must start (default: 0.5). */
  minPageShare?: number
  /** Fewest words of a bio its header vouches for: fewer make a menu's entry under an "About …" entry (default: 10). */
  headedMinWords?: number
}

const role = new RegExp(`\\b(?:${alternation(data.roles)})s?\\b`, 'u')
const roleContext = new RegExp(`(?:^|\\W)(?:${alternation(data.roleContext)})\\b`, 'u')
const thirdPersonStart = new RegExp(
  `^(\\p{Lu}[\\p{L}'’.-]+)(?: \\p{Lu}[\\p{L}'’.-]+){0,3},? (?:${alternation(data.thirdPersonVerbs)})\\b`,
  'u'
)
const roleInFirstSentence = new RegExp(`^[^,]{1,60} (?:is|was|has been) (?:a|an|the|our)\\b[^.]{0,50}\\b(?:${alternation(data.roles)})s?\\b`, 'u')
const firstPersonCues = data.firstPersonCues
/** Any of the cues: one search tells the many blocks that hold none. */
const anyFirstPersonCue = new RegExp(alternation(firstPersonCues), 'u')
const header = new RegExp(`^(?:${alternation(data.headers)})(?: [\\p{L}'’.-]+){0,3}$`, 'u')
/** A header's words as the page writes them, and the name after them ("About Amar Hussain"). */
const headerName = new RegExp(`^(?:${alternation(data.headers)})\\s*:?\\s+(.+)$`, 'iu')

/**
 * Remove author bios: a third-person bio ("Andy is a Senior Writer at …") with
 * the name line above it, a bio under the header that introduces it ("About
 * the author" or "About Matt Tschoegl" over "Matt Tschoegl works on…"), a
 * first-person about box ("Love to blog, write about … I also like to
 * snowboard") low on the page, and "About the author" headers.
 */
export default function dechaffAuthorBio(options: AuthorBioOptions = {}): Transformer<Root> {
  const maxChars = options.maxChars ?? defaults.bio.maxChars
  const minFirstPersonCues = options.minFirstPersonCues ?? defaults.bio.minFirstPersonCues
  const minPageShare = options.minPageShare ?? defaults.bio.minPageShare
  const headedMinWords = options.headedMinWords ?? defaults.bio.headedMinWords
  return (tree) => {
    const nodes = blocksOf(tree)
    const total = nodes.reduce((sum, node) => sum + node.data.block.features.chars, 0)
    // A bio above a text dump's headline is a sidebar's, however high on the page: the article starts at its headline. (Above an HTML page's headline, its `<h1>` may be a section's, and a bio-shaped paragraph the article's.)
    const title = tree.data?.elements ? -1 : nodes.findIndex((node) => node.data.block.evidence.title)
    let before = 0
    nodes.forEach((node, index) => {
      const block = node.data.block
      // Low on the page, or above a dump's headline: where a bio is no profile opening the article.
      const outsideArticleTop = index < title || (total === 0 ? 0 : before / total) >= minPageShare
      before += block.features.chars
      if (block.removal || block.features.chars > maxChars) return
      const bio = thirdPersonBio(block)
      const above = nodes[index - 1]?.data.block
      // A product or a firm is described as a writer is; under an "About …" header it is the site's own box all the same.
      const ofAuthor = bio !== undefined && (namesPerson(bio.opening) || (above !== undefined && header.test(above.normal)))
      if (ofAuthor && (outsideArticleTop || isNameLine(above, bio.name))) {
        markRemoved(block, {ruleId: 'author-bio', reason: `author bio of ${bio.name}`, score: 0.85})
        markNameLine(nodes, index, bio.name)
        return
      }
      const headed = block.features.words >= headedMinWords ? headedBio(nodes, index) : undefined
      if (headed !== undefined) {
        markRemoved(block, {ruleId: 'author-bio', reason: `author bio under its header${headed ? ` (of ${headed})` : ''}`, score: 0.85})
        markNameLine(nodes, index, undefined)
        return
      }
      // A first-person bio sits low on the page; only there are its cues looked for.
      if (!outsideArticleTop || !anyFirstPersonCue.test(block.normal)) return
      const cues = firstPersonCues.filter((cue) => block.normal.includes(cue))
      if (cues.length >= minFirstPersonCues) {
        markRemoved(block, {ruleId: 'author-bio', reason: `first-person author bio (${cues.slice(0, 3).join(', ')})`, score: 0.7})
        markNameLine(nodes, index, undefined)
      }
    })
  }
}

/** When the block is a third-person bio: the first word of its subject's name, and its opening (the name and the verb after it). */
function thirdPersonBio(block: Block): {name: string; opening: string} | undefined {
  const start = thirdPersonStart.exec(block.text)
  if (!start || block.features.sentences > 5) return undefined
  const firstSentence = block.sentences[0] ?? ''
  if (!role.test(block.normal) || !(roleContext.test(block.normal) || roleInFirstSentence.test(firstSentence))) return undefined
  return {name: start[1] as string, opening: start[0]}
}

/** Headers that say the box is about the page's writer ("About the author", "Meet the author"), not a bare "About". */
const authorHeader = new RegExp(`^(?:${alternation(data.headers.filter((words) => words !== 'about'))})$`, 'u')
/** A paragraph that opens with a person's name and goes on in lower case ("Matt Tschoegl works on…"), or in the first person or a pronoun. */
const namedOpening = /^(\p{Lu}[\p{L}'’.-]+)(?: \p{Lu}[\p{L}'’.-]+){0,3},? \p{Ll}/u
const selfOpening = /^(?:i|i'm|i’m|i am|my name is|he|she|they)\b/u

/**
 * A bio under the header that introduces it, which vouches for it where no
 * role word does: "About the author" (or "Mary", the name line, between) over
 * "Mary Brock is a scientist who…", "About Matt Tschoegl" over "Matt Tschoegl
 * works on…" or "I founded this blog…". A bare "About" names its subject: its
 * paragraph must open with that name, or in the first person, and the name
 * must lead with a known given name ("About Us" over "Acme Inc. is a…", or
 * a press release's "About Northshore Battery Works", is a firm's own text).
 * Gives the name the header gives ('' for none), or undefined when the block is no such bio.
 */
function headedBio(nodes: BlockNode[], index: number): string | undefined {
  const block = (nodes[index] as BlockNode).data.block
  if (block.features.sentences > 5) return undefined
  const opening = namedOpening.exec(block.text)
  const self = selfOpening.test(block.normal)
  if (!(opening && namesPerson(opening[0])) && !self) return undefined
  for (let previous = index - 1; previous >= Math.max(0, index - 3); previous--) {
    const above = (nodes[previous] as BlockNode).data.block
    if (authorHeader.test(above.normal.replace(/[\s.…:]+$/u, ''))) return ''
    const named = header.test(above.normal) ? headerName.exec(above.text)?.[1] : undefined
    // A person's name leads with a known given name: a firm's ("About Northshore Battery Works", a press release's boilerplate) does not.
    const first = named?.split(/\s+/u)[0]
    if (first !== undefined && givenNames.has(first.toLowerCase())) return self || opening?.[1] === first ? named : undefined
    if (!isNameLine(above, undefined)) return undefined
  }
  return undefined
}

/** Third-person pronouns that open a bio ("He was also Contributing Editor of …"). */
const pronouns = new Set(['he', 'she', 'they'])

/**
 * Whether the capitalised words opening a third-person bio name a person: a
 * pronoun, a known given name first, or a full name whose first word is no
 * common English word. A product, a framework or a band ("Lumen is a PHP
 * microframework created by…", "Veed is the most fully featured online
 * video editor", "Golden Toad is the solo project of…") is described the
 * same way and is the article's subject, not its author.
 */
function namesPerson(opening: string): boolean {
  const words = (opening.match(/\p{Lu}[\p{L}'’.-]+/gu) ?? []).map((word) => word.toLowerCase())
  const first = words[0] ?? ''
  return pronouns.has(first) || givenNames.has(first) || (words.length >= 2 && !commonEnglishWords.has(first))
}

/** The short line above a bio that names its author, or introduces it ("About the author"). */
function markNameLine(nodes: BlockNode[], index: number, name: string | undefined): void {
  for (let previous = index - 1; previous >= Math.max(0, index - 2); previous--) {
    const block = (nodes[previous] as BlockNode).data.block
    if (block.removal) continue
    if (header.test(block.normal)) {
      const named = headerName.exec(block.text)?.[1]
      markRemoved(block, {ruleId: 'author-bio', reason: 'author box header', score: 0.8, ...(named === undefined ? {} : {authorName: named})})
    } else if (isNameLine(block, name)) {
      markRemoved(block, {ruleId: 'author-bio', reason: 'author name above a bio', score: 0.8, authorName: block.text})
    } else {
      return
    }
  }
}

function isNameLine(block: Block | undefined, name: string | undefined): boolean {
  if (!block) return false
  const {words, features} = block
  if (words.length === 0 || words.length > 5 || features.terminal) return false
  if (!/^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,4}$/u.test(block.text)) return false
  return name === undefined || words.includes(name.toLowerCase())
}
