import {describe, expect, it} from 'vitest'
import {dechaffConsentDialog, dechaffPhrases} from '../src/index.js'
import {classify, prose} from './helpers.js'

const plugins = [dechaffPhrases, dechaffConsentDialog]

const preferenceCentre = [
  'Cookies are small text files that allow us to give you the best browsing experience and to see how visitors use our pages.',
  'You can accept all cookies, consent to necessary cookies only, or manage your choices for each purpose below.',
  'Accept All',
  'Necessary Cookies',
  'Always On',
  'These cookies are needed for the website to work and cannot be switched off in our systems.',
  'Analytics Cookies',
  'Off',
  'These cookies count visits and traffic sources, so that we can measure and improve how our site performs.',
  'Save my choices'
]

describe('consent-dialog', () => {
  it('removes a consent manager’s preference centre, its paragraphs, headings and toggles, and keeps the article below it', () => {
    const blocks = classify([...preferenceCentre, 'Council extends the library pilot', ...prose].join('\n\n'), plugins)
    expect(blocks.slice(0, preferenceCentre.length).every((block) => block.removal !== undefined)).toBe(true)
    expect(blocks.slice(0, preferenceCentre.length).filter((block) => block.removal?.ruleId === 'consent-dialog').length).toBeGreaterThan(4)
    expect(blocks.slice(preferenceCentre.length).every((block) => block.removal === undefined)).toBe(true)
  })

  it('reads a German dialog’s buttons as its controls', () => {
    const dialog = [
      'Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren und die Nutzung unserer Website zu analysieren.',
      'Mit Ihrer Einwilligung verarbeiten wir dabei auch personenbezogene Daten, die Sie jederzeit widerrufen können.',
      'Alle akzeptieren',
      'Alle ablehnen'
    ]
    const blocks = classify([...prose, ...dialog].join('\n\n'), plugins)
    expect(blocks.slice(-dialog.length).every((block) => block.removal !== undefined)).toBe(true)
    expect(blocks.slice(0, prose.length).every((block) => block.removal === undefined)).toBe(true)
  })

  it('keeps an article about the cookie law, with no dialog’s controls around it', () => {
    const article = [
      'Regulators said on Monday that websites must ask for consent before they set advertising cookies, and that a banner with only an "Accept" button is not enough.',
      'The ruling covers any cookie that is not strictly necessary, including analytics cookies, and gives sites six months to change their consent forms.',
      'Privacy groups welcomed the decision, while publishers warned that fewer readers would agree to personal data being shared with advertisers.'
    ]
    const blocks = classify(article.join('\n\n'), plugins)
    expect(blocks.every((block) => block.removal === undefined)).toBe(true)
  })

  it('keeps an article’s section named "Consent": one control-like line is no dialog', () => {
    const section = [
      'Consent',
      'Tech companies often answer criticism by saying that their users consented, because they clicked through the terms of service.',
      'But even if we accept that clicking a button is consent, the people whose personal data was shared by their friends never agreed to anything.'
    ]
    const blocks = classify([...prose, ...section].join('\n\n'), plugins)
    expect(blocks.slice(-2).every((block) => block.removal === undefined)).toBe(true)
  })

  it('keeps an article about cookies far below a site’s one-line banner, and a lone "Accept" is no dialog', () => {
    const article = [
      'Regulators said on Monday that websites must ask for consent before they set advertising cookies on a reader’s device.',
      ...prose,
      'The ruling covers any cookie that is not strictly necessary, including analytics cookies, and gives sites six months to comply.'
    ]
    const blocks = classify(['Accept', 'Council news', ...prose, ...article].join('\n\n'), plugins)
    expect(blocks.slice(1).every((block) => block.removal === undefined)).toBe(true)
  })

  it('takes in a lead-in line between a banner’s text and its purposes', () => {
    const banner = [
      'We and our 100 partners store and/or access information on a device, such as unique IDs in cookies to process personal data. You may accept or manage your choices by clicking below.',
      'We and our partners process data to provide:',
      'Store and/or access information on a device. Use limited data to select advertising. Create profiles for personalised advertising.',
      'Accept All Reject All Show Purposes'
    ]
    const blocks = classify([...prose, ...banner].join('\n\n'), plugins)
    expect(blocks.slice(-banner.length).map((block) => block.removal?.ruleId)).toEqual(['consent-dialog', 'consent-dialog', 'cookie-notice', 'consent-dialog'])
    expect(blocks.slice(0, prose.length).every((block) => block.removal === undefined)).toBe(true)
  })

  it('reads a row of buttons a dump ran together as a control', () => {
    const banner = [
      'This site relies on cookies and similar technologies to measure how pages are read, to remember what you chose and, with your consent, to show advertising.',
      'Accept All CookiesReject All Cookies'
    ]
    const blocks = classify([...prose, ...banner].join('\n\n'), plugins)
    expect(blocks.slice(-banner.length).every((block) => block.removal?.ruleId === 'consent-dialog')).toBe(true)
  })

  it('follows a preference centre’s categories by their labels, beyond its last toggle', () => {
    const centre = [
      'We use cookies to make this site work and, if you agree, to understand how you use it and to personalise what you see.',
      'Allow All',
      'These cookies are needed for the site to work: they keep you signed in and remember what is in your basket.',
      'Strictly necessary cookies cannot be switched off, but you can set your browser to block them, and parts of the site will then not work.',
      'Functional Cookies',
      'These cookies remember the choices you make, such as your language or your region, to give you a more personal experience.',
      'Targeting Cookies',
      'These cookies are set by our advertising partners to build a profile of your interests and show you relevant adverts elsewhere.'
    ]
    const blocks = classify([...centre, ...prose].join('\n\n'), plugins)
    expect(blocks.slice(0, centre.length).every((block) => block.removal !== undefined)).toBe(true)
    expect(blocks.slice(centre.length).every((block) => block.removal === undefined)).toBe(true)
  })

  it('does not take in a paragraph that says nothing about cookies, nor the recipe below it', () => {
    const recipe = [
      'My grandmother baked a tray of them every Sunday, and the smell of browned butter still takes me straight back to her narrow kitchen.',
      'Why these cookies stay soft',
      'Brown sugar holds on to moisture, so the cookies stay chewy for days if you keep them in a tin with a slice of bread.'
    ]
    const banner = [
      'We use cookies to give you the best experience on our site and to show you personalised ads, with your consent.',
      'Accept All',
      'Reject All'
    ]
    const blocks = classify([...banner, ...recipe, ...prose].join('\n\n'), plugins)
    expect(blocks.slice(banner.length).every((block) => block.removal === undefined)).toBe(true)
  })

  it('takes no cookie recipes for a preference centre’s categories, below a banner', () => {
    const banner = ['We use cookies to give you the best experience on our site and to show you personalised ads, with your consent.', 'Accept All', 'Reject All']
    const recipes = ['Chocolate Chip Cookies', 'Oatmeal Raisin Cookies', 'Brown Butter Sugar Cookies', 'Peanut Butter Cookies', 'Ginger Snap Cookies', 'Lemon Crinkle Cookies', 'Double Chocolate Walnut Cookies', 'Salted Caramel Thumbprint Cookies', ...prose]
    const blocks = classify([...banner, ...recipes].join('\n\n'), plugins)
    expect(blocks.slice(banner.length).every((block) => block.removal === undefined)).toBe(true)
  })
})
