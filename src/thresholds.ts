import thresholds from './data/thresholds.json' with {type: 'json'}

/** Default thresholds of every classifier, from `data/thresholds.json`. */
export const defaults = thresholds
