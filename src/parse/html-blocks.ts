import type {Element, ElementContent, Root as HastRoot, Text} from 'hast'
import {toString} from 'hast-util-to-string'
import {defaults} from '../thresholds.js'
import type {ElementInfo, HtmlEvidence} from '../types.js'
import {cloneWords, furnitureTokenCache, hookPrefixes, landingWords, namesDisclosure, pageBuilderComponentWords, pageBuilderPrefixes, postClassNames, relationWords, resultWords, searchWords, statePrefixes, taxonomyClass, withHints} from './hints.js'

/** One block of an HTML page before it becomes an nlcst paragraph. */
export interface RawBlock {
  text: string
  /** A `<pre>`'s text with its line breaks and indentation, when they differ from `text`. */
  preformatted?: string
  linkChars: number
  /** Separated from the previous block by vertical space (not a list/table sibling or a `<br>` line). */
  spaced: boolean
  heading?: number
  listItem: boolean
  html: HtmlEvidence
}

declare module 'hast' {
  interface Data {
    /** Text nodes: the index of the block the text belongs to. */
    block?: number
    /** Images and line breaks: the element table index of the block element they sit in. */
    blockElement?: number
  }
}

const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'legend',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul'
])
const cellTags = new Set(['td', 'th'])
const headingLevel: Record<string, number> = {h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6}
/** Elements that are never content. */
const neverContent = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'select', 'button', 'input', 'textarea', 'head'])
const hiddenStyle = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/iu

/** An attribute's value as the page wrote it: hast keeps class and itemprop as lists. */
function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name]
  if (value === undefined || value === null || value === false) return undefined
  return Array.isArray(value) ? value.join(' ') : String(value)
}

/**
 * Class, id, role and itemprop words of an element, split at `-`, `_`, spaces
 * and case changes. `wordsOfClass` reads one class name (a page's cache of
 * `classTokens`: a page repeats its few class names on many elements).
 */
export function elementTokens(element: Element, wordsOfClass: (name: string) => string[] = classTokens, post = isPostWrapper(element)): string[] {
  const tokens: string[] = []
  // The place a skip link lands on (`<div id="skip-nav">` around the content) is no navigation; the link itself is.
  const landing = (words: string[]): boolean => element.tagName !== 'a' && words.some((word) => landingWords.has(word))
  const classes = element.properties.className
  if (Array.isArray(classes)) {
    const count = Math.min(classes.length, maxClassNames)
    // A post wrapper's classes name its tags and categories (`tag-cookie-recipes`), which say what the post is about.
    for (let index = 0; index < count; index++) {
      const name = String(classes[index])
      if (post && taxonomyClass.test(name)) continue
      const words = wordsOfClass(name)
      if (!landing(words)) for (const word of words) tokens.push(word)
    }
  }
  const id = attribute(element, 'id')
  const role = attribute(element, 'role')
  const itemProp = attribute(element, 'itemProp')
  // Most elements have none of these: no string to build or split for them.
  if (!id && !role && !itemProp) return tokens
  // A page builder numbers its building blocks' ids as it names their classes (`hs_cos_wrapper_widget_1747742639138`).
  const idWords = id && !isHeadingAnchor(element, id) ? splitTokens(id) : []
  if (!landing(idWords)) for (const word of builderWords(idWords)) tokens.push(word)
  const raw = [role, itemProp].filter((value): value is string => Boolean(value)).join(' ')
  if (raw) for (const word of splitTokens(raw)) tokens.push(word)
  return tokens
}

/** `classTokens` with each class name read once: the cache lives as long as the function, one page. */
function classWordCache(): (name: string) => string[] {
  const cache = new Map<string, string[]>()
  return (name) => {
    let words = cache.get(name)
    if (!words) {
      words = classTokens(name)
      cache.set(name, words)
    }
    return words
  }
}

/** Most class names read of one element: enough for any real page, bounded for hostile markup. */
const maxClassNames = 40

/**
 * A class name's words up to a relation word: `anchorWithStickyNavbar` is an
 * anchor that sits with a sticky navbar, not navigation; `search-results`
 * are what a search found, not a search box. A class that states
 * what the element has (`has-profile`, `no-sidebar`) gives no words, a
 * script's handle on it (`js-social-images`) only its last, and a page
 * builder's class gives no word for its building blocks.
 */
