/**
 * One regression tree of a boosted model, its nodes in parallel arrays. An
 * internal node sends a row left when its value of `feature` is at most
 * `threshold`; a leaf has feature −1. Every node keeps the model's output had
 * the row stopped there (`value`), so a row's path says how much each feature
 * it was split on moved the output.
 */
export interface Tree {
  feature: number[]
  threshold: number[]
  left: number[]
  right: number[]
  value: number[]
}

/** Gradient-boosted trees over log-odds: `base` plus each tree's leaf. */
export interface BoostedTrees {
  base: number
  trees: Tree[]
}

/** A probability with the share of its log-odds each feature moved it by. */
export interface Scored {
  probability: number
  contributions: Float64Array
}

/**
 * The probability a boosted model gives a row of features, with each
 * feature's contribution to its log-odds: the change of a tree's output at
 * every split on the feature along the row's path (Saabas' attribution), so
 * the base, the trees' root values and the contributions add up to the
 * log-odds. `contributions`, when given, is filled in place of a new array.
 */
export function scoreTrees(model: BoostedTrees, row: ArrayLike<number>, width: number, contributions: Float64Array = new Float64Array(width)): Scored {
  let sum = model.base
  for (const tree of model.trees) {
    let node = 0
    sum += tree.value[0] as number
    while ((tree.feature[node] as number) >= 0) {
      const feature = tree.feature[node] as number
      const next = (row[feature] as number) <= (tree.threshold[node] as number) ? (tree.left[node] as number) : (tree.right[node] as number)
      const change = (tree.value[next] as number) - (tree.value[node] as number)
      contributions[feature] = (contributions[feature] as number) + change
      sum += change
      node = next
    }
  }
  return {probability: 1 / (1 + Math.exp(-sum)), contributions}
}
