import {describe, expect, it} from 'vitest'
import {clean, dechaffCommentThread, dechaffMetadata, dechaffPhrases, dechaffQuality} from '../src/index.js'
import type {Block, PageType, Root} from '../src/index.js'
import {classify, prose, ruleOf} from './helpers.js'

const plugins = [dechaffPhrases, dechaffQuality, dechaffCommentThread]
const withMetadata = [dechaffPhrases, dechaffMetadata, dechaffQuality, dechaffCommentThread]

/** Whether every paragraph of the shared article prose survived. */
function articleKept(blocks: Block[]): boolean {
  return blocks.filter((block) => prose.includes(block.text)).every((block) => block.removal === undefined)
}

/** Two readers' comments. */
const volunteers = 'The volunteers at the library deserve all the credit for this, they gave up their evenings for a year.'
const shifts = 'I hope the council keeps the evening hours, my daughter studies there most nights after her shift.'

describe('comment-thread', () => {
  it('removes the thread below the article, from its header to the end', () => {
    const text = [
      ...prose,
      '5 thoughts on “A walk along the canal”',
      'Margaret says:',
      'January 22, 2024 at 9:14 am',
      'What a lovely write-up. We walked the same stretch last summer and the kingfishers were out in force all the way to the lock.',
      'Reply',
      'Tom Hollis says:',
      'I grew up by that canal and it is wonderful to read about it again after so many years away from the north.',
      'Reply'
    ].join('\n')
    const blocks = classify(text, plugins)
    expect(blocks.slice(0, 3).every((block) => block.removal === undefined)).toBe(true)
    expect(blocks.slice(3).every((block) => block.removal !== undefined)).toBe(true)
    expect(blocks[6]?.removal?.ruleId).toBe('comment-thread')
  })

  it('does not take the comment counts under each post of a blog’s front page for a thread’s header', () => {
    const post = (title: string, summary: string, count: string): string[] => [title, 'March 3, 2024', summary, count]
    const text = [
      ...post('A walk along the canal', prose[0] as string, '0 comments'),
      ...post('The library pilot, a year on', prose[1] as string, '14 comments'),
      ...post('What the budget means for the parks', prose[2] as string, '2 comments'),
      ...post('Kingfishers at the lock', 'We walked the same stretch last summer and the kingfishers were out in force all the way to the lock and back.', '5 comments')
    ].join('\n')
    const blocks = classify(text, withMetadata)
    expect(blocks.some((block) => block.removal?.ruleId === 'comment-thread')).toBe(false)
    expect(articleKept(blocks)).toBe(true)
  })

  it('does not take a bare “Comment” button under each post of a front page for a thread’s header, but does a thread’s own “Comments”', () => {
    const post = (title: string, summary: string): string[] => [title, 'March 3, 2024', summary, 'Comment']
    const posts = [
      ...post('A walk along the canal', prose[0] as string),
      ...post('The library pilot, a year on', prose[1] as string),
      ...post('What the budget means for the parks', prose[2] as string)
    ]
    const front = classify(posts.join('\n'), withMetadata)
    expect(front.some((block) => block.removal?.ruleId === 'comment-thread')).toBe(false)
    expect(articleKept(front)).toBe(true)
    const comment = 'What a lovely write-up. We walked the same stretch last summer and the kingfishers were out in force.'
    const thread = ['Comments', 'Margaret says:', 'January 22, 2024 at 9:14 am', comment, 'Tom Hollis says:', 'Reply']
    expect(ruleOf(classify([...posts, ...thread].join('\n'), withMetadata), comment)).toBe('comment-thread')
  })

  it('does not read a quantity before “writes” (“5x faster writes”) as a commenter’s line', () => {
    const features = ['5x faster writes', 'Zero-copy reads from object storage', 'Pluggable compression and encoding']
    const text = [...prose, ...features, 'Ten engineers worked on the release for most of the year, and the team says the next one will focus on making the storage layer easier to extend.', 'Jane Hale says:', 'Reply'].join('\n')
    const blocks = classify(text, plugins)
    expect(features.every((line) => ruleOf(blocks, line) === undefined)).toBe(true)
  })

  it('removes the comments of a short article that has no long prose above its comment header', () => {
    const comments = [
      'Marrije says:',
      'November 7, 2012 at 9:42 pm',
      'Congratulations, what a beautiful little baby. We wish the three of you many quiet nights, sunny walks along the river and a long run of unbroken sleep before the teeth arrive.',
      'Tom Hollis says:',
      'November 7, 2012 at 9:50 pm',
      'Congrats! Something tells me your wife did most of the work on this project, though, and she deserves the rest now.'
    ]
    const blocks = classify(['My new project', 'Max, born on the sixth. Future study hacker.', '111 Responses to “My new project”', ...comments].join('\n\n'), plugins)
    expect(ruleOf(blocks, 'Max, born on the sixth. Future study hacker.')).toBeUndefined()
    expect(ruleOf(blocks, comments[2] as string)).toBe('comment-thread')
    expect(ruleOf(blocks, comments[5] as string)).toBe('comment-thread')
  })

  it('removes the comments of a short article under a header that counts them, each headed by its commenter’s name and date', () => {
    const post = 'We counted eleven otters on the upper river at dawn, more than in any spring since the survey began.'
    const long = 'I grew up by that weir and never once saw an otter there as a child; it is wonderful to read that the river has come back so far, and that the cubs are fishing on their own already.'
    const comments = ['Ann Marsh', 'Tom', 'Priya', 'Leo Hart', 'Maja'].flatMap((name, index) => [name, `April ${2 + index}, 2024, | Permalink`, index === 3 ? long : 'Love this! The otters look so happy!'])
    const blocks = classify(['UPPER RIVER OTTERS', post, '5 Comments', ...comments].join('\n\n'), withMetadata)
    expect(ruleOf(blocks, post)).toBeUndefined()
    expect(ruleOf(blocks, long)).toBe('comment-thread')
    expect(ruleOf(blocks, 'Love this! The otters look so happy!')).toBe('comment-thread')
  })

  it('does not start a thread at a comment count in an article’s head, its writer’s name and the date under it', () => {
    const comments = ['Ann Marsh', 'Tom', 'Priya', 'Leo Hart', 'Maja'].flatMap((name, index) => [name, `April ${2 + index}, 2024, | Permalink`, 'Great news for the town, well done to the council!'])
    const blocks = classify(['Library pilot extended', '5 Comments', 'Jane Doe', 'April 1, 2024', ...prose, 'Leave a Reply', ...comments].join('\n\n'), withMetadata)
    expect(articleKept(blocks)).toBe(true)
    expect(ruleOf(blocks, 'Great news for the town, well done to the council!')).toBe('comment-thread')
  })

  it('takes a commenter’s website before the name (“http://janedoe.com Jane Doe”) for a commenter’s line', () => {
    const comments = [
      'http://twitter.com/danamac Dana McMahan',
      'I wish you well, and thanks for calling it like you see it. Slow and steady wins this one.',
      'http://mccooltravel.wordpress.com McCool Travel',
      'You travel a lot so it is harder to stay on track; maybe go more slowly this time and build the habit first.'
    ]
    const blocks = classify([...prose, 'Previous post', ...comments].join('\n\n'), plugins)
    expect(articleKept(blocks)).toBe(true)
    expect(ruleOf(blocks, comments[1] as string)).toBe('comment-thread')
  })

  it('does not take a link beside a package name (“https://github.com/systemd/systemd-ui || systemd-ui”) for a commenter’s line', () => {
    const lines = ['https://github.com/systemd/systemd-ui || systemd-ui', 'A graphical browser for units.', 'https://github.com/systemd/journal-ui || journal-ui', 'A graphical browser for the journal.']
    const blocks = classify([...prose, ...lines].join('\n\n'), plugins)
    expect(blocks.some((block) => block.removal?.ruleId === 'comment-thread')).toBe(false)
  })

  it('does not start a thread at a comment count above the article’s own byline', () => {
    const text = ['The scary global implications of the slowdown', 'Comments', 'Posted by Max Fisher on October 29, 2012 at 2:54 pm', ...prose].join('\n\n')
    const blocks = classify(text, plugins)
    expect(articleKept(blocks)).toBe(true)
    expect(blocks.some((block) => block.removal?.ruleId === 'comment-thread')).toBe(false)
  })

  it('ends the article at a header naming comments with no comment under it, below nearly all its prose: the sidebar after it goes', () => {
    const sidebar = ['Blog Archive', 'Our sponsors', 'Travel at the lowest prices, guaranteed', 'Over 5,000 resorts in 40 countries']
    const text = [...prose, 'No comments:', 'Post a Comment', ...sidebar].join('\n')
    const blocks = classify(text, plugins)
    expect(articleKept(blocks)).toBe(true)
    for (const line of sidebar) expect(ruleOf(blocks, line)).toBe('comment-thread')
    expect(blocks.at(-1)?.removal?.reason).toBe('below “No comments:”, a comment section with no comment under it that ends the article')
  })

  it('does not end the article at a “Comments” link among share buttons, nor at a header above much of its prose', () => {
    const closing = ['Additional reporting by Sam Lee', 'Filed under: Council, Libraries']
    const toolbar = [...prose, 'Share', 'Comments', 'Tweet', ...closing].join('\n')
    const midway = [prose[0] as string, 'No comments yet', prose[1] as string, prose[2] as string, ...closing].join('\n')
    for (const text of [toolbar, midway]) {
      const blocks = classify(text, plugins)
      expect(articleKept(blocks)).toBe(true)
      expect(blocks.some((block) => block.removal?.ruleId === 'comment-thread')).toBe(false)
    }
  })

  it('keeps an article that only talks about comments', () => {
    const text = [
      ...prose,
      'Comments sections used to be where readers argued with each other; now most of that happens on social media, and many sites have closed theirs.',
      'One editor said that moderating comments took more of her time than editing the articles themselves.'
    ].join('\n')
    const blocks = classify(text, plugins)
    expect(blocks.every((block) => block.removal === undefined)).toBe(true)
  })
})

