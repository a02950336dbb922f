import type {Transformer} from 'unified'
import {normalise} from '../block.js'
import {blocksOf} from '../tree.js'
import type {Root} from '../types.js'

export interface KeepOptions {
  /** Phrases that keep any block containing them (default: none). */
  phrases?: string[]
}

/** Protect blocks that contain an always-keep phrase; protection beats every removal. */
export default function dechaffKeep(options: KeepOptions = {}): Transformer<Root> {
  const phrases = (options.phrases ?? []).map(normalise).filter(Boolean)
  return (tree) => {
    if (phrases.length === 0) return
    for (const node of blocksOf(tree)) {
      const block = node.data.block
      const phrase = phrases.find((candidate) => block.normal.includes(candidate))
      if (phrase) block.protection = {ruleId: 'keep', reason: `contains the always-keep phrase “${phrase}”`, score: 1}
    }
  }
}
