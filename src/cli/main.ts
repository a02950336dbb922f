#!/usr/bin/env node
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import type {OutputFormat} from '../batch/format.js'
import {OutputClosedError} from '../batch/run.js'
import {formatExtensions} from '../io.js'
import {defaultTimeoutMs} from '../limits.js'
import type {CleanOptions} from '../options.js'
import {pageTypes, type PageType} from '../types.js'
import {runCheck} from './check-command.js'
import {runClean} from './clean-command.js'
import {loadConfig} from './config.js'
import {runExplain} from './explain-command.js'
import {runQueueAdd, runQueueRetry, runQueueStatus, runWorker} from './queue-command.js'

const usage = `Usage: dechaff <command> [options]

Strip boilerplate from scraped pages, explaining every removal.

Commands:
  clean [FILE|DIR|-]...     clean pages: files, folders (recursively), JSON Lines (.jsonl, .jsonl.gz:
                            one record a line with an id and text or html), WARC/WET (.warc, .warc.gz,
                            .wet.gz) or standard input (any of these)
      --out DIR               write each page to DIR, mirroring the input (a/b.html → DIR/a/b.txt)
      --output FILE           write JSON Lines {id, ...fields, text, removed, ms} to FILE (- for stdout;
                              the default for JSON Lines and WARC input without --out)
      --format F              text, markdown (GFM), html (clean HTML) or json (default: text); --out
                              files end in .txt, .md, .html or .json
      --links, --images       markdown and html: keep links and images (default: text only)
      --front-matter          markdown: start each page with its metadata as YAML front matter (title, author,
                              published, modified, siteName, description, language, canonicalUrl, image, tags,
                              categories); JSON Lines records carry it as \`metadata\` whatever the format
      --parser P              HTML parser: parse5 or jsdom (a browser-grade DOM; slower) (default: parse5)
      --page-type T           every page is of type T: article, forum, product, collection, listing,
                              documentation or service (default: decided page by page)
      --ordered               JSON Lines in input order
      --no-timings            JSON Lines without each record's ms: the same input gives the same bytes
      --jobs N                worker threads (default: the number of cores)
      --errors FILE           JSON Lines {id, reason} for records that could not be cleaned (default: stderr)
      --resume                skip records a previous run completed (--out files, --output/--errors lines)
      --include GLOB, --exclude GLOB   which files to take from folders (repeatable)
      --max-bytes N           largest page (default: 16777216)
      --timeout-ms N          time budget per page in ms (default: ${defaultTimeoutMs}; 0 for none)
      --input KIND            auto, text or html (default: auto, from the bytes)
      --model, --no-model     let the block model trained on labelled pages decide the blocks no phrase
                              rule removed, or run the hand-set quality classes and smoothing (default: off)
      --quiet                 no progress bar or summary
      --explain               list each removed block with its rule and reason (stderr)
  check                     compare a corpus with its golden files
      --corpus DIR            input pages (default: corpus)
      --golden DIR            expected outputs (default: golden)
      --only GLOB             check only the pages matching GLOB (relative to the corpus)
      --format F              which golden files: text (<page>.txt, every page), markdown (<page>.md) or
                              html (<page>.html), checked for the pages that have one (default: text)
      --update                write current outputs as golden files where they changed or were missing
                              (markdown and html: only for pages named by --only)
      --json                  machine-readable report on stdout
  explain FILE              the page's metadata with the source of each field, then every block of FILE,
                            kept or removed, the rule, the reason and the scores
      --json                  machine-readable metadata, sources and blocks on stdout
      --page-type T           the page is of type T (default: decided from the page)
      --model, --no-model     with or without the block model; with it each block shows its probability
  queue add SHARD...        queue one job per shard for workers on any machine: a JSON Lines, WARC or
                            WET file (gzipped or not), or a folder (each such file in it, and its page
                            files together); a shard queued before (same path, size, time) is skipped
      --out DIR               where workers write SHARD.jsonl and SHARD.errors.jsonl (a folder every
                              worker sees); with clean's --format, --links, --images, --parser, --page-type,
                              --include, --exclude, --max-bytes, --timeout-ms, --input
      --attempts N            tries before a shard is failed (default: 3)
      --backoff-ms N          wait before the first retry, doubled each time (default: 10000)
  queue status              shards waiting, active, done and failed; pages, pages/s, ETA, failures
      --watch                 redraw every 2 s until interrupted
      --json                  one JSON object ({counts: {waiting, active, completed, failed, ...}, ...})
  queue retry               move failed shards back to waiting
  worker                    clean queued shards until SIGTERM or SIGINT (the shard in hand finishes)
      --jobs N                worker threads (default: the number of cores)
      --lock-ms N             a killed worker's shard goes to another after about N ms (default: 30000)
      --until-empty           stop when no shard is waiting, delayed or active
      --quiet                 log only failures
  queue and worker take --redis URL (default: redis://127.0.0.1:6379) and --name NAME (default: dechaff)

Every command takes --config FILE; otherwise the nearest dechaff.config.json (or the
"dechaff" field of a package.json) above the input is used.

Exit status: 0 success; 1 check found changed or missing pages; 2 usage or input error, pages
that failed with no --errors file, or a batch stopped by an output it cannot write.
`

