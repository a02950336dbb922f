#!/usr/bin/env node
import {parseArgs} from 'node:util'
import {runClean} from './clean-command.js'

const usage = `Usage: dechaff clean [FILE|DIR|-]... [--out DIR] [--explain]

Strip boilerplate from scraped pages (plain-text dumps).

  clean       clean files, folders (recursively) or standard input
    --out DIR     write each page to DIR, mirroring the input (a/b.txt → DIR/a/b.txt)
    --explain     list each removed block with its rule and reason
                  (to stderr when the text goes to stdout)
  -h, --help  show this help
`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(usage)
    return command === undefined ? 2 : 0
  }
  if (command !== 'clean') {
    process.stderr.write(`dechaff: unknown command \`${command}\`\n\n${usage}`)
    return 2
  }
  const {values, positionals} = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: {type: 'string', short: 'o'},
      explain: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false}
    }
  })
  if (values.help) {
    process.stdout.write(usage)
    return 0
  }
  return runClean({operands: positionals, explain: values.explain, options: {}, ...(values.out ? {out: values.out} : {})})
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`dechaff: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 2
  }
)