describe('comment-thread: datelines and bylines', () => {

  it('takes the dated name lines below a comment-count header as the thread', () => {
    const text = [
      ...prose,
      '57 Comments',
      'Eva',
      'September 29, 2012 | Permalink',
      'Gorgeous! I have been looking for a coat like this for years and never found one in that colour.',
      'Maria',
      'September 30, 2012 | Permalink',
      'Can’t take my eyes off this picture, and I cannot even say what it is that holds them there.'
    ].join('\n\n')
    const blocks = classify(text, withMetadata)
    expect(blocks.slice(0, 3).every((block) => block.removal === undefined)).toBe(true)
    expect(ruleOf(blocks, 'Eva')).toBe('comment-thread')
    expect(ruleOf(blocks, 'Maria')).toBe('comment-thread')
  })

  it('takes the dated signatures under each comment below a header that counts them as the thread', () => {
    const text = [
      ...prose,
      'Reader Comments (3)',
      'Hey guys,',
      'have you ever stayed in a flat through one of the rental sites?',
      'They show many pictures, so you know what you are getting into.',
      'October 22, 2012 | Maggie',
      'I have been reading your blog for a while and passed it along to a few friends who live in the city, and my husband and I would be happy to host your family for a few days when you come back next spring.',
      'October 23, 2012 | Ashli Aldrich',
      'We just loved our session with you in the city, and we cannot wait to see the pictures; the children still talk about the bridge and the ducks, and my mother wants a print for her kitchen wall.',
      'October 25, 2012 | Jennifer'
    ].join('\n')
    const blocks = classify(text, withMetadata)
    expect(articleKept(blocks)).toBe(true)
    expect(ruleOf(blocks, 'Hey guys,')).toBe('comment-thread')
    expect(ruleOf(blocks, 'October 23, 2012 | Ashli Aldrich')).toBe('comment-thread')
  })

  it('takes a name with a numeric date and time as a commenter’s line, in any language', () => {
    const thread = (head: (name: string, time: string) => string): string[] => [
      ...prose,
      '2 Comments',
      'Both councils should have consulted the people who use the library every day before deciding anything at all.',
      head('lbn', '03.01.12, 23:09:06'),
      'The weekend hours are the only ones that work for those of us who commute out of town all week.',
      head('Jane Hale', '17/1/2012 11:19')
    ]
    for (const head of [(name: string, time: string) => `${name} (gość), ${time}`, (name: string, time: string) => `- ${name}, Leeds, ${time}`]) {
      const blocks = classify(thread(head).join('\n'), plugins)
      expect(articleKept(blocks)).toBe(true)
      expect(blocks.slice(3).every((block) => block.removal !== undefined)).toBe(true)
    }
  })

  it('does not take a labelled dateline with a numeric date and time for a commenter’s line', () => {
    const text = [prose[0], 'Last updated: 03/01/2012 13:13', prose[1], 'Updated: 04/01/2012 10:23', prose[2]].join('\n')
    expect(classify(text, plugins).filter((block) => block.removal?.ruleId === 'comment-thread')).toEqual([])
  })

  it('takes numbered commenters’ lines (“1. Jane Hale - August 8, 2012”) for a thread', () => {
    const text = [...prose, '1. Jane Hale - August 8, 2012', 'The weekend hours are the only ones that work for those of us who commute out of town.', '2. Tom Hollis - August 9, 2012', 'Agreed, the library should stay open on Sundays.'].join('\n')
    const blocks = classify(text, plugins)
    expect(articleKept(blocks)).toBe(true)
    expect(ruleOf(blocks, '2. Tom Hollis - August 9, 2012')).toBe('comment-thread')
  })

  it('does not start a thread inside a ranked list (“#12” under “#11”), but does at a thread’s first numbered post', () => {
    const items = ['reading lamp with a brass arm and a linen shade', 'oak bookcase with five adjustable shelves', 'library step stool in beech', 'desk organiser with three drawers', 'pair of bookends shaped like owls', 'magazine rack in woven willow', 'wall clock with a walnut face', 'reading cushion with a side pocket']
    // Long item lines count as prose, so the list passes most of the page's prose halfway down, where a thread could otherwise start.
    const ranked = items.flatMap((item, at) => [`#${at + 1}`, `A ${item}, made to order in our workshop and finished by hand, which ships within a week in recycled packaging and comes with a two-year guarantee on all parts.`, `$${(at + 2) * 7}.99`])
    const blocks = classify(['Best sellers in home office', ...ranked].join('\n\n'), plugins)
    expect(blocks.every((block) => block.removal?.ruleId !== 'comment-thread')).toBe(true)
    const posts = ['#1', volunteers, 'Reply', '#2', shifts, 'Reply', '#3', 'We used to have a mobile library that came round on Tuesdays, and I still miss it.', 'Reply']
    const thread = classify([...prose, ...posts].join('\n\n'), plugins)
    expect(articleKept(thread)).toBe(true)
    expect(ruleOf(thread, shifts)).toBe('comment-thread')
  })

  it('does not take a shop’s opening hours (“Sat & Sun 11:00 AM - 7:00 PM”) for commenters’ lines', () => {
    const locations = [
      'Chelsea Market',
      'Sat & Sun 11:00 AM - 7:00 PM',
      'Our stalls sit under the old railway line, a short walk from the river, and the market draws walkers from all over the city at weekends.',
      'Williamsburg',
      'Fri - Sun 10:00 AM - 6:00 PM',
      'The flagship market fills a former warehouse by the waterfront, with room for sixty makers and a cafe at the back for those who stay all day.'
    ]
    const blocks = classify([...prose, ...locations].join('\n\n'), plugins)
    expect(blocks.every((block) => block.removal?.ruleId !== 'comment-thread')).toBe(true)
  })

  it('does not take a feed’s dated item heads, each over a headline and the item’s text, for commenters’ lines', () => {
    const episode = (head: string, title: string, summary: string): string[] => [head, title, summary]
    const feed = [
      ...episode('48m - Dec 15, 2025', 'The year in board games, part one', 'We look back at the twelve games that kept our table busy this year, from the small card games we carried on holiday to the big campaign we never finished.'),
      ...episode('52m - Dec 8, 2025', 'Why nobody reads the rulebook', 'A listener asked why every game night starts with a video instead of the rulebook, and we ask a designer how rulebooks get written and tested today.'),
      ...episode('44m - Dec 1, 2025', 'Cooperative games for families', 'Our picks for games that a family can play together without anyone losing, with notes on the ages each game suits and how long a round takes.')
    ]
    const blocks = classify([...prose, ...feed].join('\n'), plugins)
    expect(blocks.filter((block) => block.removal?.ruleId === 'comment-thread')).toEqual([])
    const comments = [...prose, 'Jane Hale - Dec 15, 2025', 'Great episode', 'The weekend hours are the only ones that work for those of us who commute out of town, and I hope they stay.', 'Tom Hollis - Dec 16, 2025', 'Agreed, the library should stay open on Sundays.']
    expect(ruleOf(classify(comments.join('\n'), plugins), 'Tom Hollis - Dec 16, 2025')).toBe('comment-thread')
  })

  it('does not take a race’s split times for commenters’ lines, but does a commenter’s clock time', () => {
    const splits = [...prose, 'Halfway - 1:13:13', 'The leaders went through together, with the favourite tucked in behind.', 'Finish - 2:23:07', 'A new course record, and a big negative split.'].join('\n')
    expect(classify(splits, plugins).filter((block) => block.removal?.ruleId === 'comment-thread')).toEqual([])
    const comments = [...prose, 'Jane Hale - 10:45 am', 'The weekend hours are the only ones that work for those of us who commute.', 'Tom Hollis | 10/29/2012 5:25:25 PM', 'Agreed, the library should stay open on Sundays.'].join('\n')
    expect(ruleOf(classify(comments, plugins), 'Tom Hollis | 10/29/2012 5:25:25 PM')).toBe('comment-thread')
  })

  it('reads “Jane said...” as a commenter’s line', () => {
    const text = [...prose, 'Jennifer said...', 'Yay! Cannot wait to try this at home.', 'Matthew said...', 'I have heard of it but never tried it.'].join('\n\n')
    const blocks = classify(text, withMetadata)
    expect(ruleOf(blocks, 'Jennifer said...')).toBe('comment-thread')
    expect(ruleOf(blocks, prose[2] as string)).toBeUndefined()
  })

  it('reads “Jane said,” as a commenter’s line, as WordPress themes print it', () => {
    const text = [...prose, 'Progress Trap said,', 'The name is what brought me here in the first place.', 'Jacob said,', 'Fair point, and it still ranks well.'].join('\n\n')
    const blocks = classify(text, withMetadata)
    expect(ruleOf(blocks, 'Progress Trap said,')).toBe('comment-thread')
    expect(ruleOf(blocks, 'Fair point, and it still ranks well.')).toBe('comment-thread')
    expect(ruleOf(blocks, prose[2] as string)).toBeUndefined()
  })

  it('keeps a quotation a time or place introduces (“On Saturday Kurt wrote:”), above a thread of one comment', () => {
    const quoted = 'Today restored my faith in humanity, from the food drive at the firehouse to the strangers handing out hot coffee on every corner.'
    const text = [
      ...prose,
      'On Saturday Kurt wrote:',
      quoted,
      'In March the mayor said:',
      'We will rebuild the boardwalk before the summer, whatever the insurers decide about the pier.',
      'Comments (1)',
      volunteers,
      'Posted by jenn | November 6, 2012 1:04 PM',
      'Leave a Comment'
    ].join('\n\n')
    const blocks = classify(text, withMetadata)
    expect(ruleOf(blocks, 'On Saturday Kurt wrote:')).toBeUndefined()
    expect(ruleOf(blocks, quoted)).toBeUndefined()
    expect(ruleOf(blocks, 'In March the mayor said:')).toBeUndefined()
  })

  it('keeps an article that goes on with “that said...” or “that said,”', () => {
    for (const opener of ['That said...', 'That said,']) {
      const text = [...prose, opener, 'The scheme will still need a permanent home once the pilot ends, and no site has been agreed.', 'He said:', 'We will look at every option before the summer.'].join('\n\n')
      const blocks = classify(text, withMetadata)
      expect(blocks.some((block) => block.removal?.ruleId === 'comment-thread')).toBe(false)
    }
  })

  it('does not take a sign-up form’s email field above dated posts for a thread', () => {
    const text = [
      prose[0],
      'Your email:',
      'Monday, March 4, 2024',
      prose[1],
      'Tuesday, March 5, 2024',
      prose[2],
      'Wednesday, March 6, 2024',
      'The library will open an hour later on Thursday while the heating is repaired, the council said.',
      'Thursday, March 7, 2024'
    ].join('\n\n')
    const blocks = classify(text, withMetadata)
    expect(blocks.some((block) => block.removal?.ruleId === 'comment-thread')).toBe(false)
  })

  it('does not take a “Comments” tab beside “Article” for a thread', () => {
    const text = [
      prose[0],
      'Article\nComments',
      'Updated March 4, 2024, 11:27 p.m. ET',
      'Council Extends the Pilot Scheme',
      'By JANE DOE',
      prose[1],
      prose[2],
      'Updated March 4, 2024, 11:27 p.m. ET',
      'Updated March 5, 2024, 9:02 a.m. ET',
      'Updated March 6, 2024, 8:15 a.m. ET'
    ].join('\n\n')
    const blocks = classify(text, withMetadata)
    expect(ruleOf(blocks, prose[1] as string)).toBeUndefined()
    expect(ruleOf(blocks, prose[2] as string)).toBeUndefined()
  })

  it('does not start a thread at the article’s own byline below a lone blurb', () => {
    const text = [
      prose[0],
      'Council Extends the Pilot Scheme',
      'By Jane Doe on March 3, 2017',
      prose[1],
      prose[2],
      'Tom on March 4, 2017 at 9:12 am',
      'Good news for the shift workers on our street, at last.',
      'Ann on March 4, 2017 at 10:00 am',
      'About time they listened to the people who actually use it.'
    ].join('\n\n')
    const blocks = classify(text, withMetadata)
    expect(ruleOf(blocks, prose[1] as string)).toBeUndefined()
    expect(ruleOf(blocks, 'Good news for the shift workers on our street, at last.')).toBe('comment-thread')
  })
})

