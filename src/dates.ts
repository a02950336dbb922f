import * as chronoDe from 'chrono-node/de'
import * as chronoEn from 'chrono-node/en'
import * as chronoEs from 'chrono-node/es'
import * as chronoFi from 'chrono-node/fi'
import * as chronoFr from 'chrono-node/fr'
import * as chronoIt from 'chrono-node/it'
import * as chronoJa from 'chrono-node/ja'
import * as chronoNl from 'chrono-node/nl'
import * as chronoPt from 'chrono-node/pt'
import * as chronoRu from 'chrono-node/ru'
import * as chronoSv from 'chrono-node/sv'
import * as chronoUk from 'chrono-node/uk'
import * as chronoZh from 'chrono-node/zh'
import {letteredWords} from './block.js'
import data from './data/metadata.json' with {type: 'json'}
import pageData from './data/page-metadata.json' with {type: 'json'}
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
/**
 * "Jane Doe March 4, 2024", "Jane Doe · Updated 4 March 2024": one to four
 * capitalised words leading a dateline, up to its date (the first group).
 * `leadingName` takes as many as it can (all of them count as the line's
 * known words: "A Monday Morning List Oct 29, 2012" is a dateline's line);
 * `writerBeforeDate` the fewest, the writer's name ("Kristian Larsen" of
 * "Kristian Larsen July 13, 2025", where "Tom May" alone is a name).
 */
export const leadingName = leadingWords('{0,3}')
export const writerBeforeDate = leadingWords('{0,3}?')

function leadingWords(more: string): RegExp {
  return new RegExp(
    `^(\\p{Lu}[\\p{L}'’.-]*(?: \\p{Lu}[\\p{L}'’.-]*)${more})(?=\\s*(?:[|•·—–,]\\s*)?(?:(?:${anyCase(['updated', 'published', 'posted', 'on'])})\\s+)?(?:\\n|\\d|(?:${anyCase([...data.months, ...data.weekdays])})\\b))`,
    'u'
  )
}

/** Words as written in lower case, capitalised or in capitals (a case-blind alternation would let `\\p{Lu}` match lower case too). */
function anyCase(words: string[]): string {
  return words.flatMap((word) => [word, ...gluedForms([word])]).join('|')
}

/** Words capitalised ("March") and in capitals ("MARCH"), as a dump glues them after a lower-case letter. */
export function gluedForms(words: Iterable<string>): string[] {
  return [...words].flatMap((word) => [word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()])
}
/** A clock time ("3:42 p.m.", "10am"). */
export const clockTime = /\b\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?)?\b|\b\d{1,2}\s?[ap]\.?m\.?(?:\s|$)/u
const numericDate = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b/u
/** A date written with the Chinese and Japanese year, month and day signs ("2012年01月17日", "1月17日"). */
const cjkDate = /\d{2,4}\s?年\s?\d{1,2}\s?月|\d{1,2}\s?月\s?\d{1,2}\s?日/u
const relativeDate = /\b(?:\d+|an?|one|two|few)\s(?:second|minute|min|hour|hr|day|week|month|year)s?\sago\b/u

/** Whether the block carries a date ("March 4, 2024", "04/03/24", "2 days ago"). */
export function carriesDate(block: Pick<Block, 'words' | 'normal'>): boolean {
  return hasCalendarDate(block.words) || numericDate.test(block.normal) || cjkDate.test(block.normal) || relativeDate.test(block.normal)
}

/** A metadata line with a date or a clock time: a dateline, or the name-and-date line heading a comment. */
export function isDatedByline(block: Block): boolean {
  return block.removal?.ruleId === 'byline' && (carriesDate(block) || clockTime.test(block.normal))
}

const timestampWords = new Set([...data.months, ...data.weekdays, ...data.relative, ...data.clock])
const timestampNumber = /^\d{1,4}(?:[:./-]\d{1,4}){0,2}$/u

/** A date or a time and nothing else ("Today, 10:55", "8 April 2012, 16:05"): no marker ("Posted"), name or other word. */
export function isBareTimestamp(block: Block): boolean {
  const words = letteredWords(block)
  return words.length > 0 && words.every((word) => timestampWords.has(word) || timestampNumber.test(word))
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
    // "may" is a month only in a full date ("May 14, 2025", "14 May 2025"); otherwise it is the verb.
    if (months.has(word) && (word !== 'may' || isFullDate(words, index))) {
      const around = [words[index - 1], words[index + 1]]
      if (around.some((neighbour) => neighbour !== undefined && /^\d{1,4}(?:st|nd|rd|th)?$/.test(neighbour))) return true
    }
  }
  return false
}

const dayNumber = /^\d{1,2}(?:st|nd|rd|th)?$/u
const yearNumber = /^\d{4}$/u

