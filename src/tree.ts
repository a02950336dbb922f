import type {Block, BlockNode, Mark, Root} from './types.js'

/** The page's blocks, in order. */
export function blocksOf(tree: Root): BlockNode[] {
  return tree.children.filter(
    (child): child is BlockNode => child.type === 'ParagraphNode' && child.data?.block !== undefined
  )
}

/** Record a definite removal; the first classifier to remove a block names the rule. */
export function markRemoved(block: Block, mark: Mark): void {
  if (!block.removal) block.removal = mark
}

/** Whether some classifier already removed the block. */
export function isRemoved(block: Block): boolean {
  return block.removal !== undefined
}