describe('comment-thread: a dated feed under a comments tab', () => {
  const feed = [
    ['Rail fares to rise again in March', 'Season tickets will cost more for the third year running, the operators said, blaming higher energy bills and the cost of the new trains that were meant to be running by now.', 'March 3, 2017, 10:20'],
    ['New bridge opens to cyclists', 'The crossing took four years to build and links two towns that were an hour apart by road until this morning, when the first riders crossed it in the rain to cheers.', 'March 3, 2017, 9:48'],
    ['Museum gets a cubist collection', 'A retired banker has given the city museum thirty paintings, which will go on show in the new wing from the autumn, after a long and careful restoration by its own staff.', 'March 3, 2017, 8:15'],
    ['Storm closes schools in the north', 'Heavy snow kept children at home across three counties, and forecasters expect more of it to fall over the weekend in the hills, where several roads are already closed to traffic.', 'March 2, 2017, 19:02']
  ].flat()
  const article = [...prose, ...prose.map((text) => `${text} The decision was welcomed by the library’s staff, who had campaigned for it since the first trial.`)]

  it('keeps the article below a feed of dated headlines that a “Comments” tab heads', () => {
    const text = [...feed, 'Comments', ...feed, 'Council extends the library pilot', ...article].join('\n\n')
    const blocks = classify(text, withMetadata)
    for (const paragraph of article) expect(ruleOf(blocks, paragraph)).toBeUndefined()
  })

  it('still removes a dated thread below the article, however long its comments', () => {
    const comments = [
      'Eva',
      'March 3, 2017, 10:20',
      `${prose[0]} I said so at the meeting and I will say it again here.`,
      'Maria',
      'March 3, 2017, 11:02',
      `${prose[1]} That is what my neighbours asked for, too.`
    ]
    const text = ['Council extends the library pilot', ...article, '2 Comments', ...comments, ...comments].join('\n\n')
    const blocks = classify(text, withMetadata)
    for (const paragraph of article) expect(ruleOf(blocks, paragraph)).toBeUndefined()
    expect(ruleOf(blocks, comments[2] as string)).toBe('comment-thread')
  })

  const named = ['Gibbo', 'Brilliant, I had a few doubts about the pilot and this answers all of them.', 'Robert', 'Our branch still closes at five, so I hope the change reaches us soon.', 'Mike Merrill', 'Good news for anyone who works shifts, as I do most weeks.', 'Alayna F', 'My children go every Saturday now and love the reading club.']

  it('takes the names heading each comment under a comment count for a thread', () => {
    const blocks = classify([...prose, '{ 4 comments }', ...named].join('\n\n'), withMetadata)
    expect(articleKept(blocks)).toBe(true)
    expect(ruleOf(blocks, named[1] as string)).toBe('comment-thread')
    expect(ruleOf(blocks, named[7] as string)).toBe('comment-thread')
  })

  it('takes one-word user names that start lower case or with a digit as commenters’ names', () => {
    // Comments as long as the article's paragraphs: the count does not close the article by its place alone.
    const handles = ['g4', 'Brilliant, I had a few doubts about the pilot and this answers all of them, although I still think the evening hours should have come first, as most of us asked.', 'reidjr', 'Our branch still closes at five, so I hope the change reaches us soon, because most of the people I know can only get there after their shifts end at the depot.', 'jane_doe', 'Good news for anyone who works shifts, as I do most weeks, and for the students who have nowhere quiet to read at home during the long summer exams in June.', '2old4this', 'My children go every Saturday now and love the reading club, which the volunteers run every week with more patience than I could ever manage on my own.']
    const blocks = classify([...article, '| 4 Comment(s)', ...handles].join('\n\n'), withMetadata)
    expect(articleKept(blocks)).toBe(true)
    expect(ruleOf(blocks, handles[1] as string)).toBe('comment-thread')
    expect(ruleOf(blocks, handles[7] as string)).toBe('comment-thread')
    expect(blocks.find((block) => block.text === handles[1])?.removal?.reason).toMatch(/^inside the comment thread/)
    expect(classify([...article, ...handles].join('\n\n'), withMetadata).every((block) => block.removal?.ruleId !== 'comment-thread')).toBe(true)
  })

  it('does not take names without a comment count above them, or a count above only two, for a thread', () => {
    expect(classify([...prose, ...named].join('\n\n'), withMetadata).every((block) => block.removal?.ruleId !== 'comment-thread')).toBe(true)
    const two = classify([...prose, '{ 2 comments }', ...named.slice(0, 4), ...prose.map((text) => `${text} More on this next week.`)].join('\n\n'), withMetadata)
    expect(ruleOf(two, named[1] as string)).toBeUndefined()
  })

  const signed = [
    'Margaret says:',
    'January 22, 2024 at 9:14 am',
    'What a lovely write-up. We walked the same stretch last summer and the kingfishers were out in force.',
    'Tom Hollis says:',
    'January 22, 2024 at 11:40 am',
    'I grew up by that canal and it is wonderful to read about it again after so many years away.'
  ]

  it('starts no thread at a comment count in the article’s head that links to the thread below the article', () => {
    const text = ['Council extends the library pilot', 'By Jane Hale', article[0], '124 Comments', 'Share this:', ...article.slice(1), 'Leave a Reply', ...signed].join('\n\n')
    const blocks = classify(text, withMetadata)
    for (const paragraph of article) expect(ruleOf(blocks, paragraph)).toBeUndefined()
    expect(ruleOf(blocks, signed[2] as string)).toBe('comment-thread')
    expect(ruleOf(blocks, signed[5] as string)).toBe('comment-thread')
  })

  it('still starts the thread at a comment count under the article, however long the comments below it', () => {
    // Comments with more than twice the article's words.
    const long = [...article, ...article].map((text, index) => `${text} I wrote to the council about it ${index + 1} times.`)
    for (const comments of [[...signed, ...long, ...signed], [...named, ...long.flatMap((text, index) => [`Reader ${String.fromCharCode(65 + index)}`, text])]]) {
      const blocks = classify([...article, '{ 40 comments }', ...comments].join('\n\n'), withMetadata)
      for (const paragraph of article) expect(ruleOf(blocks, paragraph)).toBeUndefined()
      expect(ruleOf(blocks, comments[2] as string)).toBe('comment-thread')
    }
  })

  it('does not take a “Location:” field of an event or a listing for a poster’s statistics', () => {
    const events = ['Date: January 6-9, 2026', 'Location: Las Vegas, USA', prose[1], 'Date: March 2-5, 2026', 'Location: Barcelona, Spain', prose[2]]
    const blocks = classify([...prose, ...events, 'Location: Lisbon, Portugal', prose[0]].join('\n\n'), withMetadata)
    expect(blocks.every((block) => block.removal?.ruleId !== 'comment-thread')).toBe(true)
  })
})

