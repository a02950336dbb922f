import type {Pluggable, PluggableList} from 'unified'
import dechaffAuthorBio, {type AuthorBioOptions} from './classifiers/author-bio.js'
import dechaffCaption, {type CaptionOptions} from './classifiers/caption.js'
import dechaffCommentThread, {type CommentThreadOptions} from './classifiers/comment-thread.js'
import dechaffMetadata, {type MetadataOptions} from './classifiers/metadata.js'
import dechaffNavigation, {type NavigationOptions} from './classifiers/navigation.js'
import dechaffPhrases, {type PhrasesOptions} from './classifiers/phrases.js'
import dechaffQuality, {type QualityOptions} from './classifiers/quality.js'
import dechaffRepetition, {type RepetitionOptions} from './classifiers/repetition.js'
import dechaffTrailingStories, {type TrailingStoriesOptions} from './classifiers/trailing-stories.js'

/** Options of each classifier, by name; `false` turns a classifier off. */
export interface ClassifierOptions {
  phrases?: PhrasesOptions | false
  metadata?: MetadataOptions | false
  caption?: CaptionOptions | false
  navigation?: NavigationOptions | false
  repetition?: RepetitionOptions | false
  'author-bio'?: AuthorBioOptions | false
  quality?: QualityOptions | false
  'comment-thread'?: CommentThreadOptions | false
  'trailing-stories'?: TrailingStoriesOptions | false
}

export type ClassifierName = keyof ClassifierOptions

/**
 * The classifiers in the order they run: phrase and line-shape classifiers
 * first, then the statistical one, then the region classifiers that need its
 * classes to know where the article is.
 */
export const classifierPlugins = {
  phrases: dechaffPhrases,
  metadata: dechaffMetadata,
  caption: dechaffCaption,
  navigation: dechaffNavigation,
  repetition: dechaffRepetition,
  'author-bio': dechaffAuthorBio,
  quality: dechaffQuality,
  'comment-thread': dechaffCommentThread,
  'trailing-stories': dechaffTrailingStories
} as const

export const classifierNames = Object.keys(classifierPlugins) as ClassifierName[]

/** The classifiers as a unified plugin list, with their options. */
export function classifierList(options: ClassifierOptions = {}): PluggableList {
  const list: Pluggable[] = []
  for (const name of classifierNames) {
    const setting = options[name]
    if (setting === false) continue
    list.push([classifierPlugins[name], setting ?? {}] as Pluggable)
  }
  return list
}
