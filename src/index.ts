export {clean, cleanDocument, createCleaner, createProcessor, detectInput, DechaffInputError} from './clean.js'
export type {BlockReport, Cleaner, CleanResult, DechaffProcessor} from './clean.js'
export {default as dechaffParseHtml, parseHtml} from './parse/html.js'
export type {HtmlParser, ParseHtmlOptions} from './parse/html.js'
export {headlineOf} from './parse/title.js'
export {decodeHtml} from './parse/decode.js'
export {default as dechaffArticleContainer} from './classifiers/article-container.js'
export type {ArticleContainerOptions} from './classifiers/article-container.js'
export {default as dechaffDomHints} from './classifiers/dom-hints.js'
export type {DomHintsOptions} from './classifiers/dom-hints.js'
export {DechaffConfigError, validateOptions} from './options.js'
export {DechaffTimeoutError} from './limits.js'
export type {CleanOptions, OutputFormat} from './options.js'
export {classifierList, classifierNames, classifierPlugins} from './pipeline.js'
export type {ClassifierName, ClassifierOptions, PipelineOptions} from './pipeline.js'
export {default as dechaffParseText, parseText} from './parse/text.js'
export type {ParseTextOptions} from './parse/text.js'
export {default as dechaffCompileText, compileText} from './compile/text.js'
export {default as dechaffCompileMarkdown, compileMarkdown} from './compile/markdown.js'
export type {MarkdownOptions} from './compile/markdown.js'
export {default as dechaffCompileHtml, compileHtml} from './compile/html.js'
export type {HtmlOptions} from './compile/html.js'
export {default as dechaffPageMetadata, pageMetadata} from './metadata.js'
export {default as dechaffSettle} from './settle.js'
export type {SettleOptions} from './settle.js'
export {default as dechaffKeep} from './classifiers/keep.js'
export type {KeepOptions} from './classifiers/keep.js'
export {default as dechaffPageType, classifyPage} from './classifiers/page-type.js'
export type {PageTypeModel, PageTypeOptions} from './classifiers/page-type.js'
export {pageFeatures, pageFeatureValues} from './page-features.js'
export {default as dechaffBlockModel, scoreBlocks} from './classifiers/block-model.js'
export type {BlockModel, BlockModelOptions, InputModel, LogisticModel} from './classifiers/block-model.js'
export type {BoostedTrees, Tree} from './boosted-trees.js'
export {blockFeatures, blockFeatureValues, contextFeatures, contextFeatureValues} from './block-features.js'
export type {BlockFeature} from './block-features.js'
export {default as dechaffForumChrome} from './classifiers/forum-chrome.js'
export type {ForumChromeOptions} from './classifiers/forum-chrome.js'
export {default as dechaffProductDescription} from './classifiers/product-description.js'
export type {ProductDescriptionOptions} from './classifiers/product-description.js'
export type {PageFeature} from './page-features.js'
export {default as dechaffPhrases} from './classifiers/phrases.js'
export type {PhrasesOptions} from './classifiers/phrases.js'
export {default as dechaffConsentDialog} from './classifiers/consent-dialog.js'
export type {ConsentDialogOptions} from './classifiers/consent-dialog.js'
export {default as dechaffMetadata} from './classifiers/metadata.js'
export type {MetadataOptions} from './classifiers/metadata.js'
export {default as dechaffCaption} from './classifiers/caption.js'
export type {CaptionOptions} from './classifiers/caption.js'
export {default as dechaffNavigation} from './classifiers/navigation.js'
export type {NavigationOptions} from './classifiers/navigation.js'
export {default as dechaffRepetition} from './classifiers/repetition.js'
export type {RepetitionOptions} from './classifiers/repetition.js'
export {default as dechaffRepeatedItems} from './classifiers/repeated-items.js'
export type {RepeatedItemsOptions} from './classifiers/repeated-items.js'
export {default as dechaffRepeatedRecords} from './classifiers/repeated-records.js'
export type {RepeatedRecordsOptions} from './classifiers/repeated-records.js'
export {default as dechaffSiteHeader} from './classifiers/site-header.js'
export type {SiteHeaderOptions} from './classifiers/site-header.js'
export {default as dechaffAuthorBio} from './classifiers/author-bio.js'
export type {AuthorBioOptions} from './classifiers/author-bio.js'
export {default as dechaffQuality} from './classifiers/quality.js'
export type {QualityOptions} from './classifiers/quality.js'
export {default as dechaffCommentThread} from './classifiers/comment-thread.js'
export type {CommentThreadOptions} from './classifiers/comment-thread.js'
export {default as dechaffRepeatedCopy} from './classifiers/repeated-copy.js'
export type {RepeatedCopyOptions} from './classifiers/repeated-copy.js'
export {default as dechaffQuotedPosts} from './classifiers/quoted-posts.js'
export type {QuotedPostsOptions} from './classifiers/quoted-posts.js'
export {default as dechaffTrailingStories} from './classifiers/trailing-stories.js'
export type {TrailingStoriesOptions} from './classifiers/trailing-stories.js'
export {default as dechaffMainRegion} from './classifiers/main-region.js'
export type {MainRegionOptions} from './classifiers/main-region.js'
export {checkCorpus} from './check/corpus.js'
export type {CheckOptions, CheckReport, PageReport, PageStatus} from './check/corpus.js'
export {paragraphDiff} from './check/diff.js'
export {tokenize, tokenOverlap, scoresOf} from './metrics.js'
export type {Overlap, Scores} from './metrics.js'
export {Lexicon, furnitureLexicon, furnitureLexiconFor} from './lexicon.js'
export type {LexiconData, LexiconMatch, LexiconRuleData} from './lexicon.js'
export {blocksOf, markRemoved, isRemoved} from './tree.js'
export {createBlockNode, normalise, textLength} from './block.js'
export {detectLanguage, languageProfile} from './language.js'
export type {LanguageProfile, LanguageSource, Segmentation} from './language.js'
export {pageTypes} from './types.js'
export type {
  Block,
  BlockEvidence,
  BlockFeatures,
  BlockNode,
  ElementInfo,
  HtmlEvidence,
  InputKind,
  Mark,
  MetadataCandidate,
  MetadataField,
  MetadataSources,
  ModelDecision,
  PageEvidence,
  PageMetadata,
  PageType,
  PageTypeVerdict,
  ProductDescription,
  QualityClass,
  Root,
  SourcePlace,
  StatedMetadata,
  Verdict
} from './types.js'
export {createQueue, startWorker} from './queue/index.js'
export type {AddOptions, AddReport, DechaffQueue, DechaffWorker, FailedShard, QueueConnectionOptions, QueueStatus, ShardJobData, ShardResult, StartWorkerOptions, WorkerEvent} from './queue/index.js'
