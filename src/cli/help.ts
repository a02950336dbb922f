import {defaultMaxBytes, defaultTimeoutMs} from '../limits.js'

/** Flags that say how to read and clean a page, shared by `clean`, `explain`, `check` and `queue add`. */
const pageFlagsHelp = `      --input KIND            auto, text or html (default: auto, from the bytes; on standard input,
                              text or html means the whole of it is one page)
      --parser P              HTML parser: parse5 or jsdom (a browser-grade DOM; slower) (default: parse5)
      --page-type T           every page is of type T: article, forum, product, collection, listing,
                              documentation or service (default: decided page by page)
      --language CODE         the pages' language, an ISO 639-1 code such as de or zh (default: auto,
                              detected page by page)
      --model, --no-model     let the block model trained on labelled pages decide the blocks no phrase
                              rule removed, on HTML and text dumps (with explain, each block shows its
                              probability), or on neither: the hand-set quality classes and smoothing
                              decide (default: both)
      --max-bytes N           largest page (default: ${defaultMaxBytes})
      --timeout-ms N          time budget per page in ms (default: ${defaultTimeoutMs}; 0 for none)
      --config FILE           options file (default: the nearest dechaff.config.json, or the "dechaff"
                              field of a package.json, above the input)`

const formatFlagsHelp = `      --format F              text, markdown (GFM), html (clean HTML) or json (one object a page: text,
                              metadata, blocks) (default: text); --out files end in .txt, .md, .html, .json
      --links, --images       markdown and html: keep links and images (default: text only)
      --front-matter          markdown: start each page with its metadata as YAML front matter
      --comments              give an article's comment thread back as "comments" beside "text" in
                              --format json and in JSON Lines records (default: off: left out)`

const globsHelp = `      --include GLOB, --exclude GLOB   which files to take from folders (repeatable); a glob without
                              a slash matches file names at any depth (*.html), one with a slash
                              matches paths relative to the folder (news/**/*.html)`