describe('comment-thread: a short article’s long thread', () => {
  const comments = [
    volunteers,
    shifts,
    'We used to have a mobile library that came round on Tuesdays, and I still miss it on the days the branch is shut.',
    'The study room upstairs is always full by seven, so the longer hours are clearly wanted by more people than the council thinks.',
    'My son learned to read in that children’s corner, and I would gladly pay a little more council tax to keep it open.'
  ]

  it('starts the thread at the first of its recurring post feet (“Zgłoś do moderacji”), though its comments outweigh the article', () => {
    const thread = comments.flatMap((comment, at) => [comment, `0${at + 1}.01.2012 23:4${at}`, `czytelnik${at}`, 'Zgłoś do moderacji'])
    const blocks = classify([prose[0], ...thread].join('\n\n'), plugins)
    expect(ruleOf(blocks, prose[0])).toBeUndefined()
    expect(comments.slice(1).every((comment) => ruleOf(blocks, comment) === 'comment-thread')).toBe(true)
  })

  it('takes a date and time with the commenter’s name after them for a post head', () => {
    const names = ['Joe Gomer', 'Kimm Bellotto', 'Cindy Pereira', 'Tracy Forgosh', 'Jay Donovan']
    const thread = comments.flatMap((comment, at) => [`January 1${6 - at}, 2012 - ${at + 8}:06am ${names[at]}`, comment])
    const blocks = classify([prose[0], ...thread].join('\n\n'), plugins)
    expect(ruleOf(blocks, prose[0])).toBeUndefined()
    expect(comments.every((comment) => ruleOf(blocks, comment) === 'comment-thread')).toBe(true)
  })

  it('does not start a thread at dated post feet that recur fewer times above most of the page’s prose', () => {
    const long = comments.slice(0, 3).map((comment, at) => `${comment} ${comments[at + 1]}`)
    const blocks = classify([prose[0], ...long.flatMap((comment, at) => [comment, `0${at + 1}.01.2012 23:4${at}`, 'Report post'])].join('\n\n'), plugins)
    // Three feet are no series: nothing starts a thread above the second comment.
    expect(ruleOf(blocks, long[1] as string)).toBeUndefined()
  })
})

