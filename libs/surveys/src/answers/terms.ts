/**
 * Terms of a free-text answer, for the report's digest of the most frequent terms. Chinese has
 * no spaces between words: the text is cut into words with ICU's dictionary-based segmenter
 * (`Intl.Segmenter('zh', { granularity: 'word' })`, full ICU in Node 20), or — where a Node is
 * built without it — into overlapping two-character pieces of each run of Chinese characters.
 * Words of one character, numbers and stop words (function words and words every answer
 * about training uses) are left out; each term counts once per answer, so that the digest
 * counts the respondents who wrote it.
 */

/** Words that say nothing about what a worker needs. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // function words and fillers
    '一些 一下 一个 一定 一起 以及 还有 或者 而且 但是 因为 所以',
    '如果 就是 这个 那个 这些 那些 什么 怎么 怎样 如何 可以 能够',
    '可能 应该 需要 希望 建议 觉得 认为 比较 非常 特别 更加 更多',
    '多多 最好 尽量 适当 进行 开展 加强 提高 提升 增加 方面 相关',
    '有关 问题 内容 方式 时间 目前 现在 今后 以后 今年 明年 没有',
    '不要 不是 我们 自己 大家 他们 她们 其中 其他 其它 等等 之类',
    '以上 以下 已经 通过 对于 关于 由于 为了 能否 是否 有些 很多',
    '许多 每次 每年 一次 多次 还是 只是 只有 然后 同时 另外 此外',
    // what nearly every answer about community workers and their training says
    '培训 社区 工作 工作者 社区工作者 学习 课程 老师 组织 安排 活动',
  ]
    .join(' ')
    .split(' '),
);

const MAX_TERM = 12;
const HAN = /\p{Script=Han}/u;
const WORDLIKE = /^[\p{Script=Han}\p{L}\p{N}]+$/u;

let segmenter: Intl.Segmenter | null | undefined;

/** The word segmenter, or null where Intl.Segmenter cannot cut Chinese into words. */
export function chineseSegmenter(): Intl.Segmenter | null {
  if (segmenter !== undefined) return segmenter;
  try {
    const s = new Intl.Segmenter('zh', { granularity: 'word' });
    // a build without ICU's Chinese dictionary cuts every character apart
    const words = [...s.segment('社区治理')].filter((x) => x.isWordLike).map((x) => x.segment);
    segmenter = words.includes('社区') ? s : null;
  } catch {
    segmenter = null;
  }
  return segmenter;
}

const keep = (w: string): boolean =>
  w.length >= 2 &&
  w.length <= MAX_TERM &&
  WORDLIKE.test(w) &&
  !/^\p{N}+$/u.test(w) &&
  !STOP_WORDS.has(w);

/** Words by the ICU segmenter: its word-like segments, lower-cased (Latin), filtered. */
export function wordsOf(text: string, s: Intl.Segmenter): string[] {
  const out: string[] = [];
  for (const seg of s.segment(text.normalize('NFKC'))) {
    if (seg.isWordLike === false) continue;
    const w = seg.segment.toLowerCase();
    if (keep(w)) out.push(w);
  }
  return out;
}

/** The fallback: overlapping two-character pieces of each run of Chinese characters, and Latin words. */
export function bigramsOf(text: string): string[] {
  const out: string[] = [];
  for (const run of text.normalize('NFKC').match(/[\p{Script=Han}]+|[\p{L}\p{N}]+/gu) ?? []) {
    if (!HAN.test(run)) {
      const w = run.toLowerCase();
      if (keep(w)) out.push(w);
      continue;
    }
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const w = chars[i] + chars[i + 1];
      if (keep(w)) out.push(w);
    }
  }
  return out;
}

/** The distinct terms of one answer, in the order they first occur. */
export function extractTerms(
  text: string,
  s: Intl.Segmenter | null = chineseSegmenter(),
): string[] {
  return [...new Set(s ? wordsOf(text, s) : bigramsOf(text))];
}
