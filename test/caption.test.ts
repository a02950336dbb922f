import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import {dechaffCaption, dechaffParseHtml} from '../src/index.js'
import {blocksOf} from '../src/tree.js'
import type {Root} from '../src/types.js'
import {classify, prose, ruleInProse, ruleOf} from './helpers.js'

function ruleFor(line: string): string | undefined {
  return ruleInProse(line, [dechaffCaption])
}

describe('caption', () => {
  it.each([
    ['Andy Boxall/Digital Trends', 'image-credit'],
    ['Rather a marketing gimmick, but effective: the new Nokia 3310 (Source: Nokia)', 'image-credit'],
    ['Photo credit: Jane Doe', 'image-credit'],
    ['Fingerprint technology. Credits: Samsung official.', 'image-credit'],
    ['[Via (Chinese)]', 'image-credit'],
    ['Getty Images', 'image-credit'],
    ['Photographs by Tom Reyes', 'image-credit'],
    ['The former fire station on Carr Lane. Image: Google Street View', 'image-credit'],
    ['xiaomi nokia patent partnership news redmi note 4x wm 9', 'alt-text'],
    ['a workshop bench covered in small metal organ pipes and hand tools', 'alt-text'],
    ['Margaret Hartnell at her voicing bench. She has worked on more than 200 instruments.', 'caption'],
    ['Daniel re-leathering a pallet in the workshop.', 'caption'],
    ['Lubelscy strażacy szykują się do protestu (fot. Maciej Kaczanowski)', 'image-credit'],
    ['W ostatnim roku zanotowano sześć przypadków malarii (© fot. Wojtek Wilczynski)', 'image-credit'],
    ['[fot: PAP/EPA]', 'image-credit'],
    ['/© Panthermedia', 'image-credit'],
    ['Meningokoki zagrażają nie tylko dzieciom, ale także dorosłym /© Panthermedia', 'image-credit'],
    ['Фото pzorya.at.ua', 'image-credit'],
    ['Учёные создали снижающую аппетит жвачку. Фото с сайта mobilmusic.ru', 'image-credit'],
    ['Источник фото: glomu.ru', 'image-credit'],
    ['圖為：上午8時49分開始段家偉在湘雅醫院捐獻造血幹細胞', 'image-credit'],
    ['市民在公园里观看冰雕(图/新华社)', 'image-credit'],
    ["Rowers from the county's three clubs, from left in green, blue and white, cross the finish line at the end of the harbour regatta on Saturday, June 8, 2024. The race was held over two kilometres for the first time. Spectators lined the quay from the lifeboat station to the old customs house. (AP Photo/Jane Doe)", 'image-credit']
  ])('removes %j as %s', (line, rule) => {
    expect(ruleFor(line)).toBe(rule)
  })

  it('leaves a specification’s row that starts like a credit ("Graphics: …" among "Memory: …" and "Storage: …"), and takes a credit between other lines', () => {
    const row = 'Graphics: NVIDIA GeForce GTX 970 or AMD Radeon RX 470'
    const specification = ['Minimum requirements', 'Memory: 8 GB RAM', row, 'Storage: 85 GB available space']
    expect(ruleOf(classify(specification.join('\n'), [dechaffCaption]), row)).toBeUndefined()
    expect(ruleOf(classify([prose[0], 'Graphics: Jane Doe', 'Memory: the town keeps its archive in the old mill'].join('\n'), [dechaffCaption]), 'Graphics: Jane Doe')).toBe('image-credit')
    expect(ruleOf(classify(['Photo: Jane Doe', 'Source: Valley Times', 'Map: Ordnance Survey'].join('\n'), [dechaffCaption]), 'Source: Valley Times')).toBe('image-credit')
  })

  it('removes a caption sitting above its credit', () => {
    const blocks = classify([prose[0], 'A finished wafer on display in San Jose.', 'Photo: Marcus Oyelaran', prose[1]].join('\n'), [dechaffCaption])
    expect(ruleOf(blocks, 'A finished wafer on display in San Jose.')).toBe('caption')
  })

  it('keeps a dump\'s lead above a photo credit, longer than a caption, and a line above a slash credit', () => {
    const lead = 'The government approved a draft law on Tuesday that changes how state pensions are indexed each year, and the bill will now go to parliament for its first reading.'
    const leadBlocks = classify([lead, 'Photo: Reuters', prose[0], prose[1]].join('\n\n'), [dechaffCaption])
    expect(ruleOf(leadBlocks, 'Photo: Reuters')).toBe('image-credit')
    expect(ruleOf(leadBlocks, lead)).toBeUndefined()
    expect(ruleOf(classify([lead, 'Photo: Reuters', prose[0]].join('\n\n'), [[dechaffCaption, {looseCaptionMaxChars: 250}]]), lead)).toBe('caption')
    const slashBlocks = classify([prose[0], 'The clinic opened in March.', 'Andy Boxall/Digital Trends', prose[1]].join('\n'), [dechaffCaption])
    expect(ruleOf(slashBlocks, 'The clinic opened in March.')).toBeUndefined()
  })

  it.each([
    'Smartphone shipments fell by 3 percent in the second quarter, the analysts said (Source: IDC).',
    "The council's report counts every boat that used the harbour last year, from the ferries and the fishing fleet to the yachts that stopped for a night, and it finds that visits rose by a fifth after the new pontoons opened in the spring, while the money taken in mooring fees rose by almost a third over the same months (Source: harbour accounts).",
    'The photographers were asked to stand back from the finish line while the rowers crossed it, the harbour master said, because the quay was crowded with spectators and the lifeboat crew needed the slipway clear in case a boat capsized in the swell, which happened twice last year (photo finish rules applied)',
    'freshly ground black pepper',
    'Use salt and/or pepper to taste.',
    'Thanks in advance.',
    'and that is where the story of the ferry really begins for all of us',
    'Delyth Rowlands at the council meeting said the ferry had never made money.',
    'The photographers (fotografowie) and the editors met at the council in the afternoon.',
    'Фото с места событий показывают, что пожарные приехали через десять минут после вызова.',
    'Shares rose 3% on Tuesday and/or fell on Wednesday, the exchange said.',
    '/every $1',
    '/month, billed yearly',
    '“兵马俑”坐镇 巧克力梦公园(图)',
    'Storm floods the harbour road for the second winter running (Video)',
    'Compare remodeling costs per square foot to the price of a new home in your area.',
    'Consider bringing containers for leftovers.',
    'Staying on the cutting edge of classroom technology.'
  ])('keeps %j', (line) => {
    expect(ruleFor(line)).toBeUndefined()
  })

  it('reads a caption by its shape in a dump only: in HTML a verbless line is as often a feature bullet, and captions are marked', () => {
    const line = 'Daniel re-leathering a pallet in the workshop.'
    expect(ruleFor(line)).toBe('caption')
    const processor = unified().use(dechaffParseHtml).use(dechaffCaption)
    const tree = processor.runSync(processor.parse(`<body><p>${prose[0]}</p><ul><li>${line}</li><li>Customizable RGB lighting with 44 built-in patterns.</li></ul><p>${prose[1]}</p></body>`)) as Root
    expect(blocksOf(tree).map((node) => node.data.block.removal?.ruleId)).toEqual([undefined, undefined, undefined, undefined])
  })

  it('keeps lower-case ingredient lines next to each other', () => {
    const lines = ['sea salt flakes for sprinkling over the top', 'two handfuls of fresh basil leaves torn roughly by hand']
    const blocks = classify([prose[0], ...lines, prose[1]].join('\n'), [dechaffCaption])
    for (const line of lines) expect(ruleOf(blocks, line)).toBeUndefined()
  })
})
