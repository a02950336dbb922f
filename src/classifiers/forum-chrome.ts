import type {Transformer} from 'unified'
import forumData from '../data/forum.json' with {type: 'json'}
import {carriesDate} from '../dates.js'
import {Lexicon, removeLexiconMatches, type LexiconData} from '../lexicon.js'
import {guessedType} from '../page-features.js'
import {defaults} from '../thresholds.js'
import {blocksOf} from '../tree.js'
import type {Block, PageType, Root} from '../types.js'

export interface ForumChromeOptions {
  /** Lexicon of forum chrome (default: `data/forum.json`: poster statistics, post numbers, edit notes, post buttons, pagination). */
  lexicon?: LexiconData
  /** Page types whose pages carry forum chrome, and of pages the page-type model guessed might be one (`guessedType`) (default: `['forum']`). */
  pageTypes?: PageType[]
  /** Longest block (characters) that can be chrome (default: 160). */
  blockMaxChars?: number
}

/** Most words of a poster's name line ("ferrous_mike", "Nadia V."). */
const {nameMaxWords} = defaults.forumChrome

/** A line that can be a poster's name: a few words, no sentence. */
function isNameLine(block: Block): boolean {
  return block.features.words > 0 && block.features.words <= nameMaxWords && !block.features.terminal && block.features.sentences <= 1
}
/** Sure, but less than a furniture phrase: the lines are short and the page type is a model's judgement. */
const chromeScore = 0.9

/**
 * On a forum thread, whose posts are its content, remove what the forum
 * software writes around each post: the poster's rank and statistics
 * ("Joined: Mar 2, 2019", "Messages: 2,418", "Well-known member"), post
 * numbers, "Last edited" notes, "Click to expand…", reaction lines, the
 * like/quote/reply row, reply subjects ("Re: …") and thread pagination. The
 * poster's name and the post's date stay: they belong to the post; in a text
 * dump, a short line just above a poster's statistics is protected as the
 * name, a dated line just below them as the post's date. Only on forum pages, where such
 * short lines are chrome (and pages the page-type model guessed might be forum threads);
 * on an article they could be a list's items.
 */
export default function dechaffForumChrome(options: ForumChromeOptions = {}): Transformer<Root> {
  const lexicon = new Lexicon(options.lexicon ?? (forumData as LexiconData))
  const pageTypes = new Set<string>(options.pageTypes ?? ['forum'])
  const blockMaxChars = options.blockMaxChars ?? defaults.forumChrome.blockMaxChars
  return (tree) => {
    const verdict = tree.data?.pageType
    // A page the model guessed might be a forum thread keeps its replies (see comment-thread): its chrome goes too.
    const guessed = guessedType(tree)
    if (!(verdict && pageTypes.has(verdict.type)) && !(guessed && pageTypes.has(guessed))) return
    const blocks = blocksOf(tree).map((node) => node.data.block)
    // Whether each line is a poster's statistics, whichever classifier removed it first.
    const statistics = blocks.map((block) => block.features.chars <= blockMaxChars && lexicon.matchBlock(block.sentences, block.words)?.ruleId === 'poster-statistics')
    // Chrome that another rule removed first ("Joined: …" read as a menu's entries) is named for what it is; the software writes some in its quote boxes ("Click to expand…").
    removeLexiconMatches(blocks, lexicon, {blockMaxChars, score: chromeScore, rename: true, inQuotes: true})
    blocks.forEach((block, index) => {
      // Only in text dumps: a page's markup puts the author line in the post and the profile box beside it.
      if (statistics[index] || block.evidence.html) return
      if (statistics[index + 1] && isNameLine(block)) {
        block.protection = {ruleId: 'poster-name', reason: 'the poster’s name, above their statistics', score: chromeScore}
      } else if (statistics[index - 1] && block.features.words <= nameMaxWords * 2 && carriesDate(block)) {
        block.protection = {ruleId: 'post-date', reason: 'the post’s date, below its poster’s statistics', score: chromeScore}
      }
    })
  }
}