const shared = {config: {type: 'string'}, help: {type: 'boolean', short: 'h', default: false}} as const

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(usage)
    return 0
  }
  switch (command) {
    case 'clean': {
      const {values, positionals} = parseArgs({
        args: rest,
        allowPositionals: true,
        allowNegative: true,
        options: {
          ...shared,
          ...cleaningFlags,
          out: {type: 'string', short: 'o'},
          output: {type: 'string'},
          ordered: {type: 'boolean', default: false},
          jobs: {type: 'string'},
          errors: {type: 'string'},
          resume: {type: 'boolean', default: false},
          timings: {type: 'boolean', default: true},
          quiet: {type: 'boolean', short: 'q', default: false},
          explain: {type: 'boolean', default: false}
        }
      })
      if (values.help) return help()
      const {format, options} = await cleaningOptions(values, positionals[0])
      return runClean({
        operands: positionals,
        format,
        timings: values.timings,
        ordered: values.ordered,
        resume: values.resume,
        quiet: values.quiet,
        explain: values.explain,
        options,
        ...(values.out ? {out: values.out} : {}),
        ...(values.output ? {output: values.output} : {}),
        ...(values.errors ? {errors: values.errors} : {}),
        ...(values.jobs ? {jobs: count(values.jobs, '--jobs')} : {}),
        ...(values.include ? {include: values.include} : {}),
        ...(values.exclude ? {exclude: values.exclude} : {})
      })
    }
    case 'check': {
      const {values, positionals} = parseArgs({
        args: rest,
        options: {
          ...shared,
          corpus: {type: 'string', default: 'corpus'},
          golden: {type: 'string', default: 'golden'},
          only: {type: 'string'},
          format: {type: 'string', default: 'text'},
          update: {type: 'boolean', default: false},
          json: {type: 'boolean', default: false}
        }
      })
      if (values.help) return help()
      if (positionals.length > 0) throw new UsageError(`check takes no operands, got ${positionals.join(' ')}`)
      if (!['text', 'markdown', 'html'].includes(values.format)) throw new UsageError(`check --format must be text, markdown or html, got ${values.format}`)
      const {options} = await loadConfig(values.corpus, values.config)
      return runCheck({corpus: values.corpus, golden: values.golden, format: values.format as 'text' | 'markdown' | 'html', update: values.update, json: values.json, options, ...(values.only ? {only: values.only} : {})})
    }
    case 'explain': {
      const {values, positionals} = parseArgs({args: rest, allowPositionals: true, allowNegative: true, options: {...shared, json: {type: 'boolean', default: false}, 'page-type': {type: 'string'}, model: {type: 'boolean'}}})
      if (values.help) return help()
      const [file, ...extra] = positionals
      if (file === undefined || extra.length > 0) throw new UsageError('explain takes exactly one FILE')
      const {options} = await loadConfig(path.dirname(file), values.config)
      return runExplain({file, json: values.json, options: {...options, ...pageTypeOption(values['page-type']), ...(values.model !== undefined ? {model: values.model} : {})}})
    }
    case 'queue':
      return queueCommand(rest)
    case 'worker': {
      const {values, positionals} = parseArgs({
        args: rest,
        options: {...shared, ...queueFlags, jobs: {type: 'string'}, 'lock-ms': {type: 'string'}, 'until-empty': {type: 'boolean', default: false}, quiet: {type: 'boolean', short: 'q', default: false}}
      })
      if (values.help) return help()
      if (positionals.length > 0) throw new UsageError(`worker takes no operands, got ${positionals.join(' ')}`)
      return runWorker({
        connection: connectionOf(values),
        untilEmpty: values['until-empty'],
        quiet: values.quiet,
        ...(values.jobs ? {jobs: count(values.jobs, '--jobs')} : {}),
        ...(values['lock-ms'] ? {lockMs: count(values['lock-ms'], '--lock-ms')} : {})
      })
    }
    default:
      throw new UsageError(command === undefined ? 'no command given' : `unknown command \`${command}\``)
  }
}

/** Where the queue is: `queue` and `worker` take them. */
const queueFlags = {redis: {type: 'string'}, name: {type: 'string'}} as const

function connectionOf(values: {redis?: string | undefined; name?: string | undefined}): {redis?: string; name?: string} {
  return {...(values.redis ? {redis: values.redis} : {}), ...(values.name ? {name: values.name} : {})}
}

