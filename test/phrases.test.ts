import {describe, expect, it} from 'vitest'
import {dechaffPhrases} from '../src/index.js'
import {classify, prose, ruleInProse, ruleOf} from './helpers.js'

function ruleFor(line: string): string | undefined {
  return ruleInProse(line, [dechaffPhrases], '\n\n')
}

describe('phrases', () => {
  it.each([
    ['Leave a Reply', 'comment-form'],
    ['Leave a Response', 'comment-form'],
    ['Post a Comment', 'comment-form'],
    ['Cancel reply', 'comment-form'],
    ['Your email address will not be published. Required fields are marked *', 'comment-form'],
    ['Please enter your comment!', 'comment-form'],
    ['12 Comments', 'comment-form'],
    ['8 appreciated comments on “New work: a bank’s identity”', 'comment-form'],
    ['Reprints: This copy is for your personal, non-commercial use only. To order presentation-ready copies for distribution to your colleagues, visit www.example-reprints.com.', 'legal'],
    ['Dieser Artikel ist nur für den persönlichen, nicht-kommerziellen Gebrauch bestimmt.', 'legal'],
    ['Cet article est réservé à un usage personnel et non commercial.', 'legal'],
    ['This copy is for your personal, non-commercial use only. Distribution and use of this material are governed by our Subscriber Agreement and by copyright law.', 'legal'],
    ['Logged in as jsmith. Log out?', 'comment-form'],
    ['Hello! You need to sign in to comment. Please be courteous; see our Comment Policy.', 'comment-form'],
    ['Quick Sign In and Post Comment Register and Post Comment', 'comment-form'],
    ['blog comments powered by Disqus', 'javascript-notice'],
    ['You should like Thought Catalog on Facebook here.', 'share-row'],
    ['If you enjoyed this post, please consider leaving a comment or subscribing to the RSS feed to have future articles delivered to your feed reader.', 'share-row'],
    ['« Previous Post | Next Post »', 'skip-link'],
    ['Report errors or inaccuracies: reader@example.co.uk', 'feedback-widget'],
    ['*0 / 3000 Character Maximum Submit', 'comment-form'],
    ['Filter by:', 'listing-control'],
    ['Privacy Policy', 'legal'],
    ['Showing 20 results per page', 'listing-control'],
    ['Viewed 12k times', 'feedback-widget'],
    ['You can also like my Facebook page', 'share-row'],
    ['Related on HuffPost:', 'recirculation'],
    ['Get Business Alerts:', 'newsletter'],
    ['RSS feed for comments on this post. TrackBack URI', 'comment-form'],
    ['Read later', 'share-row'],
    ['Decrease font size Increase font size', 'skip-link'],
    ['Newsletter signup', 'newsletter'],
    ['Slide 2 of 9', 'read-more'],
    ['Download now', 'skip-link'],
    ['Consider a donation if you like what you see here', 'newsletter'],
    ['Sign up or log in to customize your list.', 'newsletter'],
    ['Why register?', 'newsletter'],
    ['You have to be logged in before you can comment.', 'comment-form'],
    ['This site uses Akismet to reduce spam. Learn how your comment data is processed.', 'spam-notice'],
    ['We use cookies to improve your experience on our site.', 'cookie-notice'],
    ['Accept all cookies', 'cookie-notice'],
    ['Please enable JavaScript to view this content', 'javascript-notice'],
    ['Skip to main content', 'skip-link'],
    ['Share this:', 'share-row'],
    ['Facebook Twitter LinkedIn Email', 'share-row'],
    ['Follow us on Instagram', 'share-row'],
    ['Sign up for our newsletter to get the latest stories.', 'newsletter'],
    ['Get the best of the week delivered to your inbox.', 'newsletter'],
    ['Advertisement', 'advertisement'],
    ['Story continues below advertisement', 'advertisement'],
    ['This post may contain affiliate links.', 'affiliate-disclosure'],
    ['© 2024 Example Media Ltd. All rights reserved.', 'legal'],
    ['Terms of Use | Privacy Policy | Contact Us', 'legal'],
    ['Was this article helpful? Yes No', 'feedback-widget'],
    ['You may also like', 'recirculation'],
    ['More from Digital Trends', 'recirculation'],
    ['Most viewed', 'recirculation'],
    ['Read more', 'read-more'],
    ['Continue reading »', 'read-more'],
    ['Read more: How the council spent its budget', 'read-more'],
    ['Add to basket', 'shop-control'],
    ['In stock, dispatched within 2 working days', 'shop-control'],
    ['Free UK delivery on orders over £40', 'shop-control'],
    ['Quantity: 1', 'shop-control'],
    ['Recently viewed', 'shop-control'],
    ['Sort results by relevance', 'listing-control'],
    ['Showing 1–24 of 312 results', 'listing-control'],
    ['Bedrooms: any', 'listing-control'],
    ['48 results', 'listing-control'],
    ['Filters', 'listing-control'],
    ['Filter & Sort', 'listing-control'],
    ['Sort and Filter', 'listing-control'],
    ['Refine by', 'listing-control'],
    ['No comments have so far been submitted. Why not be the first to send us your thoughts?', 'comment-form'],
    ['Your name and location will appear next to your comment.', 'comment-form'],
    ['You have 1000 characters left.', 'comment-form'],
    ['The comments below have not been moderated.', 'comment-form'],
    ['Comments in chronological order (Total 42 comments)', 'comment-form'],
    ['Sign in to comment or create your account to join the conversation.', 'comment-form'],
    ['Click to rate Rating 3', 'feedback-widget'],
    ['Please Add Comments', 'comment-form'],
    ['Add comment', 'comment-form'],
    ['| 13 Comment(s)', 'comment-form'],
    ['Comments (9) Add A Comment', 'comment-form'],
    ['Discuss this post', 'comment-form'],
    ['There are 12 comments.', 'comment-form'],
    ['Comments: 0 || Add Yours', 'comment-form'],
    ['*Submitted comments are subject to moderation before being displayed.', 'spam-notice'],
    ['★★★★★ 4.9 from 212 votes', 'feedback-widget'],
    ['Start a new thread', 'comment-form'],
    ['Tweet this comment', 'share-row'],
    ['Post to my Facebook wall', 'share-row'],
    ['Login with Facebook', 'skip-link'],
    ['Sign in with Google or Apple', 'skip-link'],
    ['Enter your comment here...', 'comment-form'],
    ['You are commenting using your WordPress.com account. ( Log Out / Change )', 'comment-form'],
    ['To comment, please fill in the fields below, enter your name and email.', 'comment-form'],
    ['{ 53 comments… read them below or add one }', 'comment-form'],
    ['Previewing your Comment', 'comment-form'],
    ['This is only a preview. Your comment has not yet been posted.', 'comment-form'],
    ['Your comment has been saved. Post another comment', 'comment-form'],
    ['As a final step before posting your comment, enter the letters and numbers you see in the image below. This prevents automated programs from posting comments.', 'comment-form'],
    ['Having trouble reading this image? View an alternate.', 'comment-form'],
    ['TrackBack URL for this entry: https://www.typepad.com/services/trackback/6a00d8345', 'comment-form'],
    ['Listed below are links to weblogs that reference Notes on the pilot scheme:', 'comment-form'],
    ['20 Comments Post a comment', 'comment-form'],
    ['0 Comments - Leave a comment!', 'comment-form'],
    ['Sort comments by', 'comment-form'],
    ['Reader comments (12)', 'comment-form'],
    ['Top comments', 'comment-form'],
    ['Featured Comments (4)', 'comment-form'],
    ['Most liked replies', 'comment-form'],
    ['Post navigation', 'skip-link'],
    ['Enlarge this image', 'skip-link'],
    ['An error occurred. Please try again later.', 'skip-link'],
    ['Please check your inbox for a confirmation email.', 'newsletter'],
    ['Please enter a valid email address', 'newsletter'],
    ['Thank you! Your submission has been received!', 'newsletter'],
    ['Store and/or access information on a device', 'cookie-notice'],
    ['Use limited data to select advertising 112 partners can use this purpose', 'cookie-notice'],
    ['Understand audiences through statistics or combinations of data from different sources', 'cookie-notice'],
    ['List of IAB Vendors', 'cookie-notice'],
    ['Discussion about this post', 'comment-form'],
    ['12 comments so far', 'comment-form'],
    ['38 Comments Add yours', 'comment-form'],
    ['Discussion (12)', 'comment-form'],
    ['Replies (3)', 'comment-form'],
    ['Click to expand...', 'skip-link'],
    ['Advertise | AdChoices', 'advertisement'],
    ['See more video »', 'read-more'],
    ['See a sample reprint in PDF format. Order a reprint of this article now', 'share-row'],
    ['Follow @citydesk for breaking news and headlines.', 'share-row'],
    ['To send a link to this page to a friend, simply enter their email address below.', 'share-row'],
    ['Send to a friend', 'share-row'],
    ["Recipient's email address", 'share-row'],
    ['Your surname', 'comment-form'],
    ['View larger image', 'skip-link'],
    ['Got a story?', 'feedback-widget'],
    ['You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback from your own site.', 'comment-form'],
    ['Inside the Studio is powered by Blogger. Start your own blog.', 'legal'],
    ['Not open for further replies.', 'comment-form'],
    ['More sharing options…', 'share-row'],
    ['Oops! Something went wrong while submitting the form.', 'newsletter'],
    ['Thanks for contacting us! We will be in touch.', 'newsletter'],
    ['Be the first to like this.', 'share-row'],
    ['If you enjoyed this article, please share it on', 'share-row'],
    ['View all posts by Becky Lane', 'source-credit'],
    ['Like Tweet +1 Share Pin It Share', 'share-row'],
    ['Login to leave a comment', 'comment-form'],
    ['Bookmark the permalink. Follow any comments here with the RSS feed for this post.', 'comment-form'],
    ['Comments are now closed on Letters of Note.', 'comment-form'],
    ['Reader comments 17', 'comment-form'],
    ['https://cdn.example.com/images/stencil/160x160/uploaded_images/5001_tee_pink.jpg', 'bare-address'],
    ['www.example-gallery.com', 'bare-address'],
    ['By continuing, you agree to our User Agreement and acknowledge that you understand the Privacy Policy.', 'newsletter'],
    ['In submitting this form, you agree to receive information from us related to our products and events.', 'newsletter'],
    ['IMPORTANT: By completing this form, you agree to receive information from the clinic.', 'newsletter'],
    ['The Daily Courier does not necessarily endorse any of the views posted. By submitting your comment, you agree to our Terms and Conditions.', 'comment-form'],
    ['The Daily Courier is now using Facebook Comments on our stories. To post a comment, log into Facebook and add your comment below.', 'comment-form'],
    ['Commenting guidelines', 'comment-form'],
    ['For more information about reprints & permissions, visit our FAQ. To report corrections and clarifications, contact the Standards Editor.', 'legal'],
    ['Why am I seeing this ad?', 'advertisement'],
    ['Advertiser: kettles_direct_uk', 'advertisement'],
    ['People who viewed this item also viewed', 'recirculation'],
    ['Frequently bought together', 'recirculation']
  ])('removes %j as %s', (line, rule) => {
    expect(ruleFor(line)).toBe(rule)
  })

  it.each([
    'We switched on Akismet years ago. This site uses Akismet to reduce spam, and it catches nearly everything that used to get through.',
    'The form asked readers to leave a reply, but most of them never did, so we removed it in the redesign last spring.',
    'A good "read more" link tells readers what they will get, rather than simply asking them to click.',
    'Cookie banners became common after the law changed, and most sites now ask visitors to accept or reject tracking.',
    '"Subscribe to our newsletter"',
    'Comments on the proposal closed on Friday, and the planning officer will now write her report.',
    'The shop kept the kettle in stock all winter, and the owner said she had sold more of them than in any year before.',
    'We sorted the results by date and found that most of the complaints came in the week after the change.',
    'Filters on the intake pipe are changed every spring, before the reservoir is refilled.',
    'Sort by hand whatever the machine rejects.',
    'No comments have so far been submitted to the consultation, which the council says is unusual for a plan of this size.',
    'The forum lets you see what other readers have said about each chapter before you post a review of your own.',
    'Readers who sign in with Facebook can start a new thread in the forum, where the moderators answer within a day.',
    'To comment, most readers now use the app, which the paper says has doubled the number of letters it receives.',
    '★★★★★ Five stars from 212 votes is what the recipe had earned by March, and the bars were still the most printed thing on the site.',
    'Your comment has not yet been posted, the form said, and the letters you see in the image below never matched what I typed.',
    'An error occurred in the billing system last week, and the council says it has refunded every household that was charged twice.',
    'Readers who like, tweet and share the story help it reach people who would never see the printed edition.',
    'The full report is at https://example.org/reports/2024-water.pdf and runs to ninety pages.',
    'There are 12 comments in the draft that the committee has still to answer before the vote.',
    'Top comments from readers will appear in the Saturday paper, beside the letters page.',
    'Your application has been received by the committee, which meets in June to decide on the grants.',
    'Something went wrong while the crew was submitting the flight plan, and the departure slipped by an hour.',
    'Advertisers measure content performance by the minutes readers spend on a page, not by clicks.',
    'The bridge is closed to new traffic until the repairs are finished in May.',
    'The factory is powered by a wind farm that the town built in 2009.',
    'Advertise on the radio, the agency told its clients, and sales will follow.',
    'Follow the money, the reporter said.',
    'Discussion',
    'The petition gathered 12 comments so far this week, most of them from people who live on the estate.',
    'Visit www.example-gallery.com',
    'By signing the lease, you agree to pay the rent on the first day of every month for the whole term.',
    'The mayor does not endorse the views expressed by the protesters, but she said they had every right to march on Saturday.',
    'Customers who bought this item also bought the matching toaster, the manager said, and both sold out by noon.',
    'The museum says its scans are for personal, non-commercial use only, and schools may print them for free.',
    'You need to sign in to comment on the draft plan, the council said, so that every response can be traced to a resident.',
    'Please be courteous to the staff at the desk, who see hundreds of visitors a day.',
    'Many teenagers like posting on Instagram more than on any other site, the survey found.',
    'If you enjoyed this post, you will love the next one about Rome, which goes further into the old town.',
    'Report errors in the ballot count to the county clerk, the board told its volunteers, and it will correct them before Friday.',
    'The privacy policy changed in May, and the regulator says the firm did not tell its users.',
    'The page was viewed by more visitors in a day than in the whole of last year.',
    'Larger text',
    'Please consider a donation to the hospital fund, which paid for the new ward last year.',
    'Apply now for a grant, the council urged, before the scheme closes in March.'
  ])('keeps prose that mentions furniture: %j', (line) => {
    expect(ruleFor(line)).toBeUndefined()
  })

  it('removes a footer block whose furniture sentences hold most of its text, with a note of its own', () => {
    const line = 'Copyright © 2024 Example Media Ltd. All rights reserved. Printed in Ohio.'
    expect(ruleFor(line)).toBe('legal')
    const blocks = classify([prose[0], line, prose[1]].join('\n\n'), [[dechaffPhrases, {minMatchedShare: 1}]])
    expect(ruleOf(blocks, line)).toBeUndefined()
  })

  it('keeps a paragraph whose own sentences hold most of its text beside a furniture phrase', () => {
    expect(ruleFor('Leave a reply. The form asked readers for their names and towns, but most of them left it empty, so the editors removed it in the redesign last spring.')).toBeUndefined()
  })

  it('keeps a long sentence of prose that opens like a copyright line', () => {
    const about = 'Copyright law in most countries grew out of the printing trade, and for two centuries it protected publishers far more than writers, which is why the reformers of the nineteenth century, who wanted authors to profit from their own books, spent so much of their energy on international treaties rather than on the courts of any single country'
    expect(about.length).toBeGreaterThan(320)
    expect(ruleFor(about)).toBeUndefined()
  })

  it('removes a variant picker’s current choice beside the control that changes it, and keeps a specification line without one', () => {
    const lines = ['Ashgrove Stovetop Kettle', 'Colour: Sage', 'Select colour', 'Size: Large', 'Capacity: 2.2 litres', 'Colour: brushed steel']
    const blocks = classify([...lines, ...prose].join('\n'), [dechaffPhrases])
    expect(ruleOf(blocks, 'Select colour')).toBe('shop-control')
    expect(ruleOf(blocks, 'Colour: Sage')).toBe('shop-control')
    // "Select colour" names no size, and the specifications have no control beside them.
    for (const line of ['Size: Large', 'Capacity: 2.2 litres', 'Colour: brushed steel']) expect(ruleOf(blocks, line)).toBeUndefined()
  })

  it('takes extra rules at attach time', () => {
    const text = [prose[0], 'Brought to you by Acme Widgets', prose[1]].join('\n\n')
    const blocks = classify(text, [[dechaffPhrases, {extraRules: {sponsor: {reason: 'sponsor line', patterns: ['brought to you by [^.]{1,40}']}}}]])
    expect(ruleOf(blocks, 'Brought to you by Acme Widgets')).toBe('sponsor')
  })

  it('tests no sentence longer than sentenceMaxChars', () => {
    const line = 'Leave a Reply'
    const blocks = classify([prose[0], line].join('\n\n'), [[dechaffPhrases, {sentenceMaxChars: 5}]])
    expect(ruleOf(blocks, line)).toBeUndefined()
  })

  it('skips blocks longer than blockMaxChars', () => {
    const line = 'Leave a Reply'
    const blocks = classify([prose[0], line].join('\n\n'), [[dechaffPhrases, {blockMaxChars: 5}]])
    expect(ruleOf(blocks, line)).toBeUndefined()
  })
})
