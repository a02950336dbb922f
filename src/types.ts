import type {Element as HastElement, Root as HastRoot} from 'hast'
import type {Paragraph, Root} from 'nlcst'
import type {LanguageProfile, LanguageSource} from './language.js'

/** What a page was given as. */
export type InputKind = 'text' | 'html'

/**
 * jusText-style quality class of a block, before context smoothing:
 * `good` long prose, `neargood` medium prose, `short` too short to judge
 * alone, `bad` unlikely to be content.
 */
export type QualityClass = 'bad' | 'short' | 'neargood' | 'good'

/** How a block sits in the page: the evidence every parser provides. */
export interface BlockEvidence {
  /** Position of the block among the page's blocks, from 0. */
  index: number
  /** Where the block came from: a line or a hard-wrapped paragraph of a text dump, or an HTML element. */
  kind: 'line' | 'paragraph' | 'element'
  /** Blank lines (text) or block boundaries with vertical space (HTML) before the block. */
  blankLinesBefore: number
  /** Share of the block's characters inside links (0 for text dumps). */
  linkDensity: number
  /** Whether the parser knows the block to be a heading (an `<h1>`–`<h6>`); text dumps leave it unknown. */
  heading?: number
  /** Whether the parser knows the block to be a list item. */
  listItem?: boolean
  /** Text dumps: the white space a line was indented by (code keeps its shape). */
  indent?: string
  /**
   * HTML: a `<pre>`'s text with its line breaks and indentation, where they differ
   * from `text`. Compilers write it; classifiers read the collapsed `text`.
   */
  preformatted?: string
  /** The parser found this block to be the page's title (HTML: the `<h1>` closest to `<title>`, or the headline of `<title>`; a text dump: the headline line above the article's first paragraph). */
  title?: boolean
  /** A text dump: why the parser took this line for the headline, the strongest evidence of the headline model in words. */
  titleEvidence?: string
  /** The parser found this block to be a breadcrumb whose last step is the page's headline just below it ("Home / Blog / Keeper emails" over "Keeper emails"): where the page's own content starts. */
  breadcrumb?: boolean
  /** DOM evidence, for blocks of an HTML page. */
  html?: HtmlEvidence
}

/** Where an HTML block sits in the DOM. */
export interface HtmlEvidence {
  /** Tag of the element whose text the block is (lower case). */
  tag: string
  /** Index of that element in the page's element table (`root.data.elements`). */
  element: number
  /** Inside a list item, a table row, a quotation. */
  inList: boolean
  inTable: boolean
  inQuote: boolean
  /** Element depth below `<body>`. */
  depth: number
  /** Commas in the block's text (a container-scoring signal). */
  commas: number
  /** The hast element the block's text came from (absent for the headline taken from `<title>`). */
  node?: HastElement
  /** Where that element starts in the page's source (with `sourcePositions`). */
  source?: SourcePlace
}

/** A place in a page's source: line and column from 1, offset from 0 (in characters of the decoded page). */
export interface SourcePlace {
  line: number
  column: number
  offset: number
}

/** One element of an HTML page, as container scoring and DOM hints see it. */
export interface ElementInfo {
  tag: string
  /** Class, id, role and itemprop words, lower-cased and split at `-`, `_` and case changes. */
  tokens: string[]
  /** Index of the parent element in the table (-1 for `<body>`). */
  parent: number
  /** One of its classes is a whole post word (`hentry`, `post`, `entry`, `article`): a CMS's post wrapper. */
  postWrapper: boolean
  /** Marked `itemprop="articleBody"`, or named so by a class or id (`article-body`): the page says this is the article. */
  articleBody: boolean
  depth: number
  /** The furniture word or tag that marks the element (`comments`, `<nav>`), if any: the DOM-hint evidence. */
  furniture?: string
  /** That furniture sits inside the article's flow (a figure's caption) rather than around it. */
  furnitureInFlow?: boolean
  /** Readability-style class weight: +25 for article words, −25 for furniture words, both, or 0. */
  classWeight: number
}

