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

/**
 * Mark a block removed from a classifier that runs after the block model and
 * reads what it kept: its removal replaces one the model overruled (a print
 * copy's paragraph a DOM hint removed and the model kept), or the model's
 * verdict would settle the block again.
 */
export function markRemovedAfterModel(block: Block, mark: Mark): void {
  if (block.removal && block.removal === block.model?.weighed) block.removal = mark
  else markRemoved(block, mark)
}

/** A byline or dateline removed inside a comment thread is a comment's own author or date line: it goes with the comments. */
export function claimForComments(block: Block): void {
  if (block.removal?.ruleId === 'byline') block.removal = {...block.removal, comment: true}
}

/** Whether some classifier already removed the block. */
export function isRemoved(block: Block): boolean {
  return block.removal !== undefined
}

/** Whether a block reads as a heading: marked as one in the markup, or shaped like one in a dump. */
export function readsAsHeading(block: Block): boolean {
  return block.evidence.heading !== undefined || block.features.headingLike
}
