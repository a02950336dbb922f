import {describe, expect, it} from 'vitest'
import {dechaffAuthorBio} from '../src/index.js'
import {classify, prose} from './helpers.js'

describe('author-bio', () => {
  it('removes a third-person bio and the name line above it', () => {
    const text = [...prose, 'Andy Boxall', 'Andy is a Senior Writer at Digital Trends, where he concentrates on mobile technology.'].join('\n')
    const blocks = classify(text, [dechaffAuthorBio])
    expect(blocks.slice(-2).map((block) => block.removal?.ruleId)).toEqual(['author-bio', 'author-bio'])
    expect(blocks.slice(0, 3).every((block) => block.removal === undefined)).toBe(true)
  })

  it('removes a sidebar’s bio above a text dump’s headline, however high on the page', () => {
    const bio = 'Jane Hollis is a senior editor at the Gazette, where she writes about councils, transport and housing.'
    const headline = 'The council extends the pilot scheme for two more years'
    const blocks = classify([bio, '', headline, '', ...prose].join('\n'), [dechaffAuthorBio])
    expect(blocks.find((block) => block.evidence.title)?.text).toBe(headline)
    expect(blocks[0]?.removal?.ruleId).toBe('author-bio')
  })

  it('removes a first-person about box low on the page', () => {
    const bio = "Always on the move... Love to blog, write about smartphones, technology and telecoms. I also like to snowboard, when I have the time :p"
    const blocks = classify([...prose, bio].join('\n\n'), [dechaffAuthorBio])
    expect(blocks.at(-1)?.removal?.ruleId).toBe('author-bio')
  })

  it('keeps a profile paragraph at the top of an article about a journalist', () => {
    const lead = 'Maria Ressa is a journalist who has spent three decades reporting on Southeast Asia, and this week she won the prize for her work.'
    const blocks = classify([lead, ...prose, ...prose].join('\n'), [dechaffAuthorBio])
    expect(blocks[0]?.removal).toBeUndefined()
  })

  it('removes a bio that a pronoun or a full name opens, but keeps a product described the same way', () => {
    const bios = [
      'He was also Contributing Editor of Pictorial and a columnist for the Standard, based in London for most of his career.',
      'Jürgen Weber is a freelance writer based in Berlin who covers cycling and city planning.'
    ]
    for (const bio of bios) expect(classify([...prose, bio].join('\n'), [dechaffAuthorBio]).at(-1)?.removal?.ruleId).toBe('author-bio')
    const products = [
      'Lumen is a PHP microframework created by Laravel creator Taylor Otwell, based in Arkansas.',
      'Veed is the most fully featured online video editor that I have used, and it is based in London.',
      'Golden Toad is the solo project of Al Brown, former co-founder of a band based in Glasgow.'
    ]
    for (const product of products) expect(classify([...prose, product].join('\n'), [dechaffAuthorBio]).at(-1)?.removal).toBeUndefined()
    // Under an "About …" header a firm's description is the site's own box.
    const about = classify([...prose, 'About Titel Media', 'Titelmedia is a wholly independent publisher of fashion and lifestyle magazines, based in Berlin.'].join('\n'), [dechaffAuthorBio])
    expect(about.slice(-2).map((block) => block.removal?.ruleId)).toEqual(['author-bio', 'author-bio'])
  })

  it('removes a bio its header vouches for, with no role word', () => {
    const headed = [
      ['About the author', 'Mary', 'Mary Brock is a scientist who works on drugs you have hopefully never heard of, and cooks to bluegrass music.'],
      ['About Matt Tschoegl', 'Matt Tschoegl works on building creative educational applications that are powered by open data.'],
      ['About Nicholas Griffin', 'I founded this blog in order to give the country what I thought it really needed, after years in politics.']
    ]
    for (const box of headed) {
      const blocks = classify([...prose, ...box].join('\n'), [dechaffAuthorBio])
      expect(blocks.slice(-box.length).map((block) => block.removal?.ruleId)).toEqual(box.map(() => 'author-bio'))
    }
  })

  it('keeps what a bare "About" header introduces when it is no person or not the paragraph\'s subject', () => {
    const boxes = [
      ['About Us', 'Acme Tools is a family firm that has made hand tools in Sheffield since 1921, and it still sharpens them by hand.'],
      ['About Model S', 'Model S is the first premium sedan built from the ground up as an electric car, with room for seven.'],
      ['About Park University', 'Park Leadership', 'Park at a Glance'],
      ['About Northshore Battery Works', 'Northshore Battery Works designs and manufactures long-duration storage systems for electric utilities.'],
      ['About Matt Tschoegl', 'Sarah Lee works on the same team and wrote the first version of the tool in a weekend.']
    ]
    for (const box of boxes) expect(classify([...prose, ...box].join('\n'), [dechaffAuthorBio]).at(-1)?.removal).toBeUndefined()
  })

  it('keeps first-person prose at the top of a blog post', () => {
    const lead = "I love to travel, and I write about it whenever I can; this spring I finally went to the Azores."
    const blocks = classify([lead, ...prose].join('\n'), [dechaffAuthorBio])
    expect(blocks[0]?.removal).toBeUndefined()
  })
})
