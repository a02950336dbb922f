#!/usr/bin/env node
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import type {OutputFormat} from '../batch/format.js'
import {OutputClosedError} from '../batch/run.js'
import {formatExtensions} from '../io.js'
import {defaultTimeoutMs} from '../limits.js'
import {runCheck} from './check-command.js'
import {runClean} from './clean-command.js'
import {loadConfig} from './config.js'
import {runExplain} from './explain-command.js'

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
      --parser P              HTML parser: parse5 or jsdom (a browser-grade DOM; slower) (default: parse5)
      --ordered               JSON Lines in input order
      --jobs N                worker threads (default: the number of cores)
      --errors FILE           JSON Lines {id, reason} for records that could not be cleaned (default: stderr)
      --resume                skip records a previous run completed (--out files, --output/--errors lines)
      --include GLOB, --exclude GLOB   which files to take from folders (repeatable)
      --max-bytes N           largest page (default: 16777216)
      --timeout-ms N          time budget per page in ms (default: ${defaultTimeoutMs}; 0 for none)
      --input KIND            auto, text or html (default: auto, from the bytes)
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
  explain FILE              every block of FILE, kept or removed, the rule, the reason and the scores
      --json                  machine-readable blocks on stdout

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
        options: {
          ...shared,
          out: {type: 'string', short: 'o'},
          output: {type: 'string'},
          format: {type: 'string', default: 'text'},
          links: {type: 'boolean', default: false},
          images: {type: 'boolean', default: false},
          parser: {type: 'string'},
          ordered: {type: 'boolean', default: false},
          jobs: {type: 'string'},
          errors: {type: 'string'},
          resume: {type: 'boolean', default: false},
          include: {type: 'string', multiple: true},
          exclude: {type: 'string', multiple: true},
          'max-bytes': {type: 'string'},
          'timeout-ms': {type: 'string'},
          input: {type: 'string'},
          quiet: {type: 'boolean', short: 'q', default: false},
          explain: {type: 'boolean', default: false}
        }
      })
      if (values.help) return help()
      if (!(values.format in formatExtensions)) throw new UsageError(`--format must be one of ${Object.keys(formatExtensions).join(', ')}, got ${values.format}`)
      if (values.parser !== undefined && !['parse5', 'jsdom'].includes(values.parser)) throw new UsageError(`--parser must be parse5 or jsdom, got ${values.parser}`)
      const {options: configured} = await loadConfig(await startOf(positionals[0]), values.config)
      const options = {
        ...configured,
        ...(values.input ? {input: values.input as 'auto' | 'text' | 'html'} : {}),
        ...(values.parser ? {parser: values.parser as 'parse5' | 'jsdom'} : {}),
        ...(values.links ? {links: true} : {}),
        ...(values.images ? {images: true} : {}),
        ...(values['max-bytes'] ? {maxBytes: count(values['max-bytes'], '--max-bytes')} : {}),
        ...(values['timeout-ms'] ? {timeoutMs: count(values['timeout-ms'], '--timeout-ms')} : {})
      }
      return runClean({
        operands: positionals,
        format: values.format as OutputFormat,
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
      const {values, positionals} = parseArgs({args: rest, allowPositionals: true, options: {...shared, json: {type: 'boolean', default: false}}})
      if (values.help) return help()
      const [file, ...extra] = positionals
      if (file === undefined || extra.length > 0) throw new UsageError('explain takes exactly one FILE')
      const {options} = await loadConfig(path.dirname(file), values.config)
      return runExplain({file, json: values.json, options})
    }
    default:
      throw new UsageError(command === undefined ? 'no command given' : `unknown command \`${command}\``)
  }
}

class UsageError extends Error {}

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
