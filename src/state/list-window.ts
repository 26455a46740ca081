/**
 * A selection inside a scrolling window over `count` rows: the part of the
 * library list (and any long list) that must never depend on the list's size.
 */
export interface ListWindow {
  selected: number;
  scrollTop: number;
  viewportRows: number;
  count: number;
}

export const LIST_MOVES = ['down', 'up', 'top', 'bottom', 'halfDown', 'halfUp', 'pageDown', 'pageUp'] as const;
export type ListMove = (typeof LIST_MOVES)[number];

/** True for the commands that move a cursor or selection (shared by every screen's keys). */
export function isListMove(command: string | null): command is ListMove {
  return command !== null && (LIST_MOVES as readonly string[]).includes(command);
}

/** Selects `index` (clamped) and scrolls the least needed to show it. */
export function selectIndex(w: ListWindow, index: number): ListWindow {
  const selected = Math.max(0, Math.min(index, w.count - 1));
  let top = w.scrollTop;
  if (selected < top) top = selected;
  if (selected >= top + w.viewportRows) top = selected - w.viewportRows + 1;
  const maxTop = Math.max(0, w.count - w.viewportRows);
  return { ...w, selected: Math.max(0, selected), scrollTop: Math.max(0, Math.min(top, maxTop)) };
}

/** Applies a movement key. */
export function moveWindow(w: ListWindow, move: ListMove): ListWindow {
  const page = Math.max(1, w.viewportRows - 1);
  const half = Math.max(1, Math.floor(w.viewportRows / 2));
  switch (move) {
    case 'down':
      return selectIndex(w, w.selected + 1);
    case 'up':
      return selectIndex(w, w.selected - 1);
    case 'top':
      return selectIndex(w, 0);
    case 'bottom':
      return selectIndex(w, w.count - 1);
    case 'halfDown':
    case 'halfUp':
    case 'pageDown':
    case 'pageUp': {
      const by = (move === 'halfDown' || move === 'halfUp' ? half : page) * (move.endsWith('Down') ? 1 : -1);
      const maxTop = Math.max(0, w.count - w.viewportRows);
      const scrollTop = Math.max(0, Math.min(w.scrollTop + by, maxTop));
      return selectIndex({ ...w, scrollTop }, w.selected + by);
    }
    default: {
      const never: never = move;
      return never;
    }
  }
}

/** Resizes the window, keeping the selection in view. */
export function resizeWindow(w: ListWindow, viewportRows: number, count = w.count): ListWindow {
  return selectIndex({ ...w, viewportRows: Math.max(1, viewportRows), count }, w.selected);
}
