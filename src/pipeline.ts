import type {Pluggable, PluggableList, Transformer} from 'unified'
import {checkDeadline} from './limits.js'
import type {InputKind, Root} from './types.js'
import type {VFile} from 'vfile'
import dechaffKeep from './classifiers/keep.js'
import pageTypeData from './data/page-types.json' with {type: 'json'}
import {furniturePattern} from './lexicon.js'
import dechaffArticleContainer, {type ArticleContainerOptions} from './classifiers/article-container.js'
import dechaffAuthorBio, {type AuthorBioOptions} from './classifiers/author-bio.js'
import dechaffBlockModel, {type BlockModelOptions} from './classifiers/block-model.js'
import dechaffCaption, {type CaptionOptions} from './classifiers/caption.js'
import dechaffCommentThread, {type CommentThreadOptions} from './classifiers/comment-thread.js'
import dechaffConsentDialog, {type ConsentDialogOptions} from './classifiers/consent-dialog.js'
import dechaffDomHints, {type DomHintsOptions} from './classifiers/dom-hints.js'
import dechaffMainRegion, {type MainRegionOptions} from './classifiers/main-region.js'
import dechaffMetadata, {type MetadataOptions} from './classifiers/metadata.js'
import dechaffForumChrome, {type ForumChromeOptions} from './classifiers/forum-chrome.js'
import dechaffNavigation, {type NavigationOptions} from './classifiers/navigation.js'
import dechaffPageType, {type PageTypeOptions} from './classifiers/page-type.js'
import dechaffPhrases, {type PhrasesOptions} from './classifiers/phrases.js'
import dechaffProductDescription, {type ProductDescriptionOptions} from './classifiers/product-description.js'
import dechaffQuality, {type QualityOptions} from './classifiers/quality.js'
import dechaffQuotedPosts, {type QuotedPostsOptions} from './classifiers/quoted-posts.js'
import dechaffRepeatedCopy, {type RepeatedCopyOptions} from './classifiers/repeated-copy.js'
import dechaffRepeatedItems, {type RepeatedItemsOptions} from './classifiers/repeated-items.js'
import dechaffRepeatedRecords, {type RepeatedRecordsOptions} from './classifiers/repeated-records.js'
import dechaffRepetition, {type RepetitionOptions} from './classifiers/repetition.js'
import dechaffSiteHeader, {type SiteHeaderOptions} from './classifiers/site-header.js'
import dechaffTrailingStories, {type TrailingStoriesOptions} from './classifiers/trailing-stories.js'

/** Options of each classifier, by name; `false` turns a classifier off. */
export interface ClassifierOptions {
  'page-type'?: PageTypeOptions | false
  'product-description'?: ProductDescriptionOptions | false
  phrases?: PhrasesOptions | false
  'consent-dialog'?: ConsentDialogOptions | false
  metadata?: MetadataOptions | false
  'site-header'?: SiteHeaderOptions | false
  caption?: CaptionOptions | false
  navigation?: NavigationOptions | false
  repetition?: RepetitionOptions | false
  'author-bio'?: AuthorBioOptions | false
  'article-container'?: ArticleContainerOptions | false
  'repeated-items'?: RepeatedItemsOptions | false
  'repeated-records'?: RepeatedRecordsOptions | false
  'dom-hints'?: DomHintsOptions | false
  'forum-chrome'?: ForumChromeOptions | false
  quality?: QualityOptions | false
  'comment-thread'?: CommentThreadOptions | false
  'trailing-stories'?: TrailingStoriesOptions | false
  'main-region'?: MainRegionOptions | false
  'block-model'?: BlockModelOptions | false
  'repeated-copy'?: RepeatedCopyOptions | false
  'quoted-posts'?: QuotedPostsOptions | false
}

export type ClassifierName = keyof ClassifierOptions

/**
 * The classifiers in the order they run: the page's type first, then the
 * product description it states in its JSON-LD, then phrase
 * and line-shape classifiers, then the DOM classifiers (HTML pages only), then the statistical
 * one, then the region classifiers that need its classes to know where the
 * article is, then the block model, which weighs what all of them found,
 * and last the second copy of a text and a forum reply's quotation of an
 * earlier post, which need to know what is kept.
 */
