import {readFile} from 'node:fs/promises'
import {clean, type BlockReport, type CleanResult} from '../clean.js'
import type {CleanOptions} from '../options.js'
import {preview} from './explain.js'
import {painter} from './style.js'

export interface ExplainCommandOptions {
  file: string
  json: boolean
  options: CleanOptions
}

/** `dechaff explain FILE`: every block in order, kept or removed, by which rule, why, with its scores. */
export async function runExplain(command: ExplainCommandOptions): Promise<number> {
  const result = clean(await readFile(command.file), {...command.options, path: command.file})
  if (command.json) {
    process.stdout.write(`${JSON.stringify({file: command.file, ...(result.pageType ? {pageType: result.pageType} : {}), metadata: result.metadata, metadataSources: result.metadataSources, blocks: result.blocks}, null, 2)}\n`)
    return 0
  }
  const paint = painter(process.stdout)
  const lines = [...formatMetadata(result, paint), ...result.blocks.map((block) => formatBlock(block, paint))]
  if (result.pageType) {
    const {type, confidence, evidence} = result.pageType
    lines.unshift(`page type ${paint('green', type)} (${confidence.toFixed(2)}): ${evidence.join(', ')}`, '')
  }
  const removed = result.blocks.filter((block) => !block.kept).length
  lines.push('', `${command.file}: ${result.blocks.length - removed} kept, ${removed} removed`)
  process.stdout.write(`${lines.join('\n')}\n`)
  return 0
}

/** One line per metadata field: its value and where it came from. */
function formatMetadata(result: CleanResult, paint: ReturnType<typeof painter>): string[] {
  const entries = Object.entries(result.metadata)
  if (entries.length === 0) return ['metadata: none found', '']
  const lines = ['metadata:']
  for (const [field, value] of entries) {
    const shown = Array.isArray(value) ? value.join('; ') : String(value)
    lines.push(`  ${field.padEnd(13)}${preview(shown)}  ${paint('dim', `(${result.metadataSources[field as keyof typeof result.metadataSources] ?? '?'})`)}`)
  }
  return [...lines, '']
}

function formatBlock(block: BlockReport, paint: ReturnType<typeof painter>): string {
  const verdict = block.kept ? paint('green', 'kept   ') : paint('red', 'removed')
  const place = `${block.start.line}:${block.start.column}`.padEnd(7)
  const model = block.probability === undefined ? '' : `, model ${block.probability.toFixed(2)}`
  const figures = `${block.features.chars} chars, stopwords ${block.features.stopwordDensity.toFixed(2)}, class ${block.quality ?? '-'}, score ${block.score.toFixed(2)}${model}`
  return `${place} ${verdict} ${block.ruleId.padEnd(18)} ${block.reason}\n${''.padEnd(16)}${paint('dim', figures)}\n${''.padEnd(16)}│ ${preview(block.text)}`
}
