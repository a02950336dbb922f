import {checkCorpus, EmptyCorpusError, type CheckReport, type PageReport} from '../check/corpus.js'
import {plural} from '../batch/run.js'
import type {Scores} from '../metrics.js'
import type {CleanOptions, OutputFormat} from '../options.js'
import {UsageError} from './help.js'
import {painter} from './style.js'

export interface CheckCommandOptions {
  corpus: string
  golden: string
  only?: string
  format: OutputFormat
  update: boolean
  json: boolean
  options: CleanOptions
}

/** `dechaff check`: compare a corpus with its golden files; exit 0 all pass, 1 any changed or missing. */
export async function runCheck(command: CheckCommandOptions): Promise<number> {
  let report: CheckReport
  try {
    report = await checkCorpus({
      corpus: command.corpus,
      golden: command.golden,
      format: command.format,
      update: command.update,
      clean: command.options,
      ...(command.only ? {only: command.only} : {})
    })
  } catch (error) {
    // Nothing to check is a wrong folder or glob, never a pass.
    if (error instanceof EmptyCorpusError) throw new UsageError(error.message, 'check')
    throw error
  }
  if (command.json) {
    process.stdout.write(`${JSON.stringify(jsonReport(report), null, 2)}\n`)
  } else {
    process.stdout.write(formatReport(report, painter(process.stdout), command.update))
  }
  if (command.update) return report.counts.error > 0 ? 1 : 0
  return report.counts.changed + report.counts.missing + report.counts.error + report.orphaned.length > 0 ? 1 : 0
}

/** The report without page texts: statuses, scores, diffs, errors. */
function jsonReport(report: CheckReport): object {
  return {
    counts: report.counts,
    scores: report.scores,
    updated: report.updated,
    orphaned: report.orphaned,
    pages: report.pages.map(({page, golden, status, scores, diff, error, metadataGolden, metadataDiff}) => ({page, golden, status, scores, diff, error, metadataGolden, metadataDiff}))
  }
}

type Paint = ReturnType<typeof painter>

function formatReport(report: CheckReport, paint: Paint, update: boolean): string {
  const lines: string[] = []
  for (const page of report.pages) lines.push(...formatPage(page, paint))
  for (const file of report.orphaned) lines.push(update ? `removed ${file} (its page is gone)` : `${paint('yellow', 'orphaned')} ${file} (no page in the corpus)`)
  for (const file of report.updated) lines.push(`updated ${file}`)
  const {pass, changed, missing, error} = report.counts
  const orphans = report.orphaned.length
  lines.push(
    '',
    `${plural(report.pages.length, 'page')}: ${paint('green', `${pass} passed`)}, ${paint(changed ? 'red' : 'dim', `${changed} changed`)}, ` +
      `${paint(missing ? 'yellow' : 'dim', `${missing} missing golden`)}, ${paint(error ? 'red' : 'dim', plural(error, 'error'))}` +
      `${orphans ? `, ${paint('yellow', `${plural(orphans, 'golden file')} without a page`)}` : ''}; corpus ${formatScores(report.scores)}`
  )
  return `${lines.join('\n')}\n`
}

function formatPage(page: PageReport, paint: Paint): string[] {
  switch (page.status) {
    case 'pass':
      return [`${paint('green', 'pass')}     ${page.page}`]
    case 'missing':
      return [`${paint('yellow', 'missing')}  ${page.page} (no ${page.golden})`]
    case 'error':
      return [`${paint('red', 'error')}    ${page.page}: ${page.error ?? ''}`]
    case 'changed':
      return [
        `${paint('red', 'changed')}  ${page.page}  ${page.scores ? formatScores(page.scores) : ''}`,
        ...colourDiff(page.diff ?? '', paint),
        ...(page.metadataDiff ? [`    metadata (${page.metadataGolden ?? ''}):`, ...colourDiff(page.metadataDiff, paint)] : [])
      ]
  }
}

function formatScores(scores: Scores): string {
  return `F1 ${scores.f1.toFixed(3)} (precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)})`
}

function colourDiff(diff: string, paint: Paint): string[] {
  return diff
    .trimEnd()
    .split('\n')
    .map((line) => {
      const indented = `    ${line}`
      if (line.startsWith('+')) return paint('green', indented)
      if (line.startsWith('-')) return paint('red', indented)
      if (line.startsWith('@@')) return paint('cyan', indented)
      return indented
    })
}
