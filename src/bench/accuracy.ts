import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {parseArgs} from 'node:util'
import {createCleaner} from '../clean.js'
import {scoreShingles, summariseShingles, type ShinglePage} from '../metrics.js'
import type {InputKind} from '../types.js'
import {readIds} from './manifest.js'

/**
 * `npm run bench:accuracy -- DATASET_DIR...`: clean every page of benchmark
 * datasets (`<id>.html` and `<id>.dump.txt`, gold in `<id>.gold.txt`, ids in
 * `ids.txt`) in HTML and in text mode, and print the ScrapingHub shingle
 * figures per dataset and mode, with the worst pages.
 */
const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    mode: {type: 'string', default: 'both'},
    worst: {type: 'string', default: '5'},
    out: {type: 'string'}
  }
})
if (positionals.length === 0) {
  process.stderr.write('usage: npm run bench:accuracy -- DATASET_DIR... [--mode html|text|both] [--worst N] [--out DIR]\n')
  process.exit(2)
}
const modes: InputKind[] = values.mode === 'both' ? ['html', 'text'] : [values.mode as InputKind]
const worst = Number(values.worst)

interface Row extends ShinglePage {
  id: string
}

const header = `${'dataset'.padEnd(18)}${'mode'.padEnd(6)}${'pages'.padStart(6)}${'F1'.padStart(8)}${'P'.padStart(8)}${'R'.padStart(8)}${'exact'.padStart(8)}${'failed'.padStart(8)}${'ms/page'.padStart(9)}`
const lines: string[] = [header]
const worstLines: string[] = []
for (const directory of positionals) {
  const dataset = path.basename(path.resolve(directory))
  const ids = await readIds(directory)
  for (const mode of modes) {
    const cleaner = createCleaner({input: mode})
    const rows: Row[] = []
    let failures = 0
    let milliseconds = 0
    for (const id of ids) {
      const gold = await readFile(path.join(directory, `${id}.gold.txt`), 'utf8')
      const input = await readFile(path.join(directory, mode === 'html' ? `${id}.html` : `${id}.dump.txt`))
      let prediction = ''
      const started = performance.now()
      try {
        prediction = cleaner(input, id).text
      } catch (error) {
        failures++
        process.stderr.write(`${dataset}/${id} (${mode}): ${(error as Error).message}\n`)
      }
      milliseconds += performance.now() - started
      if (values.out) {
        const target = path.join(values.out, dataset, mode, `${id}.txt`)
        await mkdir(path.dirname(target), {recursive: true})
        await writeFile(target, prediction)
      }
      rows.push({id, ...scoreShingles(gold, prediction)})
    }
    const summary = summariseShingles(rows)
    lines.push(
      `${dataset.padEnd(18)}${mode.padEnd(6)}${String(rows.length).padStart(6)}${summary.f1.toFixed(3).padStart(8)}${summary.precision.toFixed(3).padStart(8)}` +
        `${summary.recall.toFixed(3).padStart(8)}${summary.exact.toFixed(3).padStart(8)}${String(failures).padStart(8)}${(milliseconds / rows.length).toFixed(1).padStart(9)}`
    )
    const f1 = (row: Row): number => (row.precision + row.recall > 0 ? (2 * row.precision * row.recall) / (row.precision + row.recall) : 0)
    for (const row of [...rows].sort((a, b) => f1(a) - f1(b)).slice(0, worst)) {
      worstLines.push(`${dataset}/${mode}\t${row.id}\tF1 ${f1(row).toFixed(3)}\tP ${row.precision.toFixed(3)}\tR ${row.recall.toFixed(3)}`)
    }
  }
}
process.stdout.write(`${lines.join('\n')}\n`)
if (worstLines.length > 0) process.stdout.write(`\nworst pages:\n${worstLines.join('\n')}\n`)
