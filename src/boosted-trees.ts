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
 * A boosted model's trees laid end to end in typed arrays, what `scoreTrees`
 * walks for every block: each internal node's two children sit side by side,
 * and a node's numbers sit together (`links`: its feature, −1 on a leaf, then
 * its left child's index, absolute; `values`: its threshold, then its
 * output), so a row's path is read from fewer, closer places.
 */
interface FlatTrees {
  base: number
  roots: Int32Array
  links: Int32Array
  values: Float64Array
}

const flattened = new WeakMap<BoostedTrees, FlatTrees>()

function flatten(model: BoostedTrees): FlatTrees {
  const size = model.trees.reduce((sum, tree) => sum + tree.feature.length, 0)
  const flat: FlatTrees = {base: model.base, roots: new Int32Array(model.trees.length), links: new Int32Array(size * 2), values: new Float64Array(size * 2)}
  let free = 0
  model.trees.forEach((tree, index) => {
    flat.roots[index] = free
    // Breadth first, each node's children are given the next two free places.
    const queue: Array<[node: number, place: number]> = [[0, free++]]
    for (let head = 0; head < queue.length; head++) {
      const [node, place] = queue[head] as [number, number]
      const feature = tree.feature[node] as number
      flat.links[place * 2] = feature
      flat.values[place * 2] = tree.threshold[node] as number
      flat.values[place * 2 + 1] = tree.value[node] as number
      if (feature < 0) continue
      flat.links[place * 2 + 1] = free
      queue.push([tree.left[node] as number, free], [tree.right[node] as number, free + 1])
      free += 2
    }
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
  const {roots, links, values} = flat
  let sum = flat.base
  for (let tree = 0; tree < roots.length; tree++) {
    let node = roots[tree] as number
    let output = values[node * 2 + 1] as number
    for (let split = links[node * 2] as number; split >= 0; split = links[node * 2] as number) {
      node = (links[node * 2 + 1] as number) + ((row[split] as number) <= (values[node * 2] as number) ? 0 : 1)
      const leaving = output
      output = values[node * 2 + 1] as number
      contributions[split] = (contributions[split] as number) + (output - leaving)
    }
    sum += output
  }
  return {probability: 1 / (1 + Math.exp(-sum)), contributions}
}
