#!/usr/bin/env node
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {runCheck} from './check-command.js'
import {runClean} from './clean-command.js'
import {loadConfig} from './config.js'
import {runExplain} from './explain-command.js'

const usage = `Usage: dechaff <command> [options]

Strip boilerplate from scraped pages, explaining every removal.

Commands:
  clean [FILE|DIR|-]...     clean files, folders (recursively) or standard input
      --out DIR               write each page to DIR, mirroring the input (a/b.html → DIR/a/b.txt)
      --explain               list each removed block with its rule and reason
                              (to stderr when the text goes to stdout)
  check                     compare a corpus with its golden files
      --corpus DIR            input pages (default: corpus)
      --golden DIR            expected outputs (default: golden)
      --only GLOB             check only the pages matching GLOB (relative to the corpus)
      --update                write current outputs as golden files where they changed or were missing
      --json                  machine-readable report on stdout
  explain FILE              every block of FILE, kept or removed, the rule, the reason and the scores
      --json                  machine-readable blocks on stdout

Every command takes --config FILE; otherwise the nearest dechaff.config.json (or the
"dechaff" field of a package.json) above the input is used.

Exit status: 0 success; 1 check found changed or missing pages; 2 usage or input error.
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
        options: {...shared, out: {type: 'string', short: 'o'}, explain: {type: 'boolean', default: false}}
      })
      if (values.help) return help()
      const {options} = await loadConfig(await startOf(positionals[0]), values.config)
      return runClean({operands: positionals, explain: values.explain, options, ...(values.out ? {out: values.out} : {})})
    }
    case 'check': {
      const {values, positionals} = parseArgs({
        args: rest,
        options: {
          ...shared,
          corpus: {type: 'string', default: 'corpus'},
          golden: {type: 'string', default: 'golden'},
          only: {type: 'string'},
          update: {type: 'boolean', default: false},
          json: {type: 'boolean', default: false}
        }
      })
      if (values.help) return help()
      if (positionals.length > 0) throw new UsageError(`check takes no operands, got ${positionals.join(' ')}`)
      const {options} = await loadConfig(values.corpus, values.config)
      return runCheck({corpus: values.corpus, golden: values.golden, update: values.update, json: values.json, options, ...(values.only ? {only: values.only} : {})})
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
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`dechaff: ${message}\n`)
    if (error instanceof UsageError) process.stderr.write(`\n${usage}`)
    process.exitCode = 2
  }
)