function classTokens(name: string): string[] {
  const words = splitTokens(utilityOf(name).replace(cssModuleHash, ''))
  if (words.length > 1 && statePrefixes.has(words[0] as string)) return []
  // A script's handle names the element by its last word: `js-bottom-notice` is a notice, `js-social-images` images a script makes shareable.
  if (words.length > 1 && hookPrefixes.has(words[0] as string)) return words.slice(-1)
  const relation = words.findIndex((word, index) => index > 0 && relationWords.has(word))
  const described = (relation === -1 ? words : words.slice(0, relation)).filter((word, index, all) => !searchWords.has(word) || !resultWords.has(all[index + 1] as string))
  return builderWords(described, words)
}

/** A name's words without the words that, in a page builder's names, name a building block, not a region. */
function builderWords(described: string[], words: string[] = described): string[] {
  return isPageBuilderClass(words) ? described.filter((word) => !pageBuilderComponentWords.has(word)) : described
}

function isPageBuilderClass(words: string[]): boolean {
  return pageBuilderPrefixes.some((prefix) => prefix.every((word, index) => words[index] === word))
}

/**
 * The hash a CSS-modules build appends to a class name (`mdx-table_root__adKqa`):
 * five letters and digits, not all lower-case, after `__`. Its letters are no
 * words (`ad`), while a BEM element (`card__title`) is kept.
 */
const cssModuleHash = /__(?=[\w-]{0,4}[A-Z\d])[\w-]{5}$/u

/**
 * A utility class without its variants (`print:break-inside-avoid`,
 * `page-no-toc:hidden`): a variant says when the style applies, not what
 * the element is.
 */
function utilityOf(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1)
}

/** Fewest words of an id read as a heading's slug rather than a role name. */
const headingAnchorMinWords = 4

function splitTokens(raw: string): string[] {
  return raw
    .slice(0, 500)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean)
}

/**
 * An id made from the section's own heading ("sharing-with-a-single-developer"
 * above "Sharing with a single developer"), as documentation generators and
 * wikis write them: it names the topic, not the element's role. Empty
 * anchors may come before the heading, and a one-letter prefix (Django's
 * `s-`) is not a word of it. Short ids such as "comments" above "Comments"
 * still name a role.
 */
function isHeadingAnchor(element: Element, id: string | undefined): boolean {
  const idWords = id ? splitTokens(id).filter((word) => word.length > 1) : []
  if (idWords.length < headingAnchorMinWords) return false
  const heading = leadingHeading(element)
  if (!heading) return false
  const headingWords = new Set(splitTokens(toString(heading)))
  return idWords.filter((word) => headingWords.has(word)).length >= headingAnchorShare * idWords.length
}

/** Share of an id's words its heading must hold: a generator may add a word or two (`…-section-indexable`). */
const headingAnchorShare = 0.75

/** Deepest wrappers looked through for the heading a section opens with. */
const headingAnchorMaxDepth = 6

/**
 * The heading an element is or opens with: its first element with text, or
 * that element's own first, down a few wrappers; empty anchors before it are
 * passed over.
 */
function leadingHeading(element: Element): Element | undefined {
  // A heading's own id is made from its text (WordPress's `h-3-integrating-with-a-facebook-profile`).
  if (/^h[1-6]$/u.test(element.tagName)) return element
  let current = element
  for (let depth = 0; depth < headingAnchorMaxDepth; depth++) {
    const first = current.children.find((child): child is Element => child.type === 'element' && toString(child).trim() !== '')
    if (!first) return undefined
    if (/^h[1-6]$/u.test(first.tagName)) return first
    current = first
  }
  return undefined
}

/**
 * A segment React streams in hidden (`<div hidden id="S:1">`) and its script
 * moves into the page as soon as it arrives: what every reader sees, though
 * the markup says hidden (Next.js and other React 18 servers). React numbers
 * the segments in hexadecimal (`S:2e`).
 */
const streamedSegment = /^S:[\da-f]+$/u

/**
 * What a reader never sees: scripts, styles, embeds, form controls, hidden
 * elements, and popovers (the `popover` attribute: a browser shows one only
 * when a control or a script opens it, as a forum's "install this app" card).
 * `ariaHiddenCounts` is false for an element an open modal dialog marked
 * `aria-hidden` (`hiddenBehindDialog`): only its other marks count.
 */
