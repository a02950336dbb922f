import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {createProcessor} from '../clean.js'
import {decodeHtml} from '../parse/decode.js'
import {blocksOf} from '../tree.js'
import type {InputKind} from '../types.js'
import {labelBlocks} from './block-labels.js'
import {seededRandom} from './seeded.js'
import {readIds} from './manifest.js'

/**
 * `npm run labels -- [--data DIR] [--sets a,b] [--blocks N] [--seed N]`: print a
 * seeded sample of blocks with the label `block-labels.ts` gives them, for
 * checking the labelling by hand: each block is shown with its label and
 * whether its text, whole, is in the gold. A reviewer writes down the label
 * they would give and counts the agreement.
 */
const {values} = parseArgs({
  options: {
    data: {type: 'string', default: 'bench-data'},
    sets: {type: 'string', default: 'dragnet,cleaneval-final,readability,wcxb-dev,daniel'},
    blocks: {type: 'string', default: '50'},
    seed: {type: 'string', default: '5'}
  }
})
const random = seededRandom(Number(values.seed))
const sets = values.sets.split(',')
const wanted = Number(values.blocks)
const processors = {html: createProcessor('html'), text: createProcessor('text')}
const squash = (text: string): string => text.replace(/\s+/gu, ' ').trim()
for (let sample = 0; sample < wanted; sample++) {
  const set = sets[sample % sets.length] as string
  const directory = path.join(values.data, set)
  const ids = await readIds(directory)
  const id = ids[Math.floor(random() * ids.length)] as string
  const kind: InputKind = random() < 0.5 ? 'html' : 'text'
  const bytes = await readFile(path.join(directory, kind === 'html' ? `${id}.html` : `${id}.dump.txt`))
  const gold = await readFile(path.join(directory, `${id}.gold.txt`), 'utf8')
  const file = new VFile({value: kind === 'html' ? decodeHtml(bytes) : bytes.toString('utf8')})
  const texts = blocksOf(processors[kind].parse(file)).map((node) => node.data.block.text)
  if (texts.length === 0) continue
  // Every other block is chosen by its words, as the benchmark weighs them; the rest alike, so short lines are checked too.
  const words = texts.map((text) => (sample % 2 === 0 ? text.split(/\s+/u).length : 1))
  const total = words.reduce((sum, count) => sum + count, 0)
  let pick = random() * total
  let index = 0
  while (index < texts.length - 1 && pick >= (words[index] as number)) pick -= words[index++] as number
  const label = labelBlocks(texts, gold)[index]
  const text = squash(texts[index] as string)
  console.log(`#${sample + 1} ${set}/${id} ${kind} block ${index}: ${label ? 'CONTENT' : 'boilerplate'}; whole text in gold: ${squash(gold).includes(text) ? 'yes' : 'no'}`)
  console.log(`  ${text.slice(0, 300)}`)
}
