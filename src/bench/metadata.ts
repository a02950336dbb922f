import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {createCleaner, type Cleaner} from '../clean.js'
import type {InputKind, MetadataSources, PageMetadata} from '../types.js'
import {median} from './stats.js'
import {seededSample} from './seeded.js'
import {readIds} from './manifest.js'

/**
 * `npm run bench:metadata -- WCXB_DIR [--baseline DIST] [--misses FIELD]`:
 * clean every wcxb-dev page as HTML and as a text dump and compare its
 * metadata with the gold `<id>.json` (`title`, `author`, `publish_date`,
 * null or empty where the page has none). Per field and mode: the share of pages with
 * a gold value that dechaff matches (titles and names after case, white
 * space and typographic folding, several authors as a set with
 * post-nominal letters dropped; dates by calendar day), and the share of
 * pages without one where dechaff gives a value anyway (false values).
 * With `--baseline`, another build's `index.js` (e.g. main's `dist`) is timed
 * against this one on the same seeded sample, interleaved page by page.
 */
const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    mode: {type: 'string', default: 'both'},
    baseline: {type: 'string'},
    sample: {type: 'string', default: '300'},
    rounds: {type: 'string', default: '3'},
    misses: {type: 'string'},
    show: {type: 'string', default: '20'}
  }
})
const directory = positionals[0]
if (directory === undefined) {
  process.stderr.write('usage: npm run bench:metadata -- WCXB_DIR [--mode html|text|both] [--baseline DIST_DIR] [--misses title|author|date] [--show N]\n')
  process.exit(2)
}

interface Gold {
  title: string | null
  author: string | null
  publish_date: string | null
}

type Field = 'title' | 'author' | 'date' | 'latest'
const fields: Field[] = ['title', 'author', 'date', 'latest']
const modes: InputKind[] = values.mode === 'both' ? ['html', 'text'] : [values.mode as InputKind]
const ids = await readIds(directory)
const golds = new Map<string, Gold>()
for (const id of ids) golds.set(id, JSON.parse(await readFile(path.join(directory, `${id}.json`), 'utf8')) as Gold)

/** Case, white space, quotes and dashes folded. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’ʼ`]/gu, "'")
    .replace(/[“”«»]/gu, '"')
    .replace(/[‐‑‒–—―]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim()
}

const postNominal = /^(?:[a-z]{1,4}\.?){1,3}$/u

/** A byline's people as a set: split at commas and "and", post-nominal letters ("MS, RD", "PhD") after a name dropped; a short first name ("Ben", "drat") is a name. */
function nameSet(text: string): Set<string> {
  const parts = fold(text)
    .split(/\s*(?:,|;|&|\band\b)\s*/u)
    .map((part) => part.replace(/[.\s]+$/u, ''))
    .filter((part, index) => part && (index === 0 || !(postNominal.test(part) && !part.includes(' '))))
  return new Set(parts)
}

function matches(field: Field, ours: PageMetadata, gold: string): boolean {
  switch (field) {
    case 'title':
      return ours.title !== undefined && fold(ours.title) === fold(gold)
    case 'author': {
      if (!ours.author?.length) return false
      if (fold(ours.author.join(', ')) === fold(gold)) return true
      const expected = nameSet(gold)
      const actual = nameSet(ours.author.join(', '))
      return expected.size === actual.size && [...expected].every((name) => actual.has(name))
    }
    case 'date':
      return ours.published?.slice(0, 10) === gold.slice(0, 10)
    case 'latest':
      return (ours.modified ?? ours.published)?.slice(0, 10) === gold.slice(0, 10)
  }
}

function oursOf(field: Field, metadata: PageMetadata): string | undefined {
  if (field === 'title') return metadata.title
  if (field === 'author') return metadata.author?.join(', ')
  return field === 'latest' ? (metadata.modified ?? metadata.published) : metadata.published
}

function sourceOf(field: Field, sources: MetadataSources | undefined): string {
  if (field === 'latest') return sources?.modified ?? sources?.published ?? '-'
  return sources?.[field === 'date' ? 'published' : field] ?? '-'
}

/** The gold value, or null where the page has none: an empty string (some pages' author) names nobody either. */
function goldOf(field: Field, gold: Gold): string | null {
  const value = field === 'date' || field === 'latest' ? gold.publish_date : gold[field]
  return value === null || value.trim() === '' ? null : value
}