export function isInvisible(element: Element, ariaHiddenCounts = true): boolean {
  if (neverContent.has(element.tagName)) return true
  const hidden = element.properties.hidden
  if ((hidden !== undefined && hidden !== null && hidden !== false && !streamedSegment.test(String(element.properties.id))) || (ariaHiddenCounts && isAriaHidden(element))) return true
  if (element.properties.popover !== undefined && element.properties.popover !== null) return true
  const style = attribute(element, 'style')
  return style !== undefined && hiddenStyle.test(style)
}

/** Hidden from the accessibility tree: a decorative copy, a closed dialog or accordion panel. */
function isAriaHidden(element: Element): boolean {
  return String(element.properties.ariaHidden) === 'true'
}

/**
 * The wrappers that hold the whole page: from the body down, each the only
 * visible element of its parent, beside no text. A page that hides one of
 * them until its scripts have run (`<div style="visibility:hidden">` against
 * a flash of unstyled content, an app root `aria-hidden` while a dialog was
 * open) shows it to every reader once loaded; read as hidden, the page would
 * have no text at all.
 */
function pageWrappers(body: Element): Set<Element> {
  const wrappers = new Set<Element>()
  let current = body
  for (;;) {
    let only: Element | undefined
    for (const child of current.children) {
      if (child.type === 'text' && child.value.trim() !== '') return wrappers
      if (child.type !== 'element' || neverContent.has(child.tagName)) continue
      if (only) return wrappers
      only = child
    }
    if (!only) return wrappers
    wrappers.add(only)
    current = only
  }
}

/**
 * The `aria-hidden` elements that are or hold the page's main landmark
 * (`<main>`, `role="main"`): an open modal dialog (a consent banner) hides
 * the rest of the page from the accessibility tree, and every reader sees it
 * once the dialog is closed. A page's main content is never decoration.
 */
function hiddenBehindDialog(body: Element): Set<Element> {
  const found = new Set<Element>()
  const stack: Array<{element: Element; hiddenAround: Element[]}> = [{element: body, hiddenAround: []}]
  for (let item = stack.pop(); item; item = stack.pop()) {
    const {element} = item
    const hiddenAround = isAriaHidden(element) ? [...item.hiddenAround, element] : item.hiddenAround
    if (element.tagName === 'main' || attribute(element, 'role') === 'main') for (const hidden of hiddenAround) found.add(hidden)
    for (const child of element.children) if (child.type === 'element' && !neverContent.has(child.tagName)) stack.push({element: child, hiddenAround})
  }
  return found
}

/**
 * A collapsed disclosure panel: a tab, an accordion's answer, a "Details"
 * section, hidden until its control is clicked and named for it
 * (`role="tabpanel"`, `role="region"`, `aria-labelledby`) or by its class
 * (`accordion-content`, `tab-pane`: `disclosureTokens` in
 * `data/dom-hints.json`). A reader opens it with one click, so its text is
 * the page's, to be judged like any other. Accordions mark their closed panels
 * `aria-hidden`, so a panel named so is read even then; any other `aria-hidden`
 * element (a carousel's slide, and its clones however named) and a modal
 * dialog stay unread.
 */
function isCollapsedPanel(element: Element, tokens: string[]): boolean {
  if (neverContent.has(element.tagName) || String(element.properties.ariaModal) === 'true') return false
  const named = namesDisclosure(tokens) && !tokens.some((token) => cloneWords.has(token))
  if (isAriaHidden(element)) return named
  // An empty role is none.
  const role = attribute(element, 'role') || undefined
  // A labelled dialog, menu or tooltip is no panel of the page's.
  return role === undefined ? named || attribute(element, 'ariaLabelledBy') !== undefined : role === 'tabpanel' || role === 'region'
}

/** A bare count, as a comment or share badge shows it. */
const bareCount = /^\s*\d{1,6}\s*$/u

/**
 * A comment or share counter set inside a paragraph (`<a class="comments_count">0</a>`):
 * an inline element named for furniture that shows only a number. Kept, its
 * digits would run into the sentence's first word. (Outside a paragraph, a
 * counter stays with the "Comments (3)" line that it makes furniture.)
 */
