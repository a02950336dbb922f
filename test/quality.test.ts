import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {dechaffParseHtml, dechaffQuality, type QualityOptions, type Root} from '../src/index.js'
import {blocksOf} from '../src/tree.js'
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

  describe('lines of one element broken by <br>', () => {
    const verse = ['When the tide goes out at the end of the day,', 'we walk along the shore and talk of home,', 'and all the boats come in across the bay,', 'and none of us is ever quite alone.']
    const page = (lines: string[]): string => `<body><h1>Songs of the harbour</h1><p>${prose[0]}</p><div>${lines.join('<br>')}</div><p>${prose[1]}</p></body>`
    function qualityOf(html: string, line: string, options: QualityOptions = {}): {class: string; reason: string} | undefined {
      const processor = unified().use(dechaffParseHtml).use(dechaffQuality, options)
      const tree = processor.runSync(processor.parse(html)) as Root
      return blocksOf(tree).find((node) => node.data.block.text === line)?.data.block.quality
    }

    it('reads a verse as one passage: its short lines take its class', () => {
      const quality = qualityOf(page(verse), 'and all the boats come in across the bay,')
      expect(quality?.class).toBe('good')
      expect(quality?.reason).toMatch(/^a line of a 4-line passage/)
    })

    it('leaves lines with no stopwords to context, however long the passage', () => {
      const ratings = ['English Overwhelmingly Positive (585,834)', 'Russian Overwhelmingly Positive (172,930)', 'Polish Very Positive (28,749)', ...verse]
      expect(qualityOf(page(ratings), 'Polish Very Positive (28,749)')?.class).toBe('short')
    })

    it('leaves a short line above the passage’s first long line to context (a kicker over the text)', () => {
      const kicker = ['Exclusive report', 'Harbour crews say', prose[2] as string, ...verse]
      expect(qualityOf(page(kicker), 'Harbour crews say')?.class).toBe('short')
      expect(qualityOf(page(kicker), 'we walk along the shore and talk of home,')?.class).toBe('good')
    })

    it('needs passageMinLines lines, none linked', () => {
      const two = verse.slice(0, 2)
      expect(qualityOf(page(two), 'we walk along the shore and talk of home,')?.class).toBe('short')
      expect(qualityOf(page(two), 'we walk along the shore and talk of home,', {passageMinLines: 2})?.class).toBe('neargood')
      const linked = [...verse.slice(0, 3), `<a href="/next">${verse[3]}</a>`]
      expect(qualityOf(page(linked), 'and all the boats come in across the bay,')?.class).toBe('short')
    })
  })
})