/** Each command's help: what `dechaff COMMAND --help` and `dechaff help COMMAND` print. */
export const commandHelp: Record<string, string> = {
  clean: `Usage: dechaff clean [FILE|DIR|-]... [options]

Clean pages: files, folders (recursively), JSON Lines (.jsonl, .ndjson, .jsonl.gz: one record a
line with an id and text or html), WARC/WET (.warc, .warc.gz, .wet, .wet.gz) or standard input
(none or -), which is read as it arrives: gzip is unpacked, then WARC/WET, JSON Lines or one page.

Options:
      --out DIR               write each page to DIR, mirroring the input (a/b.html → DIR/a/b.txt;
                              JSON Lines record → DIR/FILE/ID.txt; WARC record → DIR/FILE/URI-HASH.txt)
      --output FILE           write JSON Lines {id, ...fields, text, metadata, removed, ms} to FILE
                              (- for stdout; the default for JSON Lines and WARC input without --out)
${formatFlagsHelp}
${pageFlagsHelp}
      --ordered               JSON Lines in input order
      --no-timings            JSON Lines without each record's ms: the same input gives the same bytes
      --jobs N                worker threads (default: the number of cores)
      --errors FILE           JSON Lines {id, reason} for records that could not be cleaned (default: stderr)
      --resume                skip records a previous run completed (--out files, --output/--errors
                              lines); records that timed out or lost their worker are cleaned again
      --retry-errors          with --resume: clean every record of the errors file again
${globsHelp}
      --quiet                 no progress line or summary
      --explain               list each removed block with its rule and reason (stderr)
`,
  check: `Usage: dechaff check [options]

Compare a corpus with its golden files; report changed pages, pages without a golden file and
golden files whose page is gone.

Options:
      --corpus DIR            input pages (default: corpus)
      --golden DIR            expected outputs (default: golden)
      --only GLOB             check only the pages matching GLOB (relative to the corpus; a glob
                              without a slash matches file names at any depth)
      --format F              which golden files: text (<page>.txt, every page), markdown (<page>.md) or
                              html (<page>.html), checked for the pages that have one (default: text)
      --update                write current outputs as golden files where they changed or were missing
                              and remove golden files whose page is gone (markdown and html: new files
                              only for pages named by --only)
      --json                  machine-readable report on stdout
${pageFlagsHelp}
`,
  explain: `Usage: dechaff explain FILE|- [options]

The page's metadata with the source of each field, then every block, kept or removed, the rule, the
reason and the scores. Each block starts with LINE:COLUMN in the page's source: for a text page,
where the block starts; for HTML, where its element starts, followed by the element (with --parser
jsdom, its place in the page's text view). FILE may be a page, - (standard input), or a JSON Lines
or WARC/WET file with --id.

Options:
      --id ID                 the record of a JSON Lines or WARC/WET file to explain (JSON Lines id,
                              WARC-Record-ID or target URI); needed when it holds more than one
      --json                  machine-readable metadata, sources and blocks on stdout
${pageFlagsHelp}
`,
  queue: `Usage: dechaff queue add SHARD... --out DIR [options]
       dechaff queue status [--watch] [--json]
       dechaff queue retry

queue add: one job per shard for workers on any machine: a JSON Lines, WARC or WET file (gzipped or
not), or a folder (each such file in it, and its page files together); a shard queued before (same
path, size, time) is skipped. status: shards waiting, active, done and failed; pages, pages/s, ETA,
failures. retry: move failed shards back to waiting.

Options:
      --out DIR               (add) where workers write SHARD.jsonl and SHARD.errors.jsonl (a folder
                              every worker sees)
${formatFlagsHelp}
${pageFlagsHelp}
${globsHelp}
      --attempts N            (add) tries before a shard is failed (default: 3)
      --backoff-ms N          (add) wait before the first retry, doubled each time (default: 10000)
      --watch                 (status) redraw every 2 s until interrupted
      --json                  (status) one JSON object ({counts: {waiting, active, completed, failed, ...}, ...})
      --quiet                 (add, retry) no report
      --redis URL             the queue's Redis (default: redis://127.0.0.1:6379)
      --name NAME             the queue's name (default: dechaff)
`,
  worker: `Usage: dechaff worker [options]

Clean queued shards until SIGTERM or SIGINT (the shard in hand finishes).

Options:
      --jobs N                worker threads (default: the number of cores)
      --lock-ms N             a killed worker's shard goes to another after about N ms (default: 30000)
      --until-empty           stop when no shard is waiting, delayed or active
      --quiet                 log only failures
      --redis URL             the queue's Redis (default: redis://127.0.0.1:6379)
      --name NAME             the queue's name (default: dechaff)
`
}

/** What `dechaff`, `dechaff --help` and `dechaff help` print. */
export const usage = `Usage: dechaff <command> [options]

Strip boilerplate from scraped pages, explaining every removal.

Commands:
  clean [FILE|DIR|-]...     clean pages, folders, JSON Lines, WARC/WET or standard input
  check                     compare a corpus with its golden files
  explain FILE|-            every block of one page, kept or removed, by which rule and why
  queue add|status|retry    spread shards over machines through a Redis queue
  worker                    clean queued shards
  help COMMAND              that command's options (or: dechaff COMMAND --help)

Options:
  -h, --help                this help
  -v, --version             dechaff's version

Exit status: 0 success; 1 check found changed or missing pages, or golden files whose page is
gone; 2 usage error (before any page is read), input error, pages that failed with no --errors
file, or a batch stopped by an output it cannot write.
`

/** A command line that cannot run: bad flags or operands. Exit 2 before any page is read, with the command's help named. */
export class UsageError extends Error {
  override name = 'UsageError'

  constructor(
    message: string,
    /** The command whose help says how to use it. */
    readonly command?: string
  ) {
    super(message)
  }
}