describe('comment-thread: buttons and form fields', () => {
  const buttons = ['Reply', 'Share', 'Reply', 'Share']

  it('does not start a thread at a share row under the standfirst', () => {
    const standfirst = 'The council has decided to keep the library open late, and the decision says a good deal about what residents now expect of it.'
    const text = [standfirst, 'Share', 'Email', ...prose, ...prose, ...buttons].join('\n\n')
    const blocks = classify(text, withMetadata)
    expect(articleKept(blocks)).toBe(true)
  })

  it('does not start a thread at the article’s own dateline', () => {
    const blurb = 'For almost a hundred years the society has worked to protect the footpaths, bridleways and green lanes of the county, for everyone who walks or rides them in every season.'
    const text = [blurb, 'Footpaths we could lose', 'April 5, 2018 | 6:00 PM', ...prose, ...prose, 'Jane Hollis on April 6, 2018 at 9:14 am', 'We walked the old drove road last week and it is already half ploughed.', 'Reply', 'Tom Lee on April 7, 2018 at 8:02 am', 'Reply'].join('\n\n')
    const blocks = classify(text, withMetadata)
    expect(articleKept(blocks)).toBe(true)
    expect(ruleOf(blocks, 'We walked the old drove road last week and it is already half ploughed.')).toBe('comment-thread')
  })

  it('does not start a thread at a share button between an article’s sections', () => {
    const sections = [
      'The second part of the review looks at the evening hours, which the council added after residents who work shifts asked for them at the first public meeting.',
      'Usage in the evenings grew every month of the trial, and by the end of it almost a third of all visits were made after six o’clock, most of them by students.',
      'The review recommends keeping the late opening, and suggests the council look at Sunday hours next, since the branches are closed all day at the moment.'
    ]
    const text = [...prose, 'Share', ...sections, 'Like', 'Reply'].join('\n\n')
    const blocks = classify(text, withMetadata)
    expect(sections.every((section) => ruleOf(blocks, section) === undefined)).toBe(true)
  })

  it.each([
    ['“Report Abuse | Quote” under each comment, a commenter’s button line', plugins, ['Total Comments (920)', 'November 12, 2012 11:51 AM ET', 'Report Abuse | QUOTE', volunteers, 'Total Comments (1531)', 'November 12, 2012 12:27 PM ET', 'Report Abuse | QUOTE', shifts]],
    ['“Discuss this post” over the commenters’ dated lines', withMetadata, ['Discuss this post', '#1 - Tue Jul 24, 2012 10:14 AM EDT', volunteers, '#1.1 - Tue Jul 24, 2012 10:35 AM EDT', shifts, '#2 - Tue Jul 24, 2012 11:02 AM EDT', 'We used to have a mobile library that came round on Tuesdays, and I still miss it.']]
  ])('removes the comments under the article marked by %s', (_, pipeline, comments) => {
    const blocks = classify([...prose, ...comments].join('\n\n'), pipeline)
    expect(articleKept(blocks)).toBe(true)
    expect(ruleOf(blocks, volunteers)).toBe('comment-thread')
    expect(ruleOf(blocks, shifts)).toBe('comment-thread')
  })

  it('starts a thread at a button below most of the article', () => {
    const comment = 'A reader wrote in to say that the late opening had changed how she studies for her exams this year.'
    const text = [...prose, 'Share', comment, ...buttons].join('\n\n')
    const blocks = classify(text, withMetadata)
    expect(ruleOf(blocks, comment)).toBe('comment-thread')
  })
})