function isInlineCounter(element: Element, namesFurniture: (element: Element) => boolean): boolean {
  const only = element.children.length === 1 ? element.children[0] : undefined
  return only?.type === 'text' && bareCount.test(only.value) && namesFurniture(element)
}

/** Bit flags of the elements that make the text inside them a list item's, a table row's or a quotation's. */
const inListItem = 1
const inTableRow = 2
const inQuotation = 4
const enclosingFlags = new Map([['li', inListItem], ['tr', inTableRow], ['blockquote', inQuotation]])

interface Frame {
  node: ElementContent
  exit: boolean
  /** Exit frames: whether the element was a block, a link, a `<pre>`. */
  block?: boolean
  link?: boolean
  pre?: boolean
}

/**
 * Walk the body and cut it into blocks: each block-level element's own text,
 * `<br>` runs split (but a heading broken over lines stays one), a table row's cells joined by spaces (a cell holding
 * blocks of its own is a block container instead); a `<pre>` keeps its
 * layout beside its collapsed text. What a reader never sees is skipped. Each text node is tagged with
 * its block (`data.block`) so that structured compilers can prune the tree.
 * Iterative, so deep nesting cannot overflow the stack.
 */
export function extractBlocks(body: Element): {blocks: RawBlock[]; elements: ElementInfo[]} {
  const first = walkBlocks(body, new Set())
  const shown = first.blocks.reduce((sum, block) => sum + block.text.length - block.linkChars, 0)
  const revealed = new Set(first.hidden.filter((element) => {
    const chars = proseChars(element)
    return chars >= defaults.hiddenProse.minChars && chars > shown
  }))
  if (revealed.size === 0) return first
  return walkBlocks(body, revealed)
}

/**
 * One walk of `extractBlocks`, reading the hidden elements in `revealed` as
 * shown; it also returns the hidden elements it skipped that may be the
 * page's content, hidden until its scripts run (neither form controls and
 * embeds, nor `aria-hidden`, nor furniture).
 */
