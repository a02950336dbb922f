import data from './data/comments.json' with {type: 'json'}

/** Words that name a comment thread in its header ("Comments", "Responses", "Kommentare", "评论"): `headerWords` in `data/comments.json`. */
export const commentHeaderWords: ReadonlySet<string> = new Set(data.headerWords)

/** A header's words that open with a count of comments ("137 comments… read them below", "45 Responses to “…”", "1,234 Comments", whose separator splits the count in two words): a blog's thread under its post. */
export function opensWithCommentCount(words: readonly string[]): boolean {
  const counted = words.findIndex((word) => !/^\d/u.test(word))
  return counted > 0 && commentHeaderWords.has(words[counted] as string)
}
