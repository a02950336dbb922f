import data from './data/metadata.json' with {type: 'json'}
import {alternation} from './lexicon.js'
import type {Block} from './types.js'

/**
 * Date and byline evidence that several classifiers read: the metadata
 * classifier removes such lines, the comment-thread classifier takes a dated
 * name line as the head of a comment.
 */
const months = new Set(data.months)
const weekdays = new Set(data.weekdays)

/** The start of a byline ("By", "Posted by", "Updated"), with what separates it from the name. */
export const bylineStart = new RegExp(`^(?:${alternation(data.bylineStarts)})\\s*:?\\s+`, 'u')
/** A clock time ("3:42 p.m.", "10am"). */
export const clockTime = /\b\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?)?\b|\b\d{1,2}\s?[ap]\.?m\.?(?:\s|$)/u
const numericDate = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b/u
const relativeDate = /\b(?:\d+|an?|one|two|few)\s(?:second|minute|min|hour|hr|day|week|month|year)s?\sago\b/u

/** Whether the block carries a date ("March 4, 2024", "04/03/24", "2 days ago"). */
export function carriesDate(block: Block): boolean {
  return hasCalendarDate(block.words) || numericDate.test(block.normal) || relativeDate.test(block.normal)
}

/** A metadata line with a date or a clock time: a dateline, or the name-and-date line heading a comment. */
export function isDatedByline(block: Block): boolean {
  return block.removal?.ruleId === 'byline' && (carriesDate(block) || clockTime.test(block.normal))
}

/** Starts like a byline ("By …", "Posted by …", "Updated …"). */
export function startsLikeByline(block: Block): boolean {
  return bylineStart.test(block.normal)
}

function hasCalendarDate(words: string[]): boolean {
  for (let index = 0; index < words.length; index++) {
    const written = words[index] as string
    const word = written.endsWith('.') ? written.slice(0, -1) : written
    if (weekdays.has(word)) return true
    if (months.has(word) && word !== 'may') {
      const around = [words[index - 1], words[index + 1]]
      if (around.some((neighbour) => neighbour !== undefined && /^\d{1,4}(?:st|nd|rd|th)?$/.test(neighbour))) return true
    }
  }
  return false
}
