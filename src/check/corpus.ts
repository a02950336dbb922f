import {readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {glob} from 'tinyglobby'
import {createCleaner, type CleanOptions} from '../clean.js'
import {asTextPath, formatExtensions, pagePatterns, writeAtomically} from '../io.js'
import {scoresOf, tokenOverlap, type Overlap, type Scores} from '../metrics.js'
import type {OutputFormat} from '../options.js'
import type {PageMetadata} from '../types.js'
import {metadataDiff, paragraphDiff} from './diff.js'

/** What happened to one corpus page. */
export type PageStatus = 'pass' | 'changed' | 'missing' | 'error'

export interface PageReport {
  /** Path of the page relative to the corpus folder. */
  page: string
  /** Path of its golden file relative to the golden folder. */
  golden: string
  status: PageStatus
  /** dechaff's output (absent on error). */
  actual?: string
  /** The golden file's text (absent when missing). */
  expected?: string
  /** Unified diff, golden → actual, with paragraph context (changed pages). */
  diff?: string
  /** Token scores of the output against the golden file. */
  scores?: Scores
  /** Why the page could not be cleaned (error pages). */
  error?: string
  /** Path of the page's golden metadata (`<page>.meta.json`) relative to the golden folder, when it has one. */
  metadataGolden?: string
  /** Field-by-field diff of the page's metadata against its golden `.meta.json` (changed pages). */
  metadataDiff?: string
}

export interface CheckReport {
  pages: PageReport[]
  counts: Record<PageStatus, number>
  /** Token scores summed over every page with a golden file. */
  scores: Scores
  /** Golden files written by an update, relative to the golden folder. */
  updated: string[]
  /** Golden files of the format (and `.meta.json` files) whose page is not in the corpus, relative to the golden folder; removed by an update. Not looked for with `only`. */
  orphaned: string[]
}

/** A corpus with no page to check: a wrong folder, or an `only` glob that takes none. */
export class EmptyCorpusError extends Error {
  override name = 'EmptyCorpusError'
}

export interface CheckOptions {
  /** Folder of input pages (default: `corpus`). */
  corpus?: string
  /** Folder of expected outputs (default: `golden`). */
  golden?: string
  /** Glob narrowing the pages checked, relative to the corpus folder (default: all). */
  only?: string
  /** Write current outputs as golden files where they changed or were missing (default: false). */
  update?: boolean
  /** Cleaning options, as for `clean()`. */
  clean?: CleanOptions
  /**
   * Golden metadata: a page with a `<page>.meta.json` beside its golden file
   * has its metadata compared field by field whatever the format; `update`
   * rewrites those that changed, and with `only` writes them where missing.
   *
   * Which golden files to compare: `text` (`<page>.txt`, every page must have
   * one), `markdown` (`<page>.md`) or `html` (`<page>.html`), where only the
   * pages that have such a golden file are checked, and `update` with `only`
   * writes new ones (default: text).
   */
  format?: OutputFormat
}

/**
 * Clean every page of a corpus and compare it with its golden file. This is
 * what `dechaff check` runs and what the project's golden test runs.
 */
export async function checkCorpus(options: CheckOptions = {}): Promise<CheckReport> {
  const corpus = options.corpus ?? 'corpus'
  const golden = options.golden ?? 'golden'
  const pages = (await glob(options.only ? [anyDepth(options.only)] : pagePatterns, {cwd: corpus, onlyFiles: true})).sort()
  if (pages.length === 0) throw new EmptyCorpusError(options.only ? `no page of ${corpus} matches ${options.only}` : `${corpus} holds no page (${pagePatterns.map((pattern) => pattern.replace('**/', '')).join(', ')})`)
  const format = options.format ?? 'text'
  const orphaned = options.only ? [] : await orphansOf(golden, pages, format)
  const cleaner = createCleaner({...options.clean, format})
  const reports: PageReport[] = []
  const updated: string[] = []
  const total: Overlap = {matched: 0, actual: 0, expected: 0}
  for (const page of pages) {
    const goldenRelative = asTextPath(page).replace(/\.txt$/u, formatExtensions[format])
    const expected = await readOptional(path.join(golden, goldenRelative))
    // Structured golden files are opt-in per page: a page without one is not checked in that format.
    if (format !== 'text' && expected === undefined && !(options.update && options.only)) continue
    const report: PageReport = {page, golden: goldenRelative, status: 'pass'}
    reports.push(report)
    let metadata: PageMetadata = {}
    try {
      const result = cleaner(await readFile(path.join(corpus, page)), page)
      report.actual = result.output
      metadata = result.metadata
    } catch (error) {
      report.status = 'error'
      report.error = error instanceof Error ? error.message : String(error)
      continue
    }
    if (expected === undefined) {
      report.status = 'missing'
    } else {
      report.expected = expected
      const overlap = tokenOverlap(report.actual, expected)
      total.matched += overlap.matched
      total.actual += overlap.actual
      total.expected += overlap.expected
      report.scores = scoresOf(overlap)
      if (report.actual !== expected) {
        report.status = 'changed'
        report.diff = paragraphDiff(goldenRelative, expected, report.actual)
      }
    }
    if (options.update && report.status !== 'pass') {
      await writeAtomically(path.join(golden, goldenRelative), report.actual)
      updated.push(goldenRelative)
    }
    const metadataRelative = asTextPath(page).replace(/\.txt$/u, '.meta.json')
    const expectedMetadata = await readOptional(path.join(golden, metadataRelative))
    if (expectedMetadata === undefined && !(options.update && options.only)) continue
    report.metadataGolden = metadataRelative
    let diff: string | undefined = 'missing'
    try {
      if (expectedMetadata !== undefined) diff = metadataDiff(JSON.parse(expectedMetadata) as PageMetadata, metadata)
    } catch (error) {
      report.status = 'error'
      report.error = `${metadataRelative} is not JSON: ${(error as Error).message}`
      continue
    }
    if (diff === undefined) continue
    if (options.update) {
      await writeAtomically(path.join(golden, metadataRelative), `${JSON.stringify(metadata, null, 2)}\n`)
      updated.push(metadataRelative)
    } else {
      report.metadataDiff = diff
      if (report.status === 'pass') report.status = 'changed'
    }
  }
  const counts: Record<PageStatus, number> = {pass: 0, changed: 0, missing: 0, error: 0}
  for (const report of reports) counts[report.status]++
  if (options.update) await Promise.all(orphaned.map((file) => rm(path.join(golden, file), {force: true})))
  return {pages: reports, counts, scores: scoresOf(total), updated, orphaned}
}

/** A glob without a slash matches file names at any depth, as `--include` does. */
function anyDepth(pattern: string): string {
  return pattern.includes('/') ? pattern : `**/${pattern}`
}

/**
 * Golden files of the format, and golden metadata, whose page is gone from
 * the corpus. A folder's README.md documents the golden files and is none.
 */
async function orphansOf(golden: string, pages: string[], format: OutputFormat): Promise<string[]> {
  const extension = formatExtensions[format]
  const stems = new Set(pages.map((page) => asTextPath(page).slice(0, -'.txt'.length)))
  const files = await glob([`**/*${extension}`, '**/*.meta.json'], {cwd: golden, onlyFiles: true, ignore: ['**/README.md']})
  return files.filter((file) => !stems.has(file.endsWith('.meta.json') ? file.slice(0, -'.meta.json'.length) : file.slice(0, -extension.length))).sort()
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