/** Numbers derived from the block's nlcst sentences and words. */
export interface BlockFeatures {
  chars: number
  words: number
  stopwordDensity: number
  sentences: number
  /** Ends with sentence punctuation (`.`, `!`, `?`, `…`), maybe followed by closing quotes or brackets. */
  terminal: boolean
  startsUpper: boolean
  /** Share of words that start with a capital letter. */
  capitalisedShare: number
  /** Starts with a bullet or a list number (`-`, `•`, `1.`, `a)`). */
  listMarker: boolean
  /** Short, unpunctuated line that reads like a heading or a headline. */
  headingLike: boolean
}

/** A classifier's verdict on one block. */
export interface Mark {
  /** Stable id of the rule, e.g. `comment-form`. */
  ruleId: string
  /** Human reason, e.g. `comment form notice`. */
  reason: string
  /** Confidence in [0, 1]; 1 for an exact phrase match. */
  score: number
  /** A removal from within the article's flow (a caption, a photo credit): context smoothing looks through it. */
  inFlow?: boolean
  /** A removal of part of a comment thread (a comment, its author line, a reply), which `comments: true` gives back as the page's comments. */
  comment?: boolean
  /** The name an author box gives, which the metadata step reads as the page's writer: the name line over a bio, or the name in its header ("About Amar Hussain"). */
  authorName?: string
}

/** The block model's decision on a block: its probability of content and the evidence that weighed most. */
export interface ModelDecision {
  probability: number
  keep: boolean
  /** The removal the model weighed, if any: a removal made after the model ran (a caller's own classifier) stands. */
  weighed?: Mark
  /** The strongest contributions, in words with their weight (`link density 0.92 −1.1`). */
  evidence: string[]
}

/** The settled outcome for a block. */
export interface Verdict extends Mark {
  keep: boolean
}

/** Everything dechaff knows about a block, kept in `paragraph.data.block`. */
export interface Block {
  /** The block's text as written, trimmed. */
  text: string
  /** Lower-cased, white-space-collapsed text with typographic quotes folded, for matching. */
  normal: string
  /** The block's sentences, normalised like `normal`. */
  sentences: string[]
  /** The block's words, normalised like `normal`. */
  words: string[]
  evidence: BlockEvidence
  /** The page's language, whose stopwords and parser made the block's features. */
  language: LanguageProfile
  features: BlockFeatures
  /** The first definite removal a classifier made. */
  removal?: Mark
  /** A definite keep (an always-keep phrase); beats removals. */
  protection?: Mark
  /** A byline or dateline the metadata classifier found on a page whose post heads are content (a forum's): read for the metadata, not removed. */
  metadataLine?: Mark
  /** HTML pages: whether the block lies in the article container (set by the article-container classifier). */
  inArticle?: boolean
  /** HTML pages: whether the block lies in one of the page's repeated items (set by the repeated-items classifier on listings and collections). */
  inItemList?: boolean
  /** Outside the article container (HTML) or the main prose region (pages without a container): likely boilerplate. */
  outsideArticle?: boolean
  /** Statistical class from the quality classifier. */
  quality?: {class: QualityClass; reason: string}
  /** The block model's decision, where it decides the block (set by the block-model classifier). */
  model?: ModelDecision
  /** Final decision, written by the settle step. */
  verdict?: Verdict
}

