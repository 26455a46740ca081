/** Things the reader asks of the outside world; injected so tests can stand in for them. */
import type { Article } from '../content/article.js';

export interface ExternalResult {
  ok: boolean;
  /** One line for the status bar. */
  message: string;
}

export interface Externals {
  /** Opens a URL in the user's browser (never through a shell). */
  openUrl(url: string): Promise<ExternalResult>;
  /** Edits the English of paragraph `index` (0-based) in $VISUAL/$EDITOR; the UI is suspended meanwhile. */
  editParagraph(article: Article, index: number): Promise<ExternalResult>;
}