/** A forum thread's opening post, and two replies each headed by its poster's line. */
const question = 'My sourdough starter doubled nicely for a week and now barely rises at all, even though I feed it at the same times with the same flour. Has anyone had this happen after the weather turned cold?'
const replies = [
  'levain_lou said:',
  'Cold kitchens slow everything down. Keep it somewhere around twenty-four degrees for a few days and feed it twice a day; it usually comes back within the week, in my experience anyway.',
  'Reply',
  'ryeguy said:',
  'Also check your flour. A new bag from a different mill can behave quite differently, especially when it is milled more finely than the flour you had before.',
  'Reply'
]

describe('comment-thread: a forum thread the page-type model doubted', () => {
  /** Set the verdict the page-type classifier gives a dump it took for a forum thread without being sure enough. */
  function doubted(type: PageType): () => (tree: Root) => void {
    return () => (tree) => {
      tree.data = {...tree.data, pageType: {type: 'article', confidence: 0.3, evidence: [`not sure enough it is a ${type} page (0.70 < 0.95)`], doubted: {type, confidence: 0.7}, alternative: {type, confidence: 0.7}}}
    }
  }

  /** Set the verdict for a dump the page-type model took for an article, with another type as its second guess. */
  function secondGuess(type: PageType, confidence = 0.35): () => (tree: Root) => void {
    return () => (tree) => {
      tree.data = {...tree.data, pageType: {type: 'article', confidence: 0.55, evidence: ['its shape'], alternative: {type, confidence}}}
    }
  }


  it('keeps the replies under a short opening post: the thread is the page', () => {
    const blocks = classify(['Starter stopped rising', question, ...replies].join('\n\n'), [doubted('forum'), ...plugins])
    for (const text of [question, replies[1], replies[4]] as string[]) expect(ruleOf(blocks, text)).toBeUndefined()
  })

  it('removes the same thread on a page the model took for an article', () => {
    const blocks = classify(['Starter stopped rising', question, ...replies].join('\n\n'), plugins)
    expect(ruleOf(blocks, replies[1] as string)).toBe('comment-thread')
  })

  it('removes comments under an article many times longer than any of them', () => {
    const article = [...prose, ...prose.map((text) => `${text} It was, said one councillor, the best news the town had heard in years.`), question]
    const blocks = classify(['Council extends the pilot', ...article, ...replies].join('\n\n'), [doubted('forum'), ...plugins])
    expect(articleKept(blocks)).toBe(true)
    expect(ruleOf(blocks, replies[1] as string)).toBe('comment-thread')
  })

  it('removes comments under a comment count, however short the article', () => {
    const blocks = classify(['Starter stopped rising', question, '{ 2 comments… read them below or add one }', ...replies].join('\n\n'), [doubted('forum'), ...plugins])
    expect(ruleOf(blocks, replies[1] as string)).toBe('comment-thread')
  })

  it('keeps the replies when a forum was only the model\'s second guess', () => {
    const blocks = classify(['Starter stopped rising', question, ...replies].join('\n\n'), [secondGuess('forum'), ...plugins])
    for (const text of [question, replies[1], replies[4]] as string[]) expect(ruleOf(blocks, text)).toBeUndefined()
  })

  it('removes the replies when the forum guess is faint', () => {
    const blocks = classify(['Starter stopped rising', question, ...replies].join('\n\n'), [secondGuess('forum', 0.15), ...plugins])
    expect(ruleOf(blocks, replies[1] as string)).toBe('comment-thread')
  })

  it('reads a row of thread statistics as no comment count', () => {
    const blocks = classify(['Starter stopped rising', '1.9K views 11 replies 12 participants', question, ...replies].join('\n\n'), [secondGuess('forum'), ...plugins])
    expect(ruleOf(blocks, replies[1] as string)).toBeUndefined()
  })

  it('removes comments under a comment count when a forum was the second guess', () => {
    const blocks = classify(['Starter stopped rising', question, 'There are 2 comments', ...replies].join('\n\n'), [secondGuess('forum'), ...plugins])
    expect(ruleOf(blocks, replies[1] as string)).toBe('comment-thread')
  })

  it('removes comments when the model doubted another type', () => {
    const blocks = classify(['Starter stopped rising', question, ...replies].join('\n\n'), [doubted('listing'), ...plugins])
    expect(ruleOf(blocks, replies[1] as string)).toBe('comment-thread')
  })
})