export const classifierPlugins = {
  'page-type': dechaffPageType,
  'product-description': dechaffProductDescription,
  phrases: dechaffPhrases,
  'consent-dialog': dechaffConsentDialog,
  metadata: dechaffMetadata,
  'site-header': dechaffSiteHeader,
  caption: dechaffCaption,
  navigation: dechaffNavigation,
  'repeated-records': dechaffRepeatedRecords,
  repetition: dechaffRepetition,
  'author-bio': dechaffAuthorBio,
  'article-container': dechaffArticleContainer,
  'repeated-items': dechaffRepeatedItems,
  'dom-hints': dechaffDomHints,
  'forum-chrome': dechaffForumChrome,
  quality: dechaffQuality,
  'comment-thread': dechaffCommentThread,
  'trailing-stories': dechaffTrailingStories,
  'main-region': dechaffMainRegion,
  'block-model': dechaffBlockModel,
  'repeated-copy': dechaffRepeatedCopy,
  'quoted-posts': dechaffQuotedPosts
} as const

export const classifierNames = Object.keys(classifierPlugins) as ClassifierName[]

/** What `classifierList` needs from the cleaning options. */
export interface PipelineOptions {
  classifiers?: ClassifierOptions
  disable?: ClassifierName[]
  furniture?: string[]
  keep?: string[]
  /** The page's type, when the caller knows it (the page-type classifier's `pageType`). */
  pageType?: PageTypeOptions['pageType']
  /** The page's address (the page-type classifier's `url`). */
  url?: string
  /** Whether the block model decides the grey zone: `true` on every input, `false` on none (default: `modelByDefault`, both). */
  model?: boolean
}

/**
 * The inputs the block model decides when the caller does not say: both. On
 * text dumps it beats the hand-set rules on every development set in
 * cross-validation; on HTML it gains most on the sets of many kinds of page
 * and loses a little on a few (see the README's Block model).
 */
export const modelByDefault: readonly InputKind[] = ['html', 'text']
const inputKinds: readonly InputKind[] = ['html', 'text']

/**
 * The classifiers as a unified plugin list, with their options: turned-off
 * classifiers left out, extra furniture added to the phrase lexicon as rule
 * `custom`, always-keep phrases protected first.
 */
export function classifierList(options: PipelineOptions = {}): PluggableList {
  const list: Pluggable[] = []
  if (options.keep?.length) list.push([dechaffKeep, {phrases: options.keep}])
  const modelInputs = options.model === undefined ? modelByDefault : options.model ? inputKinds : []
  for (const name of classifierNames) {
    const setting = options.classifiers?.[name]
    if (setting === false || options.disable?.includes(name)) continue
    if (name === 'block-model' && modelInputs.length === 0) continue
    const settings = name === 'block-model' ? {inputs: [...modelInputs], ...setting} : withPageSettings(name, withFurniture(name, setting ?? {}, options.furniture), options)
    list.push([timed(name, classifierPlugins[name]), settings] as Pluggable)
  }
  return list
}

const skippedOn: Partial<Record<ClassifierName, string[]>> = pageTypeData.skip
const settingsByType: Partial<Record<ClassifierName, Record<string, object>>> = pageTypeData.settings

/**
 * The classifier, checking the page's time budget before it runs; not run on
 * the page types it does not suit, and run with its settings for the page's
 * type where `data/page-types.json` has some (under the caller's options),
 * each made once when the pipeline is built.
 */
function timed(name: ClassifierName, plugin: (options: never) => Transformer<Root>): (options: never) => Transformer<Root> {
  const skipped = new Set(skippedOn[name] ?? [])
  // Our classifiers are synchronous two-argument transformers; keep the arity so unified runs them in sync.
  const make = (options: object): ((tree: Root, file: VFile) => undefined) => plugin(options as never) as (tree: Root, file: VFile) => undefined
  return (options) => {
    const transform = make(options)
    const byType = new Map(Object.entries(settingsByType[name] ?? {}).map(([type, settings]) => [type, make({...settings, ...(options as object)})]))
    return (tree: Root, file: VFile) => {
      checkDeadline(file, `running the ${name} classifier`)
      const type = tree.data?.pageType?.type
      if (type && skipped.has(type)) return
      ;(type ? (byType.get(type) ?? transform) : transform)(tree, file)
    }
  }
}

/** The page-type classifier takes the caller's `pageType` and `url`. */
function withPageSettings(name: ClassifierName, setting: object, options: PipelineOptions): object {
  if (name !== 'page-type') return setting
  return {...setting, ...(options.pageType ? {pageType: options.pageType} : {}), ...(options.url ? {url: options.url} : {})}
}

function withFurniture(name: ClassifierName, setting: object, furniture: string[] | undefined): object {
  if (name !== 'phrases' || !furniture?.length) return setting
  const phrases = setting as PhrasesOptions
  const custom = {reason: 'configured furniture', patterns: furniture.map((entry) => furniturePattern(entry))}
  return {...phrases, extraRules: {...phrases.extraRules, custom}}
}
