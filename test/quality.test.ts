import {describe, expect, it} from 'vitest'
import {dechaffQuality} from '../src/index.js'
import {classify, prose} from './helpers.js'

function classOf(line: string, options = {}): string | undefined {
  const blocks = classify([prose[0], line].join('\n'), [[dechaffQuality, options]])
  return blocks[1]?.quality?.class
}

describe('quality', () => {
  it('calls long prose with many stopwords good', () => {
    expect(classOf(prose[1] as string)).toBe('good')
  })

  it('calls a short whole sentence good', () => {
    expect(classOf('She said the work on the old bridge would be finished by the end of the autumn.')).toBe('good')
  })

  it('calls a long line of keywords bad', () => {
    expect(classOf('smartphones, tablets, laptops, wearables, cameras, televisions, headphones, speakers, accessories, deals, gift cards')).toBe('bad')
  })

  it('leaves headings, list items and code to context', () => {
    expect(classOf('Why brown the butter?')).toBe('short')
    expect(classOf('- Power mode makes no difference (tried Best efficiency, Balanced and Best performance)')).toBe('short')
    expect(classOf('const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });')).toBe('short')
  })

  it('calls a block without words bad', () => {
    expect(classOf('* * *')).toBe('bad')
  })

  it('drops stopwords on a page in another language', () => {
    const german = 'Die Stadtverwaltung hat am Dienstag beschlossen, das Pilotprojekt um zwei weitere Jahre zu verlängern, nachdem ein Bericht eine Verdopplung der Nutzung gezeigt hatte.'
    const blocks = classify([german, german].join('\n'), [dechaffQuality])
    expect(blocks[0]?.quality?.class).toBe('good')
  })

  it('takes thresholds as options', () => {
    expect(classOf(prose[1] as string, {lengthHigh: 1000, sentenceMinWords: 100})).toBe('neargood')
  })
})