/** The month name at `index` sits between a day and a year, in either order. */
function isFullDate(words: string[], index: number): boolean {
  const [before, after, afterNext] = [words[index - 1] ?? '', words[index + 1] ?? '', words[index + 2] ?? '']
  return (dayNumber.test(after) && yearNumber.test(afterNext)) || (dayNumber.test(before) && yearNumber.test(after))
}

type ChronoParse = typeof chronoEn.parse

/** Free-text date readers by language; English the fallback, day-first English outside the US. */
const dateReaders: Record<string, ChronoParse> = {
  en: chronoEn.parse,
  de: chronoDe.parse,
  es: chronoEs.parse,
  fi: chronoFi.parse,
  fr: chronoFr.parse,
  it: chronoIt.parse,
  ja: chronoJa.parse,
  nl: chronoNl.parse,
  pt: chronoPt.parse,
  ru: chronoRu.parse,
  sv: chronoSv.parse,
  uk: chronoUk.parse,
  zh: chronoZh.parse
}
const monthFirstRegions = new Set(['us', 'ph', 'fm', 'pw', 'mh'])
const relativeWords = new RegExp(`\\b(?:${pageData.relativeWords.join('|')})\\b`, 'iu')
/** What a date chrono reads must show to be taken: a four-digit year or a numeric date ("04/03/24"). */
const yearOrNumericDate = /\d{4}|\d[/.-]\d{1,2}[/.-]\d{2}\b/u
/** What an English date chrono reads as a calendar day holds: a month's name or a numeric date ("Fall 2025" or a headline with a year holds neither, so chrono is not asked). */
const englishDateShape = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d[/.-]\d{1,2}[/.-]\d/iu
/** The same anywhere in a text, where a match of chrono's may end before the text does (so no `\b`). */
const writtenYearOrNumericDate = /\d{4}|\d[/.-]\d{1,2}[/.-]\d{2}/u
const isoStamp = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/u
const compactDate = /^(\d{4})[/.]?(\d{2})[/.]?(\d{2})$/u
/** A text dump glues a dateline's parts: a year to what follows ("June 29, 2020November 12, 2021", "October 17, 20236:01 PM"). */
const yearGluedAfter = /(\p{L}{3,}\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s(?:19|20)\d{2})(?=[\p{L}\d])/gu
/** …and a name or a section to the month after it ("Jane DoeMarch 5, 2025", "Mental HealthDECEMBER 22, 2022"). */
const monthGluedBefore = new RegExp(`(?<=\\p{Ll})(?=(?:${gluedForms(months).join('|')})\\.?\\s\\d)`, 'gu')

/** A full stop after the day where a comma belongs ("December 19. 2025"), which chrono does not read. */
const dayStopYear = new RegExp(`\\b((?:${[...months].join('|')})\\.?\\s\\d{1,2})\\.\\s((?:19|20)\\d{2})\\b`, 'giu')
/** A numeric date glued to the name before it ("Yucy3/4/2025"). */
const numericDateGluedAfter = /(?<=\p{L})(?=\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2}\b)/gu

/** An ISO 8601 time stamp glued to the words around it ("Tom2024-04-18T13:00:39+00:00March 22nd, 2024": a theme's hidden update stamp between a byline's name and its date). */
const isoStampGlued = /(?<=\p{L})(?=(?:19|20)\d{2}-\d{2}-\d{2}T\d{2}:\d{2})|(?<=T\d{2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2}))(?=\p{L})/gu

/** A dateline's glued parts set apart, and a day's stray full stop read as a comma. */
export function unglued(text: string): string {
  return text.replace(yearGluedAfter, '$1 · ').replace(monthGluedBefore, ' ').replace(dayStopYear, '$1, $2').replace(numericDateGluedAfter, ' ').replace(isoStampGlued, ' · ')
}

/** Written years dechaff takes as a page's date. */
const firstYear = 1990
const lastYear = 2100

/**
 * A date as ISO 8601, or nothing when the text holds no full calendar date.
 * ISO stamps keep their time when they give an offset (`2024-03-04T10:00:00+01:00`),
 * otherwise the calendar day (`2024-03-04`); free text in English, German, Spanish,
 * French, Italian, Dutch, Portuguese, Russian, Ukrainian, Swedish, Finnish, Chinese or Japanese
 * ("Updated 3:42 p.m. ET, March 4, 2024", "14. März 2021") is read with chrono in the page's
 * language, then in English; Polish, Greek and Czech ("3 kwietnia 2024") by their month names.
 * Relative dates ("2 days ago") and dates without a year are no date.
 */
export function isoDate(text: string, language?: string): string | undefined {
  return isoDates(text, language, true)[0]
}