/** `dechaff queue add|status|retry`. */
async function queueCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv
  switch (action) {
    case 'add': {
      const {values, positionals} = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {...shared, ...queueFlags, ...cleaningFlags, out: {type: 'string', short: 'o'}, attempts: {type: 'string'}, 'backoff-ms': {type: 'string'}, quiet: {type: 'boolean', short: 'q', default: false}}
      })
      if (values.help) return help()
      if (positionals.length === 0) throw new UsageError('queue add takes one or more SHARD files or folders')
      if (!values.out) throw new UsageError('queue add needs --out DIR, a folder every worker can write to')
      const {format, options} = await cleaningOptions(values, positionals[0])
      return runQueueAdd(connectionOf(values), positionals, {
        out: values.out,
        format,
        options,
        quiet: values.quiet,
        ...(values.include ? {include: values.include} : {}),
        ...(values.exclude ? {exclude: values.exclude} : {}),
        ...(values.attempts ? {attempts: Math.max(1, count(values.attempts, '--attempts'))} : {}),
        ...(values['backoff-ms'] ? {backoffMs: count(values['backoff-ms'], '--backoff-ms')} : {})
      })
    }
    case 'status': {
      const {values, positionals} = parseArgs({args: rest, options: {...shared, ...queueFlags, json: {type: 'boolean', default: false}, watch: {type: 'boolean', default: false}}})
      if (values.help) return help()
      if (positionals.length > 0) throw new UsageError(`queue status takes no operands, got ${positionals.join(' ')}`)
      return runQueueStatus(connectionOf(values), {json: values.json, watch: values.watch})
    }
    case 'retry': {
      const {values} = parseArgs({args: rest, options: {...shared, ...queueFlags, quiet: {type: 'boolean', short: 'q', default: false}}})
      if (values.help) return help()
      return runQueueRetry(connectionOf(values), values.quiet)
    }
    default:
      throw new UsageError(action === undefined ? 'queue needs add, status or retry' : `unknown queue command \`${action}\``)
  }
}

/** Flags that say how to clean: `clean` and `queue add` take them alike. */
const cleaningFlags = {
  format: {type: 'string', default: 'text'},
  links: {type: 'boolean', default: false},
  images: {type: 'boolean', default: false},
  'front-matter': {type: 'boolean', default: false},
  parser: {type: 'string'},
  'page-type': {type: 'string'},
  include: {type: 'string', multiple: true},
  exclude: {type: 'string', multiple: true},
  'max-bytes': {type: 'string'},
  'timeout-ms': {type: 'string'},
  input: {type: 'string'},
  model: {type: 'boolean'}
} as const

interface CleaningValues {
  config?: string | undefined
  model?: boolean | undefined
  format: string
  links: boolean
  images: boolean
  'front-matter': boolean
  parser?: string | undefined
  'page-type'?: string | undefined
  'max-bytes'?: string | undefined
  'timeout-ms'?: string | undefined
  input?: string | undefined
}

/** The output format and cleaning options of the flags, over the configuration found from the first operand. */
async function cleaningOptions(values: CleaningValues, operand: string | undefined): Promise<{format: OutputFormat; options: CleanOptions}> {
  if (!(values.format in formatExtensions)) throw new UsageError(`--format must be one of ${Object.keys(formatExtensions).join(', ')}, got ${values.format}`)
  if (values['front-matter'] && values.format !== 'markdown') throw new UsageError('--front-matter goes with --format markdown')
  if (values.parser !== undefined && !['parse5', 'jsdom'].includes(values.parser)) throw new UsageError(`--parser must be parse5 or jsdom, got ${values.parser}`)
  const {options: configured} = await loadConfig(await startOf(operand), values.config)
  const options = {
    ...configured,
    ...(values.input ? {input: values.input as 'auto' | 'text' | 'html'} : {}),
    ...(values.parser ? {parser: values.parser as 'parse5' | 'jsdom'} : {}),
    ...pageTypeOption(values['page-type']),
    ...(values.links ? {links: true} : {}),
    ...(values.images ? {images: true} : {}),
    ...(values['front-matter'] ? {frontMatter: true} : {}),
    ...(values['max-bytes'] ? {maxBytes: count(values['max-bytes'], '--max-bytes')} : {}),
    ...(values['timeout-ms'] ? {timeoutMs: count(values['timeout-ms'], '--timeout-ms')} : {}),
    ...(values.model !== undefined ? {model: values.model} : {})
  }
  return {format: values.format as OutputFormat, options}
}

class UsageError extends Error {}

/** `--page-type T` as a cleaning option. */
function pageTypeOption(value: string | undefined): {pageType?: PageType} {
  if (value === undefined) return {}
  if (!(pageTypes as readonly string[]).includes(value)) throw new UsageError(`--page-type must be one of ${pageTypes.join(', ')}, got ${value}`)
  return {pageType: value as PageType}
}

/** A whole number ≥ 0 given on the command line. */
function count(value: string, flag: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`${flag} takes a whole number ≥ 0, got ${value}`)
  return number
}

function help(): number {
  process.stdout.write(usage)
  return 0
}

/** Where to look for a configuration: the first input folder, the folder of the first input file, or here. */
async function startOf(operand: string | undefined): Promise<string> {
  if (operand === undefined || operand === '-') return process.cwd()
  const info = await stat(operand).catch(() => undefined)
  return info?.isDirectory() ? operand : path.dirname(operand)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // A reader that closed standard output (`| head`) wanted no more: stop quietly.
    if (error instanceof OutputClosedError) return
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`dechaff: ${message}\n`)
    if (error instanceof UsageError) process.stderr.write(`\n${usage}`)
    process.exitCode = 2
  }
)
