/** Where things are in an article's files, for `file:line` messages. */
export interface SourceLines {
  /** Line of the n-th fact in facts.yaml: of its `key:` when given and present, else of the entry. */
  fact: (index: number, key?: string) => number | undefined;
  /** Line of the n-th glossary entry in facts.yaml. */
  glossary: (index: number) => number | undefined;
  /** Line of a front-matter key in article.en.md / article.de.md. */
  enKey: (key: string) => number | undefined;
  deKey: (key: string) => number | undefined;
  /** Line of paragraph `paragraph`'s entry in the `alignment:` of article.en.md. */
  alignment: (paragraph: string) => number | undefined;
}