describe('comment-thread: a page the model took for a forum', () => {
  /** Set the verdict the page-type classifier gives a page it is sure is a forum thread. */
  const forum = () => (tree: Root) => {
    tree.data = {...tree.data, pageType: {type: 'forum', confidence: 0.9, evidence: ['reply, quote and poster lines']}}
  }
  const article = [...prose, ...prose.map((text) => `${text} It was, said one councillor, the best news the town had heard in years.`), question]

  it('removes the comments a header counts under a blog post many times longer than any of them', () => {
    const blocks = classify(['Council extends the pilot', ...article, '{ 2 comments… read them below or add one }', ...replies].join('\n\n'), [forum, ...plugins])
    expect(articleKept(blocks)).toBe(true)
    expect(ruleOf(blocks, replies[1] as string)).toBe('comment-thread')
    expect(ruleOf(blocks, replies[4] as string)).toBe('comment-thread')
  })

  it('weighs the post against the thread’s typical comment, not its longest', () => {
    const long = `${prose.join(' ')} ${prose[0]}`
    const short = ['Lovely write-up, thank you for putting it all in one place for the rest of us.', 'We went last year and the queues were just as bad, so this is good news.', 'Shared this with my sister, who has been asking about it for months now.', 'Great to hear the evening hours might finally come, we have waited long enough.']
    const comments = [long, ...short].flatMap((text, index) => [`reader${index} said:`, text, 'Reply'])
    const blocks = classify(['Council extends the pilot', ...article, '5 Comments', ...comments].join('\n\n'), [forum, ...plugins])
    expect(articleKept(blocks)).toBe(true)
    expect(ruleOf(blocks, long)).toBe('comment-thread')
    expect(ruleOf(blocks, short[3] as string)).toBe('comment-thread')
  })

  it('keeps the replies under a short opening post, even under a comment count', () => {
    const blocks = classify(['Starter stopped rising', question, '2 Replies', ...replies].join('\n\n'), [forum, ...plugins])
    for (const text of [question, replies[1], replies[4]] as string[]) expect(ruleOf(blocks, text)).toBeUndefined()
  })

  it('keeps the replies under a long opening post when no header counts them: its post heads and buttons are the thread', () => {
    for (const header of [[], ['Show more replies']]) {
      const blocks = classify(['Council extends the pilot', ...article, ...header, ...replies].join('\n\n'), [forum, ...plugins])
      for (const text of [replies[1], replies[4]] as string[]) expect(ruleOf(blocks, text)).toBeUndefined()
    }
  })

  it('runs in the pipeline on a forum page', () => {
    const page = ['Council extends the pilot', ...article, '{ 2 comments… read them below or add one }', ...replies].join('\n\n')
    expect(clean(page, {input: 'text', pageType: 'forum'}).text).not.toContain(replies[1])
  })
})
