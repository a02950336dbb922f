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

/** A boosted model's trees laid end to end in typed arrays, child indices absolute: what `scoreTrees` walks, as it runs for every block. */
interface FlatTrees {
  base: number
  roots: Int32Array
  feature: Int32Array
  threshold: Float64Array
  left: Int32Array
  right: Int32Array
  value: Float64Array
}

const flattened = new WeakMap<BoostedTrees, FlatTrees>()

function flatten(model: BoostedTrees): FlatTrees {
  const size = model.trees.reduce((sum, tree) => sum + tree.feature.length, 0)
  const flat: FlatTrees = {
    base: model.base,
    roots: new Int32Array(model.trees.length),
    feature: new Int32Array(size),
    threshold: new Float64Array(size),
    left: new Int32Array(size),
    right: new Int32Array(size),
    value: new Float64Array(size)
  }
  let offset = 0
  model.trees.forEach((tree, index) => {
    flat.roots[index] = offset
    flat.feature.set(tree.feature, offset)
    flat.threshold.set(tree.threshold, offset)
    flat.value.set(tree.value, offset)
    for (let node = 0; node < tree.feature.length; node++) {
      flat.left[offset + node] = offset + (tree.left[node] as number)
      flat.right[offset + node] = offset + (tree.right[node] as number)
    }
    offset += tree.feature.length
  })
  return flat
}

/**
 * The probability a boosted model gives a row of features, with each
 * feature's contribution to its log-odds: the change of a tree's output at
 * every split on the feature along the row's path (Saabas' attribution), so
 * the base, the trees' root values and the contributions add up to the
 * log-odds. `contributions`, when given, is filled in place of a new array.
 */
export function scoreTrees(model: BoostedTrees, row: ArrayLike<number>, width: number, contributions: Float64Array = new Float64Array(width)): Scored {
  let flat = flattened.get(model)
  if (!flat) {
    flat = flatten(model)
    flattened.set(model, flat)
  }
  const {roots, feature, threshold, left, right, value} = flat
  let sum = flat.base
  for (let tree = 0; tree < roots.length; tree++) {
    let node = roots[tree] as number
    sum += value[node] as number
    for (let split = feature[node] as number; split >= 0; split = feature[node] as number) {
      const next = (row[split] as number) <= (threshold[node] as number) ? (left[node] as number) : (right[node] as number)
      const change = (value[next] as number) - (value[node] as number)
      contributions[split] = (contributions[split] as number) + change
      sum += change
      node = next
    }
  }
  return {probability: 1 / (1 + Math.exp(-sum)), contributions}
}
