/**
 * The schema of a library's feeds.yaml: the feeds the library follows. It lives with the other
 * file schemas (one source of truth; `npm run schema` writes it as JSON Schema).
 */
import { z } from 'zod';

export { FEEDS_FILE } from './library-paths.js';

const text = z.string().trim().min(1);

export const feedSubscription = z
  .object({
    url: z.url({ protocol: /^https?$/ }).describe('Address of the RSS or Atom feed'),
    name: text.optional().describe('Name shown in lists and used by commands (default: the feed title found when it was added)'),
    fullText: z
      .boolean()
      .optional()
      .describe("Fetch each new item's page and take its text (true), or keep the feed's own text (false); default: feeds.fullText of the config file, else true"),
    translate: z
      .enum(['auto', 'off'])
      .optional()
      .describe('auto: machine-draft English for new articles of this feed after a refresh (needs a translation provider); default: feeds.translate of the config file, else off'),
    translateBudget: z
      .int()
      .min(0)
      .optional()
      .describe('At most this many characters of German machine-translated per refresh for this feed'),
  })
  .strict();

export const feedsFile = z
  .object({
    feeds: z.array(feedSubscription).default([]),
  })
  .strict();

export type FeedSubscription = z.infer<typeof feedSubscription>;
export type FeedsFile = z.infer<typeof feedsFile>;
