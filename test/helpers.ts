import {unified, type PluggableList} from 'unified'
import {dechaffParseText, type Block, type Root} from '../src/index.js'
import {blocksOf} from '../src/tree.js'

/** Parse a text page and run the given classifiers; returns its blocks. */
export function classify(text: string, plugins: PluggableList): Block[] {
  const processor = unified().use(dechaffParseText).use(plugins)
  const tree = processor.runSync(processor.parse(text)) as Root
  return blocksOf(tree).map((node) => node.data.block)
}

/** The rule that removed the block with this text (undefined when kept). */
export function ruleOf(blocks: Block[], text: string): string | undefined {
  const block = blocks.find((candidate) => candidate.text === text)
  if (!block) throw new Error(`no block with text: ${text}`)
  return block.removal?.ruleId
}

/** The rule that removed `line` when it sits between two paragraphs of prose. */
export function ruleInProse(line: string, plugins: PluggableList, separator = '\n'): string | undefined {
  return ruleOf(classify([prose[0], line, prose[1]].join(separator), plugins), line)
}

/** A page of real-looking article prose, to surround the lines under test. */
export const prose = [
  'The council voted on Tuesday to extend the pilot scheme for another two years, after a report found that usage had doubled since the first trial began in the spring.',
  'Residents who spoke at the meeting were broadly in favour, although several asked for the opening hours to be extended into the evening so that people who work shifts could use it too.',
  'Officials said the extra cost would be covered by the existing budget, and that a fuller review of the scheme would be published before the next election.'
]