/**
 * The earliest date a text gives, as `isoDate` reads each: a dateline that
 * shows two ("May 21, 2025April 24, 2025 by Jane Doe", "Updated November 11,
 * 2022 Originally published November 9, 2022") was published on the earlier
 * day, whichever it writes first, and updated on the later.
 */
export function earliestIsoDate(text: string, language?: string): string | undefined {
  let earliest: string | undefined
  for (const date of isoDates(text, language, false)) if (earliest === undefined || date.slice(0, 10) < earliest.slice(0, 10)) earliest = date
  return earliest
}

/** The dates a text gives, in order, from the first reader that finds any; only the first when `first` is set. */
function isoDates(text: string, language: string | undefined, first: boolean): string[] {
  const value = text.trim()
  const stamp = isoStamp.exec(value) ?? compactDate.exec(value)
  if (stamp) {
    const day = calendarDay(Number(stamp[1]), Number(stamp[2]), Number(stamp[3]))
    if (!day) return []
    const [, , , , hour, minute, second, offset] = stamp
    if (hour === undefined || offset === undefined) return [day]
    const zone = offset === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`
    return [`${day}T${hour}:${minute}:${second ?? '00'}${zone}`]
  }
  if (value.length > 300 || !/\d/u.test(value)) return []
  const written = unglued(value)
  const [base = 'en', region = ''] = (language ?? 'en').toLowerCase().split(/[-_]/u)
  // chrono's matches are pieces of the text: without a year or a numeric date in it, none of them could be taken, so chrono (the costliest step here) is not asked.
  if (!writtenYearOrNumericDate.test(written) || (base === 'en' && !englishDateShape.test(written))) return monthNameDates(written, base, first)
  const readers = [dateReaders[base], base === 'en' ? undefined : chronoEn.parse].filter((reader) => reader !== undefined)
  const english = base === 'en' && region !== '' && !monthFirstRegions.has(region) ? chronoEn.GB.parse.bind(chronoEn.GB) : undefined
  for (const read of english ? [english] : readers) {
    const days: string[] = []
    const results = read(written)
    for (const [index, result] of results.entries()) {
      if (relativeWords.test(result.text) || !yearOrNumericDate.test(result.text) || inPeriod(written, results, index)) continue
      const {start} = result
      if (!start.isCertain('day') || !start.isCertain('month')) continue
      const day = calendarDay(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0)
      if (day) days.push(day)
      if (day && first) return days
    }
    if (days.length > 0) return days
  }
  return monthNameDates(written, base, first)
}

type ChronoResult = ReturnType<ChronoParse>[number]

/** Only a dash between two dates ("12.01.26 — 10.04.26"), which chrono reads as two. */
const periodDash = /^\s*[-–—]\s*$/u

/**
 * The date is one end of a period ("1/27/2026 - 3/24/2026", "March 3 to
 * April 5, 2025"): an event's, an offer's or a course's days, not the day a
 * page was published or changed. A time span within one day ("02 Apr 2026
 * 18:00 - 20.30") is still that day.
 */
function inPeriod(text: string, results: ChronoResult[], index: number): boolean {
  const result = results[index] as ChronoResult
  if (result.end && result.end.isCertain('day') && result.end.date().toDateString() !== result.start.date().toDateString()) return true
  const joined = (left: ChronoResult | undefined, right: ChronoResult | undefined): boolean => left !== undefined && right !== undefined && periodDash.test(text.slice(left.index + left.text.length, right.index))
  return joined(results[index - 1], result) || joined(result, results[index + 1])
}

/** Month numbers by name, per language chrono cannot read. */
const monthNumbers = new Map(Object.entries(pageData.monthNames).map(([code, months]) => [code, new Map(months.flatMap((names, index) => names.map((name) => [name, index + 1] as const)))]))
const dayMonthYear = /(?<!\d)(\d{1,2})\.?\s+(\p{L}+)\.?,?\s+(\d{4})(?!\d)/gu

/** "3 kwietnia 2024", "14 Μαρτίου 2023": a day, a month name of the language, a year. */
function monthNameDates(value: string, language: string, first: boolean): string[] {
  const months = monthNumbers.get(language)
  if (!months) return []
  const dates: string[] = []
  for (const [, day, name = '', year] of value.matchAll(dayMonthYear)) {
    const month = months.get(name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()) ?? months.get(name.toLowerCase())
    const date = month && calendarDay(Number(year), month, Number(day))
    if (date) dates.push(date)
    if (date && first) break
  }
  return dates
}

/** The day as ISO 8601 (`2024-03-04`), or nothing outside the years dechaff takes or the calendar's months and days. */
export function calendarDay(year: number, month: number, day: number): string | undefined {
  if (year < firstYear || year > lastYear || month < 1 || month > 12 || day < 1 || day > 31) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
