import type {BoostedTrees, Tree} from '../boosted-trees.js'
import {seededRandom} from './seeded.js'
import {firstAtOrAbove} from './sorted.js'

/** Rows of `width` features with a 0/1 label and a weight each. */
export interface Examples {
  rows: Float32Array
  labels: Uint8Array
  weights: Float32Array
}

/** How the trees grow. */
export interface TreeOptions {
  trees: number
  /** Splits from the root to a leaf, at most. */
  depth: number
  /** Shrinkage of each tree's output. */
  learningRate: number
  /** L2 penalty on leaf outputs (in Newton steps). */
  lambda: number
  /** Least hessian (weighted p(1−p)) on each side of a split. */
  minChildWeight: number
  /** Share of the rows each tree is grown on, drawn afresh per tree. */
  rowShare: number
  /** Most value ranges (bins) a feature is cut into. */
  bins: number
  seed: number
}

/** Rows sampled per feature to find its cut points. */
const cutSample = 50_000

/**
 * Cut points of each feature: midpoints between neighbouring distinct values
 * at the feature's quantiles. A midpoint, not a seen value, so that a value
 * read in double precision at run time falls on the side its single-precision
 * copy fell on in training.
 */
function cutPoints(sets: Examples[], width: number, count: number, bins: number): Float64Array[] {
  const stride = Math.max(1, Math.floor(count / cutSample))
  const sampled: number[][] = Array.from({length: width}, () => [])
  let at = 0
  for (const set of sets) {
    for (let row = 0; row < set.labels.length; row++, at++) {
      if (at % stride !== 0) continue
      for (let feature = 0; feature < width; feature++) (sampled[feature] as number[]).push(set.rows[row * width + feature] as number)
    }
  }
  return sampled.map((values) => {
    const sorted = Float64Array.from(values).sort()
    const distinct = sorted.filter((value, index) => index === 0 || value !== sorted[index - 1])
    const chosen = distinct.length <= bins ? [...distinct] : Array.from({length: bins}, (_, index) => sorted[Math.floor((index * sorted.length) / bins)] as number)
    const cuts: number[] = []
    for (const value of new Set(chosen)) {
      const above = distinct.find((candidate) => candidate > value)
      if (above !== undefined) cuts.push((value + above) / 2)
    }
    return Float64Array.from(new Set(cuts)).sort()
  })
}

interface Split {
  gain: number
  feature: number
  bin: number
}

/**
 * Fit gradient-boosted regression trees on the log-loss, histogram-based:
 * each feature is cut into at most `bins` ranges once; each tree is grown
 * level by level on a seeded share of the rows, its leaves set by a Newton
 * step, the histogram of the larger child taken from its parent's. Examples
 * are weighted; deterministic for a seed.
 */