function walkBlocks(body: Element, revealed: ReadonlySet<Element>): {blocks: RawBlock[]; elements: ElementInfo[]; hidden: Element[]} {
  const elements: ElementInfo[] = []
  const nodes: Element[] = []
  const blocks: RawBlock[] = []
  /** Registered block elements enclosing the walk's position, innermost last. */
  const open: number[] = []
  let parts: string[] = []
  let texts: Text[] = []
  let linkChars = 0
  let linkDepth = 0
  let preDepth = 0
  let afterBreak = false
  let lastFlushElement = -1

  const flush = (viaBreak: boolean): void => {
    const joined = parts.join('')
    const text = joined.replace(/\s+/gu, ' ').trim()
    const layout = preDepth > 0 ? preformatted(joined) : text
    const element = open[open.length - 1] as number
    if (text) {
      const info = elements[element] as ElementInfo
      const previous = blocks[blocks.length - 1]
      const inList = ((enclosing[element] as number) & inListItem) !== 0
      const continuesLine = afterBreak && lastFlushElement === element
      const sibling = previous !== undefined && isSiblingItem(elements, previous.html.element, element)
      for (const node of texts) (node.data ??= {}).block = blocks.length
      blocks.push({
        text,
        ...(layout !== text ? {preformatted: layout} : {}),
        linkChars: Math.min(linkChars, text.length),
        spaced: !(continuesLine || sibling),
        ...(headingLevel[info.tag] ? {heading: headingLevel[info.tag]} : {}),
        listItem: inList,
        html: {
          tag: info.tag,
          element,
          inList,
          inTable: ((enclosing[element] as number) & inTableRow) !== 0,
          inQuote: ((enclosing[element] as number) & inQuotation) !== 0,
          depth: info.depth,
          commas: (text.match(/[,，、]/gu) ?? []).length,
          node: nodes[element] as Element
        }
      })
      lastFlushElement = element
      afterBreak = viaBreak
    } else if (viaBreak) {
      afterBreak = afterBreak || lastFlushElement === element
    }
    parts = []
    texts = []
    linkChars = 0
  }

  const wordsOfClass = classWordCache()
  const isFurniture = furnitureTokenCache()
  /** For each registered element, the enclosing flags of it and its registered ancestors. */
  const enclosing: number[] = []
  const register = (element: Element): void => {
    const parent = open.length > 0 ? (open[open.length - 1] as number) : -1
    const parentInfo = elements[parent]
    enclosing.push((enclosing[parent] ?? 0) | (enclosingFlags.get(element.tagName) ?? 0))
    open.push(elements.length)
    nodes.push(element)
    const postWrapper = isPostWrapper(element)
    elements.push(
      withHints({
        tag: element.tagName,
        tokens: elementTokens(element, wordsOfClass, postWrapper),
        parent,
        depth: parentInfo ? parentInfo.depth + 1 : 0,
        articleBody: namesArticleBody(element),
        postWrapper
      }, isFurniture)
    )
  }
  register(body)
  const wrappers = pageWrappers(body)
  const behindDialog = hiddenBehindDialog(body)
  /** Hidden elements skipped that no furniture names or encloses, hidden by the markup (not form controls or embeds, not `aria-hidden`): maybe shown by the page's scripts. */
  const hidden: Element[] = []
  const stack: Frame[] = []
  for (let index = body.children.length - 1; index >= 0; index--) stack.push({node: body.children[index] as ElementContent, exit: false})
  while (stack.length > 0) {
    const frame = stack.pop() as Frame
    const node = frame.node
    if (node.type === 'text') {
      parts.push(node.value)
      texts.push(node)
      if (linkDepth > 0) linkChars += node.value.replace(/\s+/gu, ' ').length
      continue
    }
    if (node.type !== 'element') continue
    if (frame.exit) {
      if (frame.link) linkDepth--
      if (frame.block) {
        flush(false)
        open.pop()
      }
      if (frame.pre) preDepth--
      continue
    }
    // `aria-hidden` around the main landmark is an open dialog's, not the page's: the rest of what hides an element still counts.
    const ariaHiddenCounts = !behindDialog.has(node)
    if (isInvisible(node, ariaHiddenCounts) && !wrappers.has(node) && !revealed.has(node)) {
      // A hidden element is read as a collapsed panel, or kept in mind as maybe shown by a script, only if neither it nor an element around it is furniture (a menu's dropdown, a consent dialog's tabs).
      const tokens = elementTokens(node, wordsOfClass)
      const clear = !tokens.some(isFurniture) && open.every((index) => (elements[index] as ElementInfo).furniture === undefined)
      if (!clear || !isCollapsedPanel(node, tokens)) {
        if (clear && !neverContent.has(node.tagName) && !isAriaHidden(node)) hidden.push(node)
        continue
      }
    }
    const tag = node.tagName
    // The block element the walk is in (the body at least: it stays open until the walk ends).
    const innermost = open[open.length - 1] as number
    const innermostTag = (elements[innermost] as ElementInfo).tag
    if (!blockTags.has(tag) && innermostTag === 'p' && isInlineCounter(node, (element) => elementTokens(element, wordsOfClass).some(isFurniture))) continue
    if (tag === 'br' || tag === 'img') (node.data ??= {} as NonNullable<Element['data']>).blockElement = innermost
    if (tag === 'br') {
      // A heading broken over lines ("News Product<br>Management Certification") is one heading.
      if (headingLevel[innermostTag]) parts.push(' ')
      else flush(true)
      continue
    }
    const block = blockTags.has(tag) || (cellTags.has(tag) && containsBlock(node))
    if (block) {
      flush(false)
      register(node)
      afterBreak = false
    } else if (cellTags.has(tag)) {
      parts.push(' ')
    }
    const link = isLink(node)
    if (link) linkDepth++
    if (tag === 'pre') preDepth++
    stack.push({node, exit: true, block, link, pre: tag === 'pre'})
    for (let index = node.children.length - 1; index >= 0; index--) stack.push({node: node.children[index] as ElementContent, exit: false})
  }
  flush(false)
  return {blocks, elements, hidden}
}

/** Characters of an element's text outside links, white space collapsed, skipping what is never content. Iterative, like the walk. */
function proseChars(element: Element): number {
  let chars = 0
  const pending: Array<{node: ElementContent; inLink: boolean}> = element.children.map((node) => ({node, inLink: false}))
  while (pending.length > 0) {
    const {node, inLink} = pending.pop() as {node: ElementContent; inLink: boolean}
    if (node.type === 'text') {
      if (!inLink) chars += node.value.replace(/\s+/gu, ' ').length
      continue
    }
    if (node.type !== 'element' || neverContent.has(node.tagName)) continue
    const link = inLink || isLink(node)
    for (const child of node.children) pending.push({node: child, inLink: link})
  }
  return chars
}

