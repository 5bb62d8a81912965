// The tolerant name search as SQL, in one place: Personen zoeken and the coordinators' members table
// both match and rank names through these two conditions on the `people` row of the statement.
import { sql, type SQL } from "drizzle-orm";
import { people } from "@/lib/db/schema/people";
import { splitSearchQuery, typoAllowance } from "./rules";

// The whole name folded the way ploeg_name_key folds it: a stored column with a trigram index.
const nameKey = people.nameKey;

export type NameSearch = { match: SQL; score: SQL<number> };

/**
 * The condition that a person's name matches every word of `query`, and a score to rank by (higher
 * is better); null when the query has no words. Tolerant of infixes ("vries", "de vries"), accents
 * ("zoe" finds "Zoë"), word order and small typos ("jansn", "vreis", "vres"): a word matches when it
 * occurs in the name, is trigram-similar to part of it (pg_trgm's `<%`, at its default
 * word_similarity_threshold of 0.6), or is within a few letters of a name word (fuzzystrmatch's
 * Levenshtein distance, `typoAllowance`). Words of one or two letters ("Jan de V") must start a name word.
 */
export function nameSearch(query: string): NameSearch | null {
  const words = splitSearchQuery(query);
  if (words.length === 0) return null;
  const phrase = words.join(" ");
  const wordMatches = words.map((word) =>
    word.length < 3
      ? sql`(' ' || ${nameKey}) like ('% ' || ploeg_search_key(${word}) || '%')`
      : sql`(${nameKey} like ('%' || ploeg_search_key(${word}) || '%') or ploeg_search_key(${word}) <% ${nameKey} or ${isWithinTypos(word)})`,
  );
  // The whole phrase starting a name word ("jan de v", "de vries") ranks above a fuzzy match; a name
  // word a typo away from a search word ("vres": Vries) above one that merely shares a few trigrams.
  const typoBonus = words.filter((word) => word.length >= 3).map((word) => sql` + case when ${isWithinTypos(word)} then 0.5 else 0 end`);
  const score = sql<number>`(word_similarity(ploeg_search_key(${phrase}), ${nameKey})
    + case when (' ' || ${nameKey}) like ('% ' || ploeg_search_key(${phrase}) || '%') then 1 else 0 end${sql.join(typoBonus)})`;
  return { match: sql.join(wordMatches, sql` and `), score };
}

/** Some word of the name is the search word with at most `typoAllowance` letters off, the first letter right. */
function isWithinTypos(word: string): SQL {
  const allowance = typoAllowance(word);
  // The LIKE first: a cheap test that some name word starts with the right letter spares most rows the subquery.
  return sql`((' ' || ${nameKey}) like ('% ' || left(ploeg_search_key(${word}), 1) || '%') and exists (
    select 1 from unnest(string_to_array(${nameKey}, ' ')) as name_part(word)
    where left(name_part.word, 1) = left(ploeg_search_key(${word}), 1)
      and length(name_part.word) >= ${word.length - 1}::int
      and levenshtein_less_equal(name_part.word, ploeg_search_key(${word}), ${allowance}::int) <= ${allowance}::int
  ))`;
}
