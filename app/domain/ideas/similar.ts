// Possible duplicates: ideas whose titles share most of their meaningful words with a new title,
// so a resident can support an existing idea instead of splitting its support.
const STOPWORDS = new Set(
  "the and for with from that this into more some near our your their new our a an of to in on at by or is are be it its de la el los las del y en con para por una un que al se lo mas".split(" "),
);

/** The meaningful words of a title: lower case, accents and plurals folded, short and common words dropped. */
export function titleWords(title: string): Set<string> {
  const words = title
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !STOPWORDS.has(w))
    .map((w) => (w.length > 4 && w.endsWith("es") ? w.slice(0, -2) : w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w));
  return new Set(words);
}

/** Share of words in common (Jaccard index), 0 to 1. */
export function titleSimilarity(a: string, b: string): number {
  const x = titleWords(a);
  const y = titleWords(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

/** The most similar existing ideas (at most `limit`), most similar first. */
export function similarIdeas<T extends { title: string }>(title: string, ideas: readonly T[], limit = 5, threshold = 0.34): T[] {
  return ideas
    .map((idea) => ({ idea, score: titleSimilarity(title, idea.title) }))
    .filter((s) => s.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.idea);
}
