import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {createCleaner, type CleanOptions} from '../clean.js'
import {writeAtomically} from '../io.js'
import {formatRemovals} from './explain.js'
import {collectPages} from './inputs.js'

export interface CleanCommandOptions {
  operands: string[]
  out?: string
  explain: boolean
  options: CleanOptions
}

/** `dechaff clean`: clean files, folders or standard input to stdout or a mirrored folder. */
export async function runClean(command: CleanCommandOptions): Promise<number> {
  const pages = await collectPages(command.operands)
  const cleaner = createCleaner(command.options)
  let failures = 0
  for (const page of pages) {
    let input: Uint8Array
    try {
      input = page.source === '-' ? await readStdin() : await readFile(page.source)
    } catch (error) {
      process.stderr.write(`dechaff: cannot read ${page.source}: ${(error as Error).message}\n`)
      failures++
      continue
    }
    let result
    try {
      result = cleaner(input, page.source === '-' ? undefined : page.source)
    } catch (error) {
      process.stderr.write(`dechaff: ${page.source}: ${(error as Error).message}\n`)
      failures++
      continue
    }
    if (command.out) {
      await writeAtomically(path.join(command.out, page.relative), result.text)
      if (command.explain) process.stdout.write(formatRemovals(page.source, result))
    } else {
      if (pages.length > 1) process.stdout.write(`==> ${page.source} <==\n`)
      process.stdout.write(result.text)
      if (command.explain) process.stderr.write(formatRemovals(page.source, result))
    }
  }
  if (command.out) process.stderr.write(`dechaff: cleaned ${pages.length - failures} of ${pages.length} pages into ${command.out}\n`)
  return failures > 0 ? 2 : 0
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
