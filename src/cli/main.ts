#!/usr/bin/env node
import {readFileSync} from 'node:fs'
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import type {OutputFormat} from '../batch/format.js'
import {OutputClosedError} from '../batch/run.js'
import {formatExtensions} from '../io.js'
import type {CleanOptions} from '../options.js'
import {languageCodePattern} from '../language.js'
import {pageTypes, type PageType} from '../types.js'
import {runCheck} from './check-command.js'
import {runClean} from './clean-command.js'
import {loadConfig} from './config.js'
import {runExplain} from './explain-command.js'
import {commandHelp, usage, UsageError} from './help.js'
import {runQueueAdd, runQueueRetry, runQueueStatus, runWorker} from './queue-command.js'

const shared = {config: {type: 'string'}, help: {type: 'boolean', short: 'h', default: false}} as const

/** Flags that say how to read and clean a page: `clean`, `explain`, `check` and `queue add` take them alike. */
const pageFlags = {
  parser: {type: 'string'},
  'page-type': {type: 'string'},
  language: {type: 'string'},
  model: {type: 'boolean'},
  'max-bytes': {type: 'string'},
  'timeout-ms': {type: 'string'},
  input: {type: 'string'}
} as const

/** Flags that say how to clean and write many pages: `clean` and `queue add` take them alike. */
const cleaningFlags = {
  ...pageFlags,
  format: {type: 'string', default: 'text'},
  links: {type: 'boolean', default: false},
  images: {type: 'boolean', default: false},
  'front-matter': {type: 'boolean', default: false},
  comments: {type: 'boolean', default: false},
  include: {type: 'string', multiple: true},
  exclude: {type: 'string', multiple: true}
} as const

/** Where the queue is: `queue` and `worker` take them. */
const queueFlags = {redis: {type: 'string'}, name: {type: 'string'}} as const

/** Commands whose batch stops by itself, its summary written, when standard output closes. */
const batchCommands = new Set(['clean', 'queue', 'worker'])

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!batchCommands.has(command ?? '')) stopQuietlyWhenOutputCloses()
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
      return write(usage)
    case '-v':
    case '--version':
      return write(`${version()}\n`)
    case 'help': {
      const [topic, ...extra] = rest
      if (topic === undefined) return write(usage)
      if (extra.length > 0 || !(topic in commandHelp)) throw new UsageError(`no help for \`${rest.join(' ')}\`: the commands are ${Object.keys(commandHelp).join(', ')}`)
      return write(commandHelp[topic] as string)
    }
    case 'clean':
      return cleanCommand(rest)
    case 'check': {
      const {values, positionals} = parse('check', rest, {
        ...shared,
        ...pageFlags,
        corpus: {type: 'string', default: 'corpus'},
        golden: {type: 'string', default: 'golden'},
        only: {type: 'string'},
        format: {type: 'string', default: 'text'},
        update: {type: 'boolean', default: false},
        json: {type: 'boolean', default: false}
      })
      if (values.help) return write(commandHelp.check as string)
      if (positionals.length > 0) throw new UsageError(`check takes no operands, got ${positionals.join(' ')}`, 'check')
      if (!['text', 'markdown', 'html'].includes(values.format)) throw new UsageError(`--format must be text, markdown or html, got ${values.format}`, 'check')
      const folder = await stat(values.corpus).catch(() => undefined)
      if (!folder?.isDirectory()) throw new UsageError(`no corpus folder ${values.corpus}${values.corpus === 'corpus' ? ' here (run check where corpus/ is, or give --corpus DIR)' : ''}`, 'check')
      const options = await pageOptions(values, values.corpus, 'check')
      return runCheck({corpus: values.corpus, golden: values.golden, format: values.format as 'text' | 'markdown' | 'html', update: values.update, json: values.json, options, ...(values.only ? {only: values.only} : {})})
    }
    case 'explain': {
      const {values, positionals} = parse('explain', rest, {...shared, ...pageFlags, json: {type: 'boolean', default: false}, id: {type: 'string'}})
      if (values.help) return write(commandHelp.explain as string)
      const [file, ...extra] = positionals
      if (file === undefined || extra.length > 0) throw new UsageError('explain takes exactly one FILE (or - for standard input)', 'explain')
      if (file !== '-' && (await stat(file).catch(() => undefined))?.isDirectory()) {
        throw new UsageError(`${file} is a folder; explain takes one page (dechaff clean ${file} --explain lists the removals of each)`, 'explain')
      }
      const options = await pageOptions(values, await startOf(file), 'explain')
      return runExplain({file, json: values.json, options, ...(values.id === undefined ? {} : {id: values.id})})
    }
    case 'queue':
      return queueCommand(rest)
    case 'worker': {
      const {values, positionals} = parse('worker', rest, {...shared, ...queueFlags, jobs: {type: 'string'}, 'lock-ms': {type: 'string'}, 'until-empty': {type: 'boolean', default: false}, quiet: {type: 'boolean', short: 'q', default: false}})
      if (values.help) return write(commandHelp.worker as string)
      if (positionals.length > 0) throw new UsageError(`worker takes no operands, got ${positionals.join(' ')}`, 'worker')
      return runWorker({
        connection: connectionOf(values),
        untilEmpty: values['until-empty'],
        quiet: values.quiet,
        ...(values.jobs ? {jobs: count(values.jobs, '--jobs', 'worker')} : {}),
        ...(values['lock-ms'] ? {lockMs: count(values['lock-ms'], '--lock-ms', 'worker')} : {})
      })
    }
    default:
      throw new UsageError(`unknown command \`${command}\`: the commands are ${Object.keys(commandHelp).join(', ')}`)
  }
}

