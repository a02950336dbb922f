import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {clean, type BlockReport} from '../clean.js'
import {seededSample} from './seeded.js'

/**
 * `npm run bench:parity -- [DIR...] [--pages N]`: whether HTML parsed by
 * parse5 (the default) and by jsdom (`parser: 'jsdom'`) gives the same
 * blocks, verdicts and text, on a seeded sample of N pages (default 200) of
 * each dataset (default wcxb-dev and dragnet). Lists the pages that differ
 * and their first differing block; exits 1 if any does.
 */
const {values, positionals} = parseArgs({allowPositionals: true, options: {pages: {type: 'string', default: '200'}}})
const datasets = positionals.length > 0 ? positionals : ['bench-data/wcxb-dev', 'bench-data/dragnet']
const sampleSeed = 2024

/** What the two parses must agree on, block by block. */
function blockKey(block: BlockReport): string {
  return `${block.kept ? 'kept' : block.ruleId} ${block.text}`
}

function firstDifference(a: string[], b: string[]): string {
  const at = a.findIndex((key, index) => key !== b[index])
  const index = at === -1 ? Math.min(a.length, b.length) : at
  return `block ${index}: parse5 ${JSON.stringify(a[index]?.slice(0, 80))} / jsdom ${JSON.stringify(b[index]?.slice(0, 80))}`
}

let differing = 0
for (const directory of datasets) {
  const ids = (await readdir(directory)).filter((file) => file.endsWith('.html')).sort()
  const sample = seededSample(ids, Number(values.pages), sampleSeed)
  let same = 0
  for (const file of sample) {
    const html = await readFile(path.join(directory, file))
    const byParse5 = clean(html, {input: 'html', timeoutMs: 0})
    const byJsdom = clean(html, {input: 'html', timeoutMs: 0, parser: 'jsdom'})
    const keys = [byParse5.blocks.map(blockKey), byJsdom.blocks.map(blockKey)] as const
    if (byParse5.text === byJsdom.text && keys[0].join('\n') === keys[1].join('\n')) {
      same++
      continue
    }
    differing++
    console.log(`  ${file}: ${firstDifference(...keys)}`)
  }
  console.log(`${path.basename(path.resolve(directory))}: same blocks, verdicts and text on ${same} of ${sample.length} pages`)
}
process.exitCode = differing > 0 ? 1 : 0