/** Preformatted text: its lines as written, without trailing spaces or blank lines around them. */
function preformatted(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .replace(/[^\S\n]+$/gmu, '')
    .replace(/^\n+|\n+$/gu, '')
}

const cellBlockTags = new Set(['p', 'div', 'table', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article'])

/**
 * The page says the element is the article's body: `itemprop="articleBody"`,
 * or a class or id named the same way (`article-body`, `articleBody`,
 * `articleBodyPrint`, the body as printed), whatever words follow the name.
 */
function namesArticleBody(element: Element): boolean {
  if (/\barticlebody\b/iu.test(attribute(element, 'itemProp') ?? '')) return true
  const id = attribute(element, 'id')
  if (id !== undefined && articleBodyName.test(id)) return true
  const classes = element.properties.className
  if (!Array.isArray(classes)) return false
  const count = Math.min(classes.length, maxClassNames)
  for (let index = 0; index < count; index++) if (articleBodyName.test(String(classes[index]))) return true
  return false
}

/** A name that starts with the words "article body", however run together. */
const articleBodyName = /^[Aa]rticle[-_]*[Bb]ody(?![a-z])/u

/** Whether one of the element's classes is, as a whole, a post word (not `post-meta`, which is metadata). */
function isPostWrapper(element: Element): boolean {
  const classes = element.properties.className
  if (!Array.isArray(classes)) return classes !== undefined && classes !== null && classes !== false && isPostClass(String(classes))
  for (const name of classes) if (isPostClass(String(name))) return true
  return false
}

/** A class attribute's name (or names) holds a post word. */
function isPostClass(name: string): boolean {
  return name.toLowerCase().split(/\s+/u).some((word) => postClassNames.has(word))
}

/**
 * A link a reader can follow: `<a href>`, not an anchor such as an unclosed
 * `<a name="top">`, nor a `javascript:` handler that only runs a script.
 */
function isLink(element: Element): boolean {
  if (element.tagName !== 'a') return false
  const href = attribute(element, 'href')
  return href !== undefined && !/^\s*javascript:/iu.test(href)
}

/** Whether a table cell holds blocks of its own (a layout table). Iterative, like the walk. */
function containsBlock(cell: Element): boolean {
  const pending: Element[] = cell.children.filter((child): child is Element => child.type === 'element')
  while (pending.length > 0) {
    const element = pending.pop() as Element
    if (cellBlockTags.has(element.tagName)) return true
    for (const child of element.children) if (child.type === 'element') pending.push(child)
  }
  return false
}


/** Consecutive items of the same list or rows of the same table: written on adjacent lines. */
function isSiblingItem(elements: ElementInfo[], previous: number, current: number): boolean {
  const a = elements[previous] as ElementInfo
  const b = elements[current] as ElementInfo
  if (a.tag === 'li' && b.tag === 'li') return a.parent === b.parent
  return a.tag === 'tr' && b.tag === 'tr' && tableOf(elements, previous) === tableOf(elements, current)
}

/** The table a row belongs to (rows of its head and body are one table). */
function tableOf(elements: ElementInfo[], row: number): number {
  let index = (elements[row] as ElementInfo).parent
  while (index >= 0 && (elements[index] as ElementInfo).tag !== 'table') index = (elements[index] as ElementInfo).parent
  return index
}

/** The `<body>` of a hast document (its root element when it has none, as a frameset page). */
export function bodyOf(tree: HastRoot): Element | undefined {
  const html = tree.children.find((child): child is Element => child.type === 'element' && child.tagName === 'html')
  return html?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'body') ?? html
}

/** The page's `<head>`. */
export function headOf(tree: HastRoot): Element | undefined {
  const html = tree.children.find((child): child is Element => child.type === 'element' && child.tagName === 'html')
  return html?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'head')
}

/** The text of the page's `<title>`, white space collapsed. */
export function documentTitle(tree: HastRoot): string {
  const title = headOf(tree)?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'title')
  return title ? toString(title).replace(/\s+/gu, ' ').trim() : ''
}
