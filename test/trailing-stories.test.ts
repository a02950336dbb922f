import {describe, expect, it} from 'vitest'
import {clean, dechaffCaption, dechaffMetadata, dechaffPhrases, dechaffQuality, dechaffTrailingStories} from '../src/index.js'
import type {Block, PageTypeVerdict, Root} from '../src/types.js'
import {classify, prose} from './helpers.js'

const plugins = [dechaffPhrases, dechaffCaption, dechaffQuality, dechaffTrailingStories]

const teaser = (headline: string, summary: string): string[] => [headline, summary, 'Read more']
/** Whether any line of the page went as a trailing story. */
const anyTrailingStory = (lines: string[]): boolean => classify(lines.join('\n'), plugins).some((block) => block.removal?.ruleId === 'trailing-stories')

/** Three paragraphs of an article, then two teasers on its subject, each ending in "Read more". */
const articleThenTeasers = [
  ...prose,
  ...teaser('Council extends library pilot to weekends', 'The council will also open two libraries on Sundays from next month, after a petition signed by more than three thousand residents asked for longer hours.'),
  ...teaser('Budget report finds the scheme cost less than planned', 'A review of the council budget found that the pilot came in under its original estimate, mostly because volunteers staffed the evening sessions.')
].join('\n')

describe('trailing-stories', () => {
  it('removes a run of teasers on the same subject, headline to last link', () => {
    const blocks = classify(articleThenTeasers, plugins)
    expect(blocks.slice(0, 3).every((block) => block.removal === undefined)).toBe(true)
    expect(blocks.slice(3).every((block) => block.removal !== undefined)).toBe(true)
  })

  describe('on pages made of teasers', () => {
    /** Blocks removed as trailing stories on a page of the given type. */
    const trailing = (pageType: PageTypeVerdict): number => {
      const typed = (): ((tree: Root) => void) => (tree) => {
        tree.data = {...tree.data, pageType}
      }
      return classify(articleThenTeasers, [typed, ...plugins]).filter((block) => block.removal?.ruleId === 'trailing-stories').length
    }

    it('leaves the teasers of a listing and of a collection: the page is its stories, with no article for them to trail', () => {
      expect(trailing({type: 'article', confidence: 0.9, evidence: []})).toBeGreaterThan(0)
      expect(trailing({type: 'listing', confidence: 0.9, evidence: []})).toBe(0)
      expect(trailing({type: 'collection', confidence: 0.9, evidence: []})).toBe(0)
    })

    it('removes them on a page cleaned as a listing only because its article’s rules kept almost nothing: an error page’s sidebar', () => {
      expect(trailing({type: 'listing', confidence: 0.4, evidence: [], fallback: true})).toBeGreaterThan(0)
    })

    it('leaves them on a page cleaned as an article that the model guessed might be a service or a shop category page: they are its cards', () => {
      const guessed = (type: 'service' | 'collection' | 'product', confidence: number): PageTypeVerdict => ({type: 'article', confidence: 0.5, evidence: [], alternative: {type, confidence}})
      expect(trailing(guessed('service', 0.35))).toBe(0)
      expect(trailing(guessed('collection', 0.4))).toBe(0)
      expect(trailing(guessed('service', 0.2))).toBeGreaterThan(0)
      expect(trailing(guessed('product', 0.4))).toBeGreaterThan(0)
    })

    it('still removes a related-stories heading’s stories on a page guessed to be a service page', () => {
      const related = [...prose, 'More from the council', ...teaser('Council extends library pilot to weekends', 'The council will also open two libraries on Sundays from next month.')].join('\n')
      const typed = (tree: Root): void => {
        tree.data = {...tree.data, pageType: {type: 'article', confidence: 0.5, evidence: [], alternative: {type: 'service', confidence: 0.4}}}
      }
      const blocks = classify(related, [() => typed, ...plugins])
      expect(blocks.slice(3).some((block) => block.removal?.ruleId === 'trailing-stories')).toBe(true)
    })
  })

  it('removes a run of teasers printed above the article’s body, and keeps the body below it', () => {
    const teasers = [
      'Recent posts',
      ...teaser('Council extends library pilot to weekends', 'The council will also open two libraries on Sundays from next month, after a petition signed by more than three thousand residents asked for longer hours.'),
      ...teaser('Budget report finds the scheme cost less than planned', 'A review of the council budget found that the pilot came in under its original estimate, mostly because volunteers staffed the evening sessions.')
    ]
    const blocks = classify([prose[0], ...teasers, prose[1], prose[2], 'A fourth paragraph of the article goes on about the opening hours, which the pilot found were the most requested change of all.'].join('\n'), plugins)
    expect(blocks.slice(2, 8).every((block) => block.removal !== undefined)).toBe(true)
    expect(blocks.slice(8).every((block) => block.removal === undefined)).toBe(true)
  })

  it('ends a run of teasers printed above the article’s body before the body, though more teasers follow the body', () => {
    const above = [
      ...teaser('Council extends library pilot to weekends', 'The council will also open two libraries on Sundays from next month, after a petition signed by more than three thousand residents asked for longer hours.'),
      ...teaser('Budget report finds the scheme cost less than planned', 'A review of the council budget found that the pilot came in under its original estimate, mostly because volunteers staffed the evening sessions.')
    ]
    const body = [
      ...prose,
      'A fourth paragraph of the article goes on about the opening hours, which the pilot found were the most requested change of all.',
      'The library service said it would recruit more volunteers over the summer, and that training sessions would start in June for anyone who signs up.',
      'Several councillors asked whether the scheme could be extended to the mobile library, which visits the outlying villages twice a week.',
      'The report also noted that the number of children borrowing books had risen faster than any other group since the pilot began.',
      'A final decision on the mobile library is expected in the autumn, once the cost of the extra staff has been worked out.'
    ]
    const after = [
      ...teaser('Bus shelter debate returns to the chamber', 'Councillors will again discuss the replacement of bus shelters on the high street, a plan that was first put forward three years ago.'),
      ...teaser('New cycle lanes open along the river path', 'The first section of the new cycle lanes opened this week, with the rest of the route due to be finished before the end of the year.')
    ]
    const blocks = classify([prose[0], ...above, ...body, ...after].join('\n'), plugins)
    const bodyStart = 1 + above.length
    expect(blocks.slice(1, bodyStart).every((block) => block.removal !== undefined)).toBe(true)
    expect(blocks.slice(bodyStart, bodyStart + body.length).every((block) => block.removal === undefined)).toBe(true)
    expect(blocks.slice(bodyStart + body.length).every((block) => block.removal !== undefined)).toBe(true)
  })

  it('removes everything below a related-stories heading placed after the article', () => {
    const text = [...prose, 'You may also like', 'The council extends the library pilot to weekends', 'Why the bus shelter debate is really about trust'].join('\n')
    const blocks = classify(text, plugins)
    expect(blocks.slice(4).map((block) => block.removal?.ruleId)).toEqual(['trailing-stories', 'trailing-stories'])
  })

  it('ends a related-stories tail where the article’s prose resumes, two paragraphs in a row on its subject, keeping their section heading', () => {
    const more = [
      'The council said the pilot scheme would keep its evening opening hours, which the report found residents who work shifts used the most, and that the budget allows for both.',
      'Residents at the meeting asked the council to publish the review of the scheme early, and officials agreed that the report on the pilot would come out in the spring.'
    ]
    const text = [...prose, 'Latest News', 'Harbour festival returns in July', 'Why the bus shelter debate is really about trust', 'What the review will cover', ...more].join('\n')
    const blocks = classify(text, plugins)
    expect(blocks.slice(3).map((block) => block.removal?.ruleId)).toEqual(['recirculation', 'trailing-stories', 'trailing-stories', undefined, undefined, undefined])
  })

  it('ends the tail where the article resumes with a list of whole sentences between its two paragraphs, and not under headlines', () => {
    const resumed = [
      'What the review will cover',
      'The council said the pilot scheme would keep its evening opening hours for the following reasons, which the report on the library pilot sets out in full:',
      'Residents who work shifts used the evening opening hours of the library the most of all.',
      'The evening hours cost the library less than the weekend opening did in the first year.',
      'The council said the review of the scheme would report in the spring, and that residents at the meeting would be asked about the evening opening hours of the library again.'
    ]
    const tail = [...prose, 'Latest News', 'Harbour festival returns in July', 'Why the bus shelter debate is really about trust']
    const blocks = classify([...tail, ...resumed].join('\n'), plugins)
    expect(blocks.slice(prose.length).map((block) => block.removal?.ruleId)).toEqual(['recirculation', 'trailing-stories', 'trailing-stories', undefined, undefined, undefined, undefined, undefined])
    // A headline between the two paragraphs is another teaser's: no resumed section.
    const teasers = [...resumed.slice(0, 2), 'Harbour festival tickets go on sale', resumed[4] as string]
    const split = classify([...tail, ...teasers].join('\n'), plugins)
    expect(split.slice(tail.length).every((block) => block.removal?.ruleId === 'trailing-stories')).toBe(true)
  })

  it('ends the tail where the article resumes though its second paragraph there is on a side subject (an anecdote)', () => {
    const more = [
      'The council said the pilot scheme would keep its evening opening hours, which the report found residents who work shifts used the most, and that the budget allows for both.',
      'My grandmother ran a sweet shop on the corner for forty years, and every Saturday she closed at noon to take the bus to the coast, whatever the weather did.',
      'Residents at the meeting asked the council to publish the review of the scheme early, and officials agreed that the report on the pilot would come out in the spring.',
      'The council said residents who work shifts would get the evening opening hours they asked for at the meeting, and that the review of the pilot scheme would cover the budget too.'
    ]
    const article = [
      ...prose,
      'Councillors on the library committee said the pilot had brought in readers who had not used a library in years, and that the evening hours had been the main reason.',
      'The report on the pilot also found that most residents heard about the scheme from friends, and the council plans to advertise the evening opening hours more widely.'
    ]
    const text = [...article, 'Latest News', 'Harbour festival returns in July', 'Why the bus shelter debate is really about trust', ...more].join('\n')
    const blocks = classify(text, plugins)
    // The heading right above the resumed prose is taken for its section's.
    expect(blocks.slice(article.length).map((block) => block.removal?.ruleId)).toEqual(['recirculation', 'trailing-stories', undefined, undefined, undefined, undefined, undefined])
  })

  describe('a resumed section of four paragraphs or more', () => {
    const article = [
      ...prose,
      'Councillors on the library committee said the pilot had brought in readers who had not used a library in years, and that the evening hours had been the main reason.',
      'The report on the pilot also found that most residents heard about the scheme from friends, and the council plans to advertise the evening opening hours more widely.'
    ]
    const tail = ['Latest News', 'Harbour festival returns in July', 'Why the bus shelter debate is really about trust']

    it('ends the tail where it begins though its last paragraphs are anecdotes: read together, it is on the article’s subject', () => {
      const section = [
        'The library pilot scheme and its evening opening hours were the council’s answer to residents who work shifts, and the report on the pilot says the evening hours of the library drew more readers than the weekend did.',
        'My grandmother ran a sweet shop on the corner for forty years, and every Saturday she closed at noon to take the bus to the coast, whatever the weather did.',
        'She kept a ledger of every customer who owed her money, written in pencil in a school exercise book, and she never once asked any of them to pay a penny of it back.',
        'When she died we found the exercise book in a drawer under her bed, with a list of the neighbours’ birthdays on its last page and a recipe for toffee.'
      ]
      const blocks = classify([...article, ...tail, ...section].join('\n'), plugins)
      // The heading right above the resumed prose is taken for its section's.
      expect(blocks.slice(article.length).map((block) => block.removal?.ruleId)).toEqual(['recirculation', 'trailing-stories', undefined, undefined, undefined, undefined, undefined])
    })

    it('does not end the tail at a footer’s paragraphs on another subject, however many', () => {
      const footer = [
        'This website may contain forward-looking statements about investments, and past performance is not a guarantee of future returns for any investor or any fund.',
        'All investments involve risk, including the loss of the capital invested, and nothing published here considers the financial situation of any particular investor.',
        'Nothing on this website is an offer to sell or a solicitation of an offer to buy securities, which are offered only through the documents of each offering.',
        'Data from third parties is believed to be reliable, but we cannot ensure its accuracy or completeness, and it may change at any time without any notice.'
      ]
      const blocks = classify([...article, ...tail, ...footer].join('\n'), plugins)
      expect(blocks.slice(article.length + 1).every((block) => block.removal?.ruleId === 'trailing-stories')).toBe(true)
    })
  })

  it('keeps a section whose heading ends in a permalink to itself (“More about …¶”): the page’s own, not other stories', () => {
    const text = [...prose, 'More about the pilot¶', 'The council extends the library pilot to weekends', 'Why the bus shelter debate is really about trust'].join('\n')
    expect(classify(text, plugins).slice(4).every((block) => block.removal === undefined)).toBe(true)
    const plain = [...prose, 'More about the pilot', 'The council extends the library pilot to weekends', 'Why the bus shelter debate is really about trust'].join('\n')
    expect(classify(plain, plugins).slice(4).every((block) => block.removal?.ruleId === 'trailing-stories')).toBe(true)
  })

  it('opens no tail at a table of contents’ entry (“See also” among the sections it lists), only at the section itself', () => {
    const contents = ['Contents', 'Branches', 'Services', 'Opening hours', 'See also']
    const sections = ['Branches', 'Market Street', 'Riverside', 'Services', 'Home delivery', 'Reading groups', 'Opening hours', 'Monday to Friday, 9am to 8pm']
    const lines = [...prose, ...contents, ...sections, 'See also', 'List of public libraries in the county', 'Mobile library']
    const blocks = classify(lines.join('\n'), plugins)
    const seeAlso = prose.length + contents.length + sections.length
    expect(blocks.slice(0, seeAlso).every((block) => block.removal?.ruleId !== 'trailing-stories')).toBe(true)
    expect(blocks.slice(seeAlso + 1).every((block) => block.removal?.ruleId === 'trailing-stories')).toBe(true)
  })

  it('does not end a related-stories tail at prose on another subject (a sidebar’s “About us”)', () => {
    const about = [
      'Our newsroom was founded in 1998 by three reporters who wanted a magazine about food, farming and the people who grow what we eat, and it is still owned by its staff.',
      'We publish a print edition four times a year and a newsletter every Friday, and we take no money from advertisers in the food industry, so readers fund everything we do.'
    ]
    const text = [...prose, 'Latest News', 'Harbour festival returns in July', 'Why the bus shelter debate is really about trust', ...about].join('\n')
    expect(classify(text, plugins).slice(4).every((block) => block.removal?.ruleId === 'trailing-stories')).toBe(true)
  })

  it('still removes a related-stories tail whose teasers each hold one summary paragraph', () => {
    const text = [
      ...prose,
      'Latest News',
      'Council extends library pilot to weekends',
      'The council will also open two libraries on Sundays from next month, after a petition signed by more than three thousand residents asked for longer hours.',
      'Budget report finds the scheme cost less than planned',
      'A review of the council budget found that the pilot came in under its original estimate, mostly because volunteers staffed the evening sessions.'
    ].join('\n')
    expect(classify(text, plugins).slice(4).every((block) => block.removal?.ruleId === 'trailing-stories')).toBe(true)
  })

  it('removes a references list after the article, up to where its prose resumes', () => {
    const text = [...prose, 'Sources', 'Parish accounts, 1788–1803 (County Record Office)', 'M. Ingleby, Cattle on the Fells (1961)'].join('\n')
    const blocks = classify(text, plugins)
    expect(blocks.slice(3).map((block) => block.removal?.ruleId)).toEqual(['references', 'trailing-stories', 'trailing-stories'])
    const resumed = classify([prose[0], prose[1], 'Further reading', 'M. Ingleby, Cattle on the Fells (1961)', prose[2]].join('\n'), plugins)
    expect(resumed[4]?.removal).toBeUndefined()
  })

  it('keeps an early "Sources" heading and what follows it', () => {
    const text = [prose[0], 'Sources', prose[1], prose[2]].join('\n')
    expect(classify(text, plugins).slice(2).every((block) => block.removal === undefined)).toBe(true)
  })

  it('keeps sections that each end in a "Read more" when they hold more prose than the text above them: the page’s own, not other stories', () => {
    const page = [
      'Bookkeeping for small charities',
      'We keep the books of forty local charities.',
      ...teaser('Payroll', 'We run monthly payroll for your staff and sessional workers, with pension enrolment and the returns the tax office expects from an employer.'),
      ...teaser('Gift Aid claims', 'We check your donation records against the declarations you hold and send the claim every quarter, so that no eligible gift goes unclaimed.'),
      ...teaser('Grant reports', 'We prepare the financial part of each funder report from the same records, in the format the funder asks for, before its deadline.')
    ]
    expect(anyTrailingStory(page)).toBe(false)
  })

  it('keeps two "Read more" sections when they and the text below them hold most of the page’s sentences', () => {
    const page = [
      'Harbourside Craft Gallery',
      'Handmade work from more than forty makers who live and work along this stretch of coast, chosen by the two potters who opened the gallery in an old net loft on the quay in 1998.',
      ...teaser('Ceramics', 'Stoneware mugs, bowls and vases thrown and glazed in studios within ten miles of the gallery.'),
      ...teaser('Woodwork', 'Chopping boards, spoons and small furniture made from storm-felled oak and ash.'),
      'Plan your visit',
      'Open every day, ten until five.',
      'Harbour Road, Kelport',
      'Call us to book a tour for a group or a school.',
      'Free parking in the harbour car park.'
    ]
    expect(anyTrailingStory(page)).toBe(false)
  })

  it('keeps the article when a single "Read more" link sits inside it', () => {
    const text = [prose[0], 'Read more', prose[1], prose[2]].join('\n')
    const blocks = classify(text, plugins)
    expect(blocks.filter((block) => block.removal).map((block) => block.text)).toEqual(['Read more'])
  })

  it('keeps a final section even when teasers follow it without headlines', () => {
    const text = [prose[0], 'What happens next', prose[1], prose[2], 'Read more', 'Read more'].join('\n')
    const blocks = classify(text, plugins)
    expect(blocks.slice(0, 4).every((block) => block.removal === undefined)).toBe(true)
  })

  const feed = [
    'Harbour wall repairs finish a month early',
    'Engineers finished rebuilding the harbour wall a month ahead of schedule, and fishing boats can moor along the whole quay again.',
    'Choir wins the regional festival',
    'The town choir took first place at the regional festival on Saturday with a programme of folk songs arranged by its director.',
    'Ferry timetable changes on Monday',
    'Crossings will leave every forty minutes instead of every half hour while one of the two ferries is serviced at the yard.'
  ]

  it('removes a feed of other stories, each a headline and one summary, after the article and its furniture', () => {
    const blocks = classify([...prose, 'Leave a Reply', ...feed].join('\n'), plugins)
    expect(blocks.slice(0, 3).every((block) => block.removal === undefined)).toBe(true)
    expect(blocks.slice(4).map((block) => block.removal?.ruleId)).toEqual(new Array(6).fill('trailing-stories'))
  })

  it('keeps questions over their answers after the article: its FAQ, not a feed', () => {
    const faq = [
      'Can I renew a loan online?',
      'Yes: sign in with your card number and PIN, open your loans and choose renew; each book can be renewed three times.',
      'Can I return books at another branch?',
      'Any branch takes returns from any other, and the book is back on its home shelf within two working days.',
      'What happens if a book is lost?',
      'Tell the desk as soon as you can; you pay the cost of a replacement copy, and nothing more if it turns up later.'
    ]
    const blocks = classify([...prose, 'Leave a Reply', ...faq].join('\n'), plugins)
    expect(blocks.slice(4).every((block) => block.removal === undefined)).toBe(true)
  })

  it('removes a feed printed above the article’s body up to its last teaser, and keeps the body below it', () => {
    // A stamp keeps the metadata classifier's removal; the teasers around it go as the feed.
    const feedRules = (blocks: Block[]): Array<string | undefined> => blocks.map((block) => (stamps.includes(block.text) ? 'trailing-stories' : block.removal?.ruleId))
    const body = [...prose, 'A fourth paragraph of the article goes on about the opening hours, which the pilot found were the most requested change of all in the survey.', 'A fifth paragraph closes the report with the dates of the next public meeting, when residents can put their questions to the library committee.']
    const blocks = classify([prose[0], prose[1], 'Leave a Reply', ...feed, 'Library pilot extended for two years', ...body].join('\n'), plugins)
    expect(blocks.slice(3, 9).map((block) => block.removal?.ruleId)).toEqual(new Array(6).fill('trailing-stories'))
    expect(blocks.slice(9).every((block) => block.removal === undefined)).toBe(true)
  })

  it('keeps the same shape when it follows the article directly, or its headlines are numbered', () => {
    expect(classify([...prose, ...feed].join('\n'), plugins).filter((block) => block.removal?.ruleId === 'trailing-stories')).toEqual([])
    const numbered = feed.map((line, index) => (index % 2 === 0 ? `${index / 2 + 1}. ${line}` : line))
    expect(classify([...prose, 'Leave a Reply', ...numbered].join('\n'), plugins).filter((block) => block.removal?.ruleId === 'trailing-stories')).toEqual([])
  })

  it('keeps steps whose numbers stand alone above their headlines: a process, not a feed', () => {
    const steps = feed.flatMap((line, index) => (index % 2 === 0 ? [String(index / 2 + 1), line] : [line]))
    expect(classify([...prose, 'Leave a Reply', ...steps].join('\n'), plugins).filter((block) => block.removal?.ruleId === 'trailing-stories')).toEqual([])
  })

  it('removes a feed whose headlines carry clock times right after the article, with no furniture closing it', () => {
    const dated = feed.map((line, index) => (index % 2 === 0 ? `${10 + index}:15 ${line}` : line))
    const blocks = classify([...prose, ...dated].join('\n'), plugins)
    expect(blocks.slice(0, 3).every((block) => block.removal === undefined)).toBe(true)
    expect(blocks.slice(3).map((block) => block.removal?.ruleId)).toEqual(new Array(6).fill('trailing-stories'))
  })

  it('removes a time-stamped feed inside the article container, its teasers only: a main column can hold the article and a news ticker', () => {
    const dated = feed.map((line, index) => (index % 2 === 0 ? `<dt><a href="/news/${index}">${10 + index}:15 ${line}</a></dt>` : `<dd>${line}</dd>`))
    const closing = 'Photographs by the newsroom staff'
    const page = `<html><body><main><h1>Library pilot extended</h1>${prose.map((text) => `<p>${text}</p>`).join('')}<dl>${dated.join('')}</dl><p>${closing}</p></main></body></html>`
    const result = clean(page, {input: 'html', pageType: 'article', model: false})
    for (const text of prose) expect(result.text).toContain(text)
    for (const line of feed) expect(result.text).not.toContain(line)
    // Past the feed's last teaser the container's text is left to the other rules.
    expect(result.blocks.find((block) => block.text === closing)?.ruleId).not.toBe('trailing-stories')
  })

  it('keeps headed one-paragraph sections on the article’s own subject', () => {
    const sections = [
      'Why the council voted for it',
      'The council voted to extend the pilot scheme because usage had doubled, and residents at the meeting said the scheme helped them.',
      'What residents asked for',
      'Residents who spoke at the meeting asked for the opening hours of the scheme to be extended into the evening for shift workers.',
      'What it will cost',
      'Officials said the budget covers the extra cost of the pilot scheme, and the review of the scheme comes before the next election.'
    ]
    const blocks = classify([...prose, ...sections].join('\n'), plugins)
    expect(blocks.filter((block) => block.removal?.ruleId === 'trailing-stories')).toEqual([])
  })
  describe('a news feed whose teasers carry their own date or time lines', () => {
    const stamped = [dechaffPhrases, dechaffMetadata, dechaffCaption, dechaffQuality, dechaffTrailingStories]
    const stamps = ['Today, 10:55', 'Today, 10:36', 'Today, 9:12', 'Yesterday, 18:40']
    // Summaries cut short, as feeds print them.
    const teasers = [...feed, 'Bus lanes open on the ring road', 'The two new bus lanes on the ring road open on Monday morning, cutting the journey to the station by about ten']
    const stampedFeed = (lines: string[]): string[] => lines.flatMap((line, index) => (index % 2 === 1 ? [line, stamps[(index - 1) / 2] as string] : [line]))
    // A stamp keeps the metadata classifier's removal; the teasers around it go as the feed.
    const feedRules = (blocks: Block[]): Array<string | undefined> => blocks.map((block) => (stamps.includes(block.text) ? 'trailing-stories' : block.removal?.ruleId))
    const body = [...prose, 'A fourth paragraph of the article goes on about the opening hours, which the pilot found were the most requested change of all in the survey.']

    it('removes the feed above the article’s body, stamps and all, and keeps the body', () => {
      const blocks = classify([...stampedFeed(teasers), 'Library pilot extended for two years', ...body].join('\n'), stamped)
      expect(blocks.slice(0, 12).every((block) => block.removal !== undefined)).toBe(true)
      expect(feedRules(blocks.slice(0, 12))).toEqual(new Array(12).fill('trailing-stories'))
      expect(blocks.slice(12).every((block) => block.removal === undefined)).toBe(true)
    })

    it('removes the feed after the article', () => {
      const blocks = classify([...body, ...stampedFeed(teasers)].join('\n'), stamped)
      expect(blocks.slice(0, 4).every((block) => block.removal === undefined)).toBe(true)
      expect(blocks.slice(4).every((block) => block.removal !== undefined)).toBe(true)
      expect(feedRules(blocks.slice(4))).toEqual(new Array(12).fill('trailing-stories'))
    })

    it('removes a ticker of one-line teasers, each led by the time it was posted, after the article', () => {
      const ticker = ['12:49 Harbour wall repairs finish a month early', '11:20 Choir wins the regional festival', '10:51 Ferry timetable changes on Monday', '10:21 Bus lanes open on the ring road', '09:07 Market hall roof to be replaced']
      const blocks = classify([...body, ...ticker].join('\n'), stamped)
      expect(blocks.slice(0, 4).every((block) => block.removal === undefined)).toBe(true)
      expect(blocks.slice(4).map((block) => block.removal?.ruleId)).toEqual(new Array(5).fill('trailing-stories'))
    })

    it('keeps a programme of events, its times running forward', () => {
      const programme = ['10:00 Harbour walk with the lifeboat crew', '11:30 Choir concert in the market hall', '14:00 Ferry trip round the bay for families', '16:15 Bus tour of the ring road gardens', '19:00 Fireworks over the quay']
      const blocks = classify([...body, ...programme].join('\n'), stamped)
      expect(blocks.filter((block) => block.removal?.ruleId === 'trailing-stories')).toEqual([])
    })

    it('keeps posts whose stamps say who posted them, or "Posted"', () => {
      const posted = stampedFeed(teasers).map((line) => (stamps.includes(line) ? `Posted ${line.replace(/^\w+, /, '3 March 2024, ')}` : line))
      const blocks = classify([...body, ...posted].join('\n'), stamped)
      expect(blocks.filter((block) => block.removal?.ruleId === 'trailing-stories')).toEqual([])
    })

    it('keeps a blog’s front page, its posts dated by the day', () => {
      const dated = stampedFeed(teasers).map((line) => (stamps.includes(line) ? `${3 + stamps.indexOf(line)} March 2024` : line))
      const blocks = classify([...body, ...dated].join('\n'), stamped)
      expect(blocks.filter((block) => block.removal?.ruleId === 'trailing-stories')).toEqual([])
    })

    it('keeps a live blog’s updates on the article’s own subject', () => {
      const updates = [
        'Council opens the debate',
        'The council opened the debate on the pilot scheme with a report on usage, which has doubled since the scheme began in the spring.',
        'Residents speak',
        'Residents who spoke to the council about the scheme asked for the opening hours of the pilot to be extended into the evening.',
        'Budget question',
        'Officials told the council the extra cost of the pilot scheme would be covered by the existing budget for the next two years.',
        'Vote',
        'The council voted to extend the pilot scheme for another two years, and the review of the scheme will come before the election.'
      ]
      const blocks = classify([...body, ...stampedFeed(updates)].join('\n'), stamped)
      expect(blocks.filter((block) => block.removal?.ruleId === 'trailing-stories')).toEqual([])
    })

    it('keeps a page with no body outside the feed: a listing of stamped teasers', () => {
      const blocks = classify(['Latest news', ...stampedFeed(teasers)].join('\n'), stamped)
      expect(blocks.filter((block) => block.removal?.ruleId === 'trailing-stories')).toEqual([])
    })
  })

  describe('on a service or documentation page', () => {
    const section = (heading: string, text: string): string => `<h3>${heading}</h3><p>${text}</p><p><a href="/services">Read more</a></p>`
    const page = `<html><body><main><h1>Bookkeeping for small charities</h1>${prose.map((text) => `<p>${text}</p>`).join('')}
      ${section('Payroll', 'We run monthly payroll for your staff and sessional workers, with pension enrolment and the returns the tax office expects from an employer.')}
      ${section('Gift Aid claims', 'We check your donation records against the declarations you hold and send the claim every quarter, so that no eligible gift goes unclaimed.')}
      ${section('Grant reports', 'We prepare the financial part of each funder report from the same records, in the format the funder asks for, before its deadline.')}</main></body></html>`

    it.each(['service', 'documentation'] as const)('keeps the sections below the first, "Read more" links and all, as a %s page’s own', (pageType) => {
      const result = clean(page, {input: 'html', pageType})
      expect(result.blocks.some((block) => block.ruleId === 'trailing-stories')).toBe(false)
      for (const heading of ['Payroll', 'Gift Aid claims', 'Grant reports']) expect(result.text).toContain(heading)
    })

    it('still reads the same run after an article as teasers of other stories', () => {
      const result = clean(page, {input: 'html', pageType: 'article'})
      expect(result.blocks.find((block) => block.text === 'Payroll')?.ruleId).toBe('trailing-stories')
    })
  })
})