const table: string[] = [`${'mode'.padEnd(6)}${'field'.padEnd(8)}${'gold'.padStart(6)}${'matched'.padStart(9)}${'absent'.padStart(8)}${'false'.padStart(8)}${'false/all'.padStart(11)}`]
const missLines: string[] = []
for (const mode of modes) {
  const cleaner = createCleaner({input: mode})
  const results = new Map<string, PageMetadata>()
  const sources = new Map<string, MetadataSources>()
  for (const id of ids) {
    try {
      const result = cleaner(await readFile(path.join(directory, mode === 'html' ? `${id}.html` : `${id}.dump.txt`)), id)
      results.set(id, result.metadata)
      sources.set(id, result.metadataSources)
    } catch (error) {
      process.stderr.write(`${id} (${mode}): ${(error as Error).message}\n`)
      results.set(id, {})
    }
  }
  for (const field of fields) {
    let present = 0
    let matched = 0
    let absent = 0
    let falseValues = 0
    for (const id of ids) {
      const gold = goldOf(field, golds.get(id) as Gold)
      const ours = results.get(id) as PageMetadata
      if (gold === null) {
        absent++
        if (oursOf(field, ours) !== undefined) {
          falseValues++
          if (values.misses === field) missLines.push(`${mode}\t${id}\tfalse\t${oursOf(field, ours)}\t(${sourceOf(field, sources.get(id))})`)
        }
      } else {
        present++
        if (matches(field, ours, gold)) matched++
        else if (values.misses === field) missLines.push(`${mode}\t${id}\tmiss\tgold: ${gold}\tours: ${oursOf(field, ours) ?? '-'}\t(${sourceOf(field, sources.get(id))})`)
      }
    }
    table.push(
      `${mode.padEnd(6)}${field.padEnd(8)}${String(present).padStart(6)}${(matched / present).toFixed(3).padStart(9)}${String(absent).padStart(8)}` +
        `${(falseValues / Math.max(1, absent)).toFixed(3).padStart(8)}${(falseValues / ids.length).toFixed(3).padStart(11)}`
    )
  }
}
process.stdout.write(
  `wcxb-dev metadata, ${ids.length} pages: matched = share of pages with a gold value that dechaff matches; ` +
    `false = share of pages without one where dechaff gives a value (false/all: of all pages)\n${table.join('\n')}\n`
)
if (missLines.length > 0) process.stdout.write(`\n${missLines.slice(0, Number(values.show)).join('\n')}\n`)

if (values.baseline) {
  const baseline = (await import(pathToFileURL(path.resolve(values.baseline, 'index.js')).href)) as {createCleaner: (options: object) => Cleaner}
  const sample = seededSample(ids, Number(values.sample), 14)
  const pages = await Promise.all(sample.map((id) => readFile(path.join(directory, `${id}.html`))))
  const contenders: Array<[string, Cleaner]> = [
    ['baseline', baseline.createCleaner({input: 'html'})],
    ['this build', createCleaner({input: 'html'})]
  ]
  const perPage = new Map<string, number[]>(contenders.map(([name]) => [name, []]))
  for (let round = 0; round < Number(values.rounds); round++) {
    pages.forEach((page, index) => {
      // Alternate which build goes first, so neither always meets a warm cache.
      const order = (index + round) % 2 === 0 ? contenders : [...contenders].reverse()
      for (const [name, cleaner] of order) {
        const started = performance.now()
        try {
          cleaner(page)
        } catch {
          // Timed all the same: both builds meet the same pages.
        }
        perPage.get(name)?.push(performance.now() - started)
      }
    })
  }
  const total = (name: string): number => (perPage.get(name) ?? []).reduce((sum, value) => sum + value, 0)
  const ratios = pages.map((_, index) => {
    const at = (name: string): number => {
      const list = perPage.get(name) ?? []
      return median(Array.from({length: Number(values.rounds)}, (_, round) => list[round * pages.length + index] ?? 0))
    }
    return at('this build') / at('baseline')
  })
  process.stdout.write(
    `\ntime per page, HTML, ${pages.length} seeded pages × ${values.rounds} rounds, interleaved:\n` +
      `  baseline   ${(total('baseline') / (pages.length * Number(values.rounds))).toFixed(2)} ms\n` +
      `  this build ${(total('this build') / (pages.length * Number(values.rounds))).toFixed(2)} ms\n` +
      `  ratio of totals ${(total('this build') / total('baseline')).toFixed(3)}, median per-page ratio ${median(ratios).toFixed(3)}\n`
  )
}