/** `dechaff clean`: flags checked, conflicts refused, before any page is read. */
async function cleanCommand(argv: string[]): Promise<number> {
  const {values, positionals} = parse('clean', argv, {
    ...shared,
    ...cleaningFlags,
    out: {type: 'string', short: 'o'},
    output: {type: 'string'},
    ordered: {type: 'boolean', default: false},
    jobs: {type: 'string'},
    errors: {type: 'string'},
    resume: {type: 'boolean', default: false},
    'retry-errors': {type: 'boolean', default: false},
    timings: {type: 'boolean', default: true},
    quiet: {type: 'boolean', short: 'q', default: false},
    explain: {type: 'boolean', default: false}
  })
  if (values.help) return write(commandHelp.clean as string)
  if (values.out !== undefined && values.output !== undefined) throw new UsageError('--out DIR and --output FILE cannot go together: give one place for the outputs', 'clean')
  if (values['retry-errors'] && !values.resume) throw new UsageError('--retry-errors goes with --resume', 'clean')
  const fileOutput = values.output !== undefined && values.output !== '-'
  if (values.resume && !values.out && !fileOutput && !values.errors) throw new UsageError('--resume needs what a previous run wrote: --out DIR, --output FILE or --errors FILE', 'clean')
  const {format, options} = await cleaningOptions(values, positionals[0], 'clean')
  return runClean({
    operands: positionals,
    format,
    timings: values.timings,
    ordered: values.ordered,
    resume: values.resume,
    retryErrors: values['retry-errors'],
    quiet: values.quiet,
    explain: values.explain,
    options,
    ...(values.out ? {out: values.out} : {}),
    ...(values.output ? {output: values.output} : {}),
    ...(values.errors ? {errors: values.errors} : {}),
    ...(values.jobs ? {jobs: count(values.jobs, '--jobs', 'clean')} : {}),
    ...(values.include ? {include: values.include} : {}),
    ...(values.exclude ? {exclude: values.exclude} : {})
  })
}

function connectionOf(values: {redis?: string | undefined; name?: string | undefined}): {redis?: string; name?: string} {
  return {...(values.redis ? {redis: values.redis} : {}), ...(values.name ? {name: values.name} : {})}
}

/** `dechaff queue add|status|retry`. */
async function queueCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv
  switch (action) {
    case 'add': {
      const {values, positionals} = parse('queue', rest, {...shared, ...queueFlags, ...cleaningFlags, out: {type: 'string', short: 'o'}, attempts: {type: 'string'}, 'backoff-ms': {type: 'string'}, quiet: {type: 'boolean', short: 'q', default: false}})
      if (values.help) return write(commandHelp.queue as string)
      if (positionals.length === 0) throw new UsageError('queue add takes one or more SHARD files or folders', 'queue')
      if (!values.out) throw new UsageError('queue add needs --out DIR, a folder every worker can write to', 'queue')
      const {format, options} = await cleaningOptions(values, positionals[0], 'queue')
      return runQueueAdd(connectionOf(values), positionals, {
        out: values.out,
        format,
        options,
        quiet: values.quiet,
        ...(values.include ? {include: values.include} : {}),
        ...(values.exclude ? {exclude: values.exclude} : {}),
        ...(values.attempts ? {attempts: Math.max(1, count(values.attempts, '--attempts', 'queue'))} : {}),
        ...(values['backoff-ms'] ? {backoffMs: count(values['backoff-ms'], '--backoff-ms', 'queue')} : {})
      })
    }
    case 'status': {
      const {values, positionals} = parse('queue', rest, {...shared, ...queueFlags, json: {type: 'boolean', default: false}, watch: {type: 'boolean', default: false}})
      if (values.help) return write(commandHelp.queue as string)
      if (positionals.length > 0) throw new UsageError(`queue status takes no operands, got ${positionals.join(' ')}`, 'queue')
      return runQueueStatus(connectionOf(values), {json: values.json, watch: values.watch})
    }
    case 'retry': {
      const {values, positionals} = parse('queue', rest, {...shared, ...queueFlags, quiet: {type: 'boolean', short: 'q', default: false}})
      if (values.help) return write(commandHelp.queue as string)
      if (positionals.length > 0) throw new UsageError(`queue retry takes no operands, got ${positionals.join(' ')}`, 'queue')
      return runQueueRetry(connectionOf(values), values.quiet)
    }
    case '-h':
    case '--help':
      return write(commandHelp.queue as string)
    default:
      throw new UsageError(action === undefined ? 'queue needs add, status or retry' : `unknown queue command \`${action}\`: queue takes add, status or retry`, 'queue')
  }
}