declare module 'nlcst' {
  interface ParagraphData {
    block?: Block
  }
  interface RootData {
    /** The page's language and where it came from. */
    language?: {code: string; source: LanguageSource}
    /** HTML pages: the element table blocks point into. */
    elements?: ElementInfo[]
    /** HTML pages: the JSON-LD `articleBody` if the page has one. */
    articleBody?: string
    /** HTML pages: the description of the one product the page's JSON-LD states, if any. */
    productDescription?: ProductDescription
    /** HTML pages: the elements the article-container classifier found to hold the article. */
    articleElements?: number[]
    /** HTML pages: what the page's head says about it (JSON-LD types, `og:type`, generator, address). */
    page?: PageEvidence
    /** The page's type, set by the page-type classifier, which runs first. */
    pageType?: PageTypeVerdict
    /** HTML pages: what the page states about itself in its head, JSON-LD and microdata (read by the parser). */
    stated?: StatedMetadata
    /** The page's metadata and where each field came from (written by the metadata step). */
    metadata?: {fields: PageMetadata; sources: MetadataSources}
    /** HTML pages: the page's hast tree, which structured compilers (Markdown, HTML) prune to the kept blocks. */
    hast?: HastRoot
  }
}

/** A product's description from the page's JSON-LD. */
export interface ProductDescription {
  text: string
  /** The page's markup lacked it, so the parser added it as a paragraph after the `<h1>`. */
  rendered: boolean
}

/** What a page's head says about the page. */
export interface PageEvidence {
  /** `@type`s of its JSON-LD, lower-cased. */
  jsonLdTypes: string[]
  ogType?: string
  generator?: string
  /** Its canonical address, else `og:url`. */
  url?: string
}

/** The kinds of page dechaff cleans differently. */
export const pageTypes = ['article', 'forum', 'product', 'collection', 'listing', 'documentation', 'service'] as const
export type PageType = (typeof pageTypes)[number]

/** The page-type classifier's verdict. */
export interface PageTypeVerdict {
  type: PageType
  /** The model's probability of `type` (1 when the user set it). */
  confidence: number
  /** The evidence that weighed most for `type`, in words. */
  evidence: string[]
  /** When the page is cleaned as an article because the model was not sure enough of another type: that type and its probability. */
  doubted?: {type: PageType; confidence: number}
  /** When the model's verdict is an article: the likeliest other type and its probability, which a page whose article's rules keep almost nothing is cleaned as instead. */
  alternative?: {type: PageType; confidence: number}
  /** Set when the page is cleaned as `type` only because, cleaned as an article, it kept almost nothing (`pageTypeFallback`): the model's second guess, not its verdict. */
  fallback?: true
}

/** A field of a page's metadata. */
export type MetadataField =
  | 'title'
  | 'author'
  | 'published'
  | 'modified'
  | 'siteName'
  | 'description'
  | 'language'
  | 'canonicalUrl'
  | 'image'
  | 'tags'
  | 'categories'

/** A value a page states for a metadata field, where it stated it, and how far that place is trusted (lower first). */
export interface MetadataCandidate {
  value: string
  /** E.g. `json-ld NewsArticle.headline`, `meta og:title`, `link rel=canonical`, `time datetime`. */
  source: string
  rank: number
  /** The index of the block a date was read from, for a date read from the page's lines (not its markup): where it sits against the text the page keeps. */
  block?: number
}

/** What an HTML page states about itself in its head, JSON-LD and microdata, per field. */
export type StatedMetadata = Partial<Record<MetadataField, MetadataCandidate[]>>

/** A page's metadata: what it says about itself, and what its byline and dateline blocks say. */
export interface PageMetadata {
  title?: string
  /** One or several authors, as named. */
  author?: string[]
  /** Publication date, ISO 8601: a calendar day (`2024-03-04`), or a date and time where the page gives one with its offset. */
  published?: string
  /** Last modification, ISO 8601 as `published`. */
  modified?: string
  siteName?: string
  description?: string
  /** BCP 47 language tag (`en`, `en-GB`). */
  language?: string
  canonicalUrl?: string
  /** The page's lead image URL. */
  image?: string
  tags?: string[]
  categories?: string[]
  /** The page's kind, from the page-type classifier. */
  pageType?: PageType
}

/** Where each metadata field came from (a `MetadataCandidate` source, or the block it was read from). */
export type MetadataSources = Partial<Record<MetadataField | 'pageType', string>>

/** A paragraph node that carries a block. */
export type BlockNode = Paragraph & {data: {block: Block}}

export type {Paragraph, Root}