export function fitTrees(sets: Examples[], width: number, options: TreeOptions): BoostedTrees {
  const count = sets.reduce((sum, set) => sum + set.labels.length, 0)
  const cuts = cutPoints(sets, width, count, options.bins)
  const bins = new Uint8Array(count * width)
  const labels = new Uint8Array(count)
  const weights = new Float64Array(count)
  let at = 0
  for (const set of sets) {
    for (let row = 0; row < set.labels.length; row++, at++) {
      // A value's bin is how many cut points lie below it.
      for (let feature = 0; feature < width; feature++) bins[at * width + feature] = firstAtOrAbove(cuts[feature] as Float64Array, set.rows[row * width + feature] as number)
      labels[at] = set.labels[row] as number
      weights[at] = set.weights[row] as number
    }
  }
  let positive = 0
  let total = 0
  for (let row = 0; row < count; row++) {
    positive += (weights[row] as number) * (labels[row] as number)
    total += weights[row] as number
  }
  const share = Math.min(1 - 1e-6, Math.max(1e-6, positive / Math.max(1e-12, total)))
  const base = Math.log(share / (1 - share))
  const scores = new Float64Array(count).fill(base)
  const gradient = new Float64Array(count)
  const hessian = new Float64Array(count)
  const random = seededRandom(options.seed)
  const binCount = options.bins + 1
  const histogramSize = width * binCount * 2
  const trees: Tree[] = []

  const buildHistogram = (rows: Uint32Array, start: number, end: number): Float64Array => {
    const histogram = new Float64Array(histogramSize)
    for (let index = start; index < end; index++) {
      const row = rows[index] as number
      const g = gradient[row] as number
      const h = hessian[row] as number
      const offset = row * width
      for (let feature = 0; feature < width; feature++) {
        const slot = (feature * binCount + (bins[offset + feature] as number)) * 2
        histogram[slot] = (histogram[slot] as number) + g
        histogram[slot + 1] = (histogram[slot + 1] as number) + h
      }
    }
    return histogram
  }

  const bestSplit = (histogram: Float64Array, sumG: number, sumH: number): Split | undefined => {
    const parentScore = (sumG * sumG) / (sumH + options.lambda)
    let best: Split | undefined
    for (let feature = 0; feature < width; feature++) {
      let leftG = 0
      let leftH = 0
      const last = (cuts[feature] as Float64Array).length
      for (let bin = 0; bin < last; bin++) {
        const slot = (feature * binCount + bin) * 2
        leftG += histogram[slot] as number
        leftH += histogram[slot + 1] as number
        const rightH = sumH - leftH
        if (leftH < options.minChildWeight) continue
        if (rightH < options.minChildWeight) break
        const rightG = sumG - leftG
        const gain = (leftG * leftG) / (leftH + options.lambda) + (rightG * rightG) / (rightH + options.lambda) - parentScore
        if (gain > 1e-9 && (!best || gain > best.gain)) best = {gain, feature, bin}
      }
    }
    return best
  }

  for (let round = 0; round < options.trees; round++) {
    for (let row = 0; row < count; row++) {
      const probability = 1 / (1 + Math.exp(-(scores[row] as number)))
      const weight = weights[row] as number
      gradient[row] = weight * (probability - (labels[row] as number))
      hessian[row] = weight * Math.max(1e-6, probability * (1 - probability))
    }
    const chosen: number[] = []
    for (let row = 0; row < count; row++) if (random() < options.rowShare) chosen.push(row)
    const rows = Uint32Array.from(chosen)
    const tree: Tree = {feature: [], threshold: [], left: [], right: [], value: []}
    const splitBins: number[] = []
    const addNode = (sumG: number, sumH: number): number => {
      tree.feature.push(-1)
      tree.threshold.push(0)
      tree.left.push(-1)
      tree.right.push(-1)
      tree.value.push((-options.learningRate * sumG) / (sumH + options.lambda))
      splitBins.push(-1)
      return tree.value.length - 1
    }
    const sums = (histogram: Float64Array): [number, number] => {
      // Every row falls in one bin of feature 0: its bins sum to the node's totals.
      let g = 0
      let h = 0
      for (let bin = 0; bin < binCount; bin++) {
        g += histogram[bin * 2] as number
        h += histogram[bin * 2 + 1] as number
      }
      return [g, h]
    }
    const rootHistogram = buildHistogram(rows, 0, rows.length)
    const [rootG, rootH] = sums(rootHistogram)
    let level: Array<{node: number; start: number; end: number; histogram: Float64Array; g: number; h: number}> = [{node: addNode(rootG, rootH), start: 0, end: rows.length, histogram: rootHistogram, g: rootG, h: rootH}]
    for (let depth = 0; depth < options.depth && level.length > 0; depth++) {
      const next: typeof level = []
      for (const item of level) {
        const split = bestSplit(item.histogram, item.g, item.h)
        if (!split) continue
        // Partition the node's rows in place: those at or below the split bin first.
        let middle = item.start
        for (let index = item.start; index < item.end; index++) {
          const row = rows[index] as number
          if ((bins[row * width + split.feature] as number) <= split.bin) {
            rows[index] = rows[middle] as number
            rows[middle] = row
            middle++
          }
        }
        const leftIsSmaller = middle - item.start <= item.end - middle
        const smaller = leftIsSmaller ? buildHistogram(rows, item.start, middle) : buildHistogram(rows, middle, item.end)
        const larger = new Float64Array(histogramSize)
        for (let slot = 0; slot < histogramSize; slot++) larger[slot] = (item.histogram[slot] as number) - (smaller[slot] as number)
        const [leftHistogram, rightHistogram] = leftIsSmaller ? [smaller, larger] : [larger, smaller]
        const [leftG, leftH] = sums(leftHistogram)
        const [rightG, rightH] = sums(rightHistogram)
        const left = addNode(leftG, leftH)
        const right = addNode(rightG, rightH)
        tree.feature[item.node] = split.feature
        tree.threshold[item.node] = (cuts[split.feature] as Float64Array)[split.bin] as number
        tree.left[item.node] = left
        tree.right[item.node] = right
        splitBins[item.node] = split.bin
        next.push({node: left, start: item.start, end: middle, histogram: leftHistogram, g: leftG, h: leftH}, {node: right, start: middle, end: item.end, histogram: rightHistogram, g: rightG, h: rightH})
      }
      level = next
    }
    for (let row = 0; row < count; row++) {
      let node = 0
      while ((tree.feature[node] as number) >= 0) {
        node = (bins[row * width + (tree.feature[node] as number)] as number) <= (splitBins[node] as number) ? (tree.left[node] as number) : (tree.right[node] as number)
      }
      scores[row] = (scores[row] as number) + (tree.value[node] as number)
    }
    trees.push(tree)
  }
  return {base: round(base), trees: trees.map(roundTree)}
}

const round = (value: number): number => Math.round(value * 1e5) / 1e5

/** Outputs rounded for a compact data file; thresholds rounded only where that keeps every training value on its side (cut points are midpoints). */
function roundTree(tree: Tree): Tree {
  return {...tree, value: tree.value.map(round), threshold: tree.threshold.map((value) => Number(value.toPrecision(9)))}
}
