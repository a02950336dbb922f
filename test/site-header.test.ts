import {describe, expect, it} from 'vitest'
import {dechaffPhrases, dechaffSiteHeader} from '../src/index.js'
import {classify, prose} from './helpers.js'

const headline = 'Council extends the library pilot scheme'
const menu = [
  'Home',
  'Services Everything the council runs for residents, from bin collections and parking permits to the libraries, the leisure centres and the registry office, with opening hours for each.',
  'Council meetings',
  'Contact us'
]

describe('site-header', () => {
  it('removes every block above the breadcrumb that leads to the headline, a menu’s glued dropdown prose too, and the breadcrumb', () => {
    const blocks = classify([...menu, `Home / ${headline}`, headline, 'March 4, 2024', ...prose].join('\n\n'), [dechaffSiteHeader])
    expect(blocks.slice(0, menu.length + 1).map((block) => block.removal?.ruleId)).toEqual(Array(menu.length + 1).fill('site-header'))
    expect(blocks[menu.length]?.removal?.reason).toBe('the breadcrumb that leads to the headline')
    expect(blocks.slice(menu.length + 1).map((block) => block.removal)).toEqual(Array(blocks.length - menu.length - 1).fill(undefined))
  })

  it('leaves a page whose breadcrumb leads to no headline (a section’s name) alone', () => {
    const blocks = classify([...menu, 'Home / News / Regional politics', 'Regional politics', headline, ...prose].join('\n\n'), [dechaffSiteHeader])
    expect(blocks.every((block) => block.removal === undefined)).toBe(true)
  })

  it('leaves a page without a breadcrumb alone', () => {
    const blocks = classify([...menu, headline, 'March 4, 2024', ...prose].join('\n\n'), [dechaffSiteHeader])
    expect(blocks.every((block) => block.removal === undefined)).toBe(true)
  })

  it('lets a block another classifier removed first keep that reason', () => {
    const notice = 'We use cookies to improve your experience. Accept all cookies'
    const blocks = classify([notice, ...menu, `Home / News / ${headline}`, headline, ...prose].join('\n\n'), [dechaffPhrases, dechaffSiteHeader])
    expect(blocks[0]?.removal?.ruleId).toBe('cookie-notice')
    expect(blocks[1]?.removal?.ruleId).toBe('site-header')
  })
})
