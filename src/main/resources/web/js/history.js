// Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z): each edit of a field or grid cell, each paste, each row or section added,
// moved or removed is one step back or forth. A step is the document as it was before it, kept as text.

import { page, hooks } from './context.js';
import { store, onChange, restore } from './store.js';

/** Steps kept to go back: enough for an afternoon's slips, bounded so that a long session stays light. */
const LIMIT = 200;
const back = [];
const forth = [];
/** The document as of the last change, as text: what a new step goes back to. */
let shadow = null;
/** The step still growing: more typing in the same field joins it. */
let open = null;
/** Changes made in one turn of the page (an edit and the sums it empties) are one step. */
let inTurn = false;
let restoring = false;

onChange(({ path, structural, edit }) => {
  if (!edit) {
    back.length = 0;
    forth.length = 0;
    open = null;
    shadow = store.doc ? JSON.stringify(store.doc) : null;
    return;
  }
  if (restoring || inTurn) {
    return;
  }
  inTurn = true;
  queueMicrotask(() => {
    inTurn = false;
    shadow = JSON.stringify(store.doc);
  });
  if (open && open.path === path && !structural) {
    return;
  }
  back.push({ text: shadow, path });
  if (back.length > LIMIT) {
    back.shift();
  }
  forth.length = 0;
  open = structural ? null : { path };
});

/** The step in hand is over: the next edit of the same field is a step of its own. */
export function seal() {
  open = null;
}

export function canUndo() {
  return back.length > 0;
}

/** Goes one step back (or forth, {@code from} and {@code to} swapped); false when there is none. */
function move(from, to, said) {
  const step = from.pop();
  if (!step) {
    hooks.status(said === '撤销' ? '没有可撤销的操作' : '没有可重做的操作');
    return false;
  }
  // A cell editor left open would write its old text into the document restored as the grid goes.
  hooks.cancelTyping();
  to.push({ text: JSON.stringify(store.doc), path: step.path });
  open = null;
  restoring = true;
  try {
    restore(step.text, step.path);
  } finally {
    restoring = false;
  }
  shadow = step.text;
  hooks.restored(step.path, said);
  return true;
}

export function undo() {
  return move(back, forth, '撤销');
}

export function redo() {
  return move(forth, back, '重做');
}

document.addEventListener('focusout', seal, true);
document.addEventListener('keydown', (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || page.mode !== 'form') {
    return;
  }
  const key = event.key.toLowerCase();
  const back_ = key === 'z' && !event.shiftKey;
  const forth_ = key === 'y' || (key === 'z' && event.shiftKey);
  if (!back_ && !forth_ || event.target.closest?.('#json-editor, #outline-search, dialog')) {
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  // A grid cell still being typed in takes back its own typing first, as a spreadsheet does.
  if (back_ && hooks.cancelTyping()) {
    return;
  }
  if (back_) {
    undo();
  } else {
    redo();
  }
}, true);