/** A command's flags and operands; a flag it does not take, or a value missing, is a usage error in our words. */
function parse<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({args, options, allowPositionals: true, allowNegative: true, strict: true})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const flag = /'(-[^' ]+)/u.exec((error as Error).message)?.[1] ?? ''
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`${command} has no option ${flag}`, command)
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${flag.split(' ')[0]} ${/argument missing/u.test((error as Error).message) ? 'needs a value' : 'takes no value'}`, command)
    throw new UsageError((error as Error).message, command)
  }
}

interface PageValues {
  config?: string | undefined
  parser?: string | undefined
  'page-type'?: string | undefined
  language?: string | undefined
  model?: boolean | undefined
  'max-bytes'?: string | undefined
  'timeout-ms'?: string | undefined
  input?: string | undefined
}

interface CleaningValues extends PageValues {
  format: string
  links: boolean
  images: boolean
  'front-matter': boolean
  comments: boolean
}

/** The cleaning options of the page flags, over the configuration found from `start`. */
async function pageOptions(values: PageValues, start: string, command: string): Promise<CleanOptions> {
  if (values.parser !== undefined && !['parse5', 'jsdom'].includes(values.parser)) throw new UsageError(`--parser must be parse5 or jsdom, got ${values.parser}`, command)
  if (values.input !== undefined && !['auto', 'text', 'html'].includes(values.input)) throw new UsageError(`--input must be auto, text or html, got ${values.input}`, command)
  if (values.language !== undefined && !languageCodePattern.test(values.language)) throw new UsageError(`--language must be auto or a two-letter ISO 639-1 code such as de or zh, got ${values.language}`, command)
  const {options: configured} = await loadConfig(start, values.config)
  return {
    ...configured,
    ...(values.input ? {input: values.input as 'auto' | 'text' | 'html'} : {}),
    ...(values.parser ? {parser: values.parser as 'parse5' | 'jsdom'} : {}),
    ...pageTypeOption(values['page-type'], command),
    ...(values.language ? {language: values.language} : {}),
    ...(values.model !== undefined ? {model: values.model} : {}),
    ...(values['max-bytes'] ? {maxBytes: count(values['max-bytes'], '--max-bytes', command)} : {}),
    ...(values['timeout-ms'] ? {timeoutMs: count(values['timeout-ms'], '--timeout-ms', command)} : {})
  }
}

/** The output format and cleaning options of the flags, over the configuration found from the first operand. */
async function cleaningOptions(values: CleaningValues, operand: string | undefined, command: string): Promise<{format: OutputFormat; options: CleanOptions}> {
  if (!(values.format in formatExtensions)) throw new UsageError(`--format must be one of ${Object.keys(formatExtensions).join(', ')}, got ${values.format}`, command)
  if (values['front-matter'] && values.format !== 'markdown') throw new UsageError('--front-matter goes with --format markdown', command)
  for (const flag of ['links', 'images'] as const) {
    if (values[flag] && values.format !== 'markdown' && values.format !== 'html') throw new UsageError(`--${flag} goes with --format markdown or html`, command)
  }
  const options = {
    ...(await pageOptions(values, await startOf(operand), command)),
    ...(values.links ? {links: true} : {}),
    ...(values.images ? {images: true} : {}),
    ...(values['front-matter'] ? {frontMatter: true} : {}),
    ...(values.comments ? {comments: true} : {})
  }
  return {format: values.format as OutputFormat, options}
}

/** `--page-type T` as a cleaning option. */
function pageTypeOption(value: string | undefined, command: string): {pageType?: PageType} {
  if (value === undefined) return {}
  if (!(pageTypes as readonly string[]).includes(value)) throw new UsageError(`--page-type must be one of ${pageTypes.join(', ')}, got ${value}`, command)
  return {pageType: value as PageType}
}

/** A whole number ≥ 0 given on the command line. */
function count(value: string, flag: string, command: string): number {
  const number = Number(value)
  if (value.trim() === '' || !Number.isInteger(number) || number < 0) throw new UsageError(`${flag} takes a whole number ≥ 0, got ${value}`, command)
  return number
}

function write(text: string): number {
  process.stdout.write(text)
  return 0
}

/** A reader that closed standard output (`dechaff explain page.html | head`) wanted no more: exit without a stack trace. */
function stopQuietlyWhenOutputCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
}

/** The version of the package this file was installed with. */
function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
  return manifest.version
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
    if (error instanceof UsageError) process.stderr.write(error.command ? `Run \`dechaff ${error.command} --help\` for its options.\n` : `Run \`dechaff --help\` for the commands.\n`)
    process.exitCode = 2
  }
)
