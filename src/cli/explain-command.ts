import {readRecords, type PageRecord} from '../batch/records.js'
import {createCleaner, type BlockReport, type CleanResult} from '../clean.js'
import {defaultMaxBytes} from '../limits.js'
import type {CleanOptions} from '../options.js'
import {preview} from './explain.js'
import {UsageError} from './help.js'
import {painter} from './style.js'

export interface ExplainCommandOptions {
  /** A page, `-` for standard input, or a JSON Lines or WARC/WET file. */
  file: string
  /** Which record of a JSON Lines or WARC/WET file: its id, WARC-Record-ID or target URI. */
  id?: string
  json: boolean
  options: CleanOptions
}

/** `dechaff explain FILE`: every block in order, kept or removed, by which rule, why, with its scores. */
export async function runExplain(command: ExplainCommandOptions): Promise<number> {
  const record = await recordToExplain(command)
  const name = command.file === '-' || record.fields ? record.id : command.file
  const cleaner = createCleaner({...command.options, sourcePositions: true, ...(record.kind ? {input: record.kind} : {})})
  const result = cleaner(record.input, name, record.charset)
  if (command.json) {
    process.stdout.write(`${JSON.stringify({file: command.file, ...(record.fields ? {id: record.rawId ?? record.id, ...record.fields} : {}), language: result.language, ...(result.pageType ? {pageType: result.pageType} : {}), metadata: result.metadata, metadataSources: result.metadataSources, blocks: result.blocks}, null, 2)}\n`)
    return 0
  }
  const paint = painter(process.stdout)
  const lines = [...formatMetadata(result, paint), ...result.blocks.map((block) => formatBlock(block, paint))]
  if (result.pageType) {
    const {type, confidence, evidence} = result.pageType
    lines.unshift(`page type ${paint('green', type)} (${confidence.toFixed(2)}): ${evidence.join(', ')}`, '')
  }
  const removed = result.blocks.filter((block) => !block.kept).length
  lines.push('', `${name}: ${result.blocks.length - removed} kept, ${removed} removed; language ${result.language.code} (${result.language.source})${result.input === 'html' ? placesNote(result) : ''}`)
  process.stdout.write(`${lines.join('\n')}\n`)
  return 0
}

/**
 * The one page to explain: the file (or standard input) itself, or, of a
 * JSON Lines or WARC/WET file, the record `id` names, or its only record.
 */
async function recordToExplain(command: ExplainCommandOptions): Promise<PageRecord> {
  const kind = command.options.input
  const records = readRecords([command.file], {maxPageBytes: command.options.maxBytes ?? defaultMaxBytes, ...(kind === 'text' || kind === 'html' ? {stdinKind: kind} : {})})
  let chosen: PageRecord | undefined
  let seen = 0
  for await (const record of records) {
    if (record.type === 'skipped') continue
    seen++
    const matches = command.id === undefined || record.id === command.id || (record.type === 'page' && record.fields?.uri === command.id)
    if (!matches) continue
    if (record.type === 'bad') throw new Error(`${record.id}: ${record.reason}`)
    if (command.id !== undefined) return record
    if (chosen) throw new UsageError(`${command.file} holds more than one record: say which with --id (the first two are ${JSON.stringify(chosen.id)} and ${JSON.stringify(record.id)})`, 'explain')
    chosen = record
  }
  if (chosen) return chosen
  throw command.id === undefined ? new Error(`${command.file} holds no page`) : new UsageError(`${command.file} has no record with id or URI ${JSON.stringify(command.id)} among its ${seen}`, 'explain')
}

/** What an HTML page's places count: lines of its source, or, where the parser kept none (jsdom), of its text view. */
function placesNote(result: CleanResult): string {
  return result.blocks.some((block) => block.source)
    ? ' (places are LINE:COLUMN of the element in the HTML source)'
    : " (places are LINE:COLUMN of the page's text view, then the element)"
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
  const {line, column} = block.source ?? block.start
  const place = `${line}:${column}${block.tag ? ` <${block.tag}>` : ''}`.padEnd(block.tag ? 16 : 7)
  const model = block.probability === undefined ? '' : `, model ${block.probability.toFixed(2)}`
  const figures = `${block.features.chars} chars, stopwords ${block.features.stopwordDensity.toFixed(2)}, class ${block.quality ?? '-'}, score ${block.score.toFixed(2)}${model}`
  return `${place} ${verdict} ${block.ruleId.padEnd(18)} ${block.reason}\n${''.padEnd(16)}${paint('dim', figures)}\n${''.padEnd(16)}│ ${preview(block.text)}`
}
