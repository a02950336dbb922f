import {availableParallelism} from 'node:os'
import {plural, runBatch, type BatchSummary} from '../batch/run.js'
import type {OutputFormat} from '../batch/format.js'
import type {CleanOptions} from '../options.js'
import {formatRemovals} from './explain.js'

export interface CleanCommandOptions {
  operands: string[]
  out?: string
  output?: string
  format: OutputFormat
  ordered: boolean
  jobs?: number
  errors?: string
  resume: boolean
  /** With `resume`, clean every record of the errors file again. */
  retryErrors?: boolean
  /** Each JSON Lines record's `ms` (default true). */
  timings?: boolean
  quiet: boolean
  explain: boolean
  include?: string[]
  exclude?: string[]
  options: CleanOptions
}

/**
 * `dechaff clean`: every record of files, folders, JSON Lines, WARC/WET or
 * standard input yields one output or one error line. Exit 0 when every
 * record is accounted for (errors in an `--errors` file count), 2 when pages
 * failed and their errors only went to stderr, or when folders given held
 * nothing to clean.
 */
export async function runClean(command: CleanCommandOptions): Promise<number> {
  const summary = await runBatch({
    operands: command.operands,
    format: command.format,
    ordered: command.ordered,
    jobs: command.jobs ?? availableParallelism(),
    resume: command.resume,
    ...(command.retryErrors ? {retryErrors: true} : {}),
    ...(command.timings === false ? {timings: false} : {}),
    quiet: command.quiet,
    options: command.options,
    ...(command.out ? {out: command.out} : {}),
    ...(command.output ? {output: command.output} : {}),
    ...(command.errors ? {errors: command.errors} : {}),
    ...(command.include ? {include: command.include} : {}),
    ...(command.exclude ? {exclude: command.exclude} : {}),
    ...(command.explain ? {explain: formatRemovals} : {})
  })
  const globs = command.include || command.exclude ? ` that --include/--exclude take (a glob without a slash matches file names at any depth)` : ''
  for (const folder of summary.emptyFolders) process.stderr.write(`dechaff: ${folder} holds no file to clean${globs}\n`)
  if (!command.quiet) process.stderr.write(formatSummary(summary))
  const nothing = summary.pages + summary.skipped + summary.errors === 0 && summary.emptyFolders.length > 0
  return nothing || (summary.errors > 0 && !command.errors) ? 2 : 0
}

function formatSummary(summary: BatchSummary): string {
  const total = summary.keptChars + summary.removedChars
  const share = total === 0 ? 0 : (summary.removedChars / total) * 100
  const top = summary.rules.slice(0, 5).map(({rule, chars}) => `${rule} ${chars}`).join(', ')
  return (
    `dechaff: ${plural(summary.pages, 'page')} cleaned, ${summary.skipped} skipped, ${plural(summary.errors, 'error')} in ${summary.seconds.toFixed(1)} s; ` +
    `kept ${plural(summary.keptChars, 'char')}, removed ${summary.removedChars} (${share.toFixed(0)}%)${top ? `; most removed by ${top}` : ''}\n`
  )
}
