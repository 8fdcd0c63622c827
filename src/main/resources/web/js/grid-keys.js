// The keys of a grid as in a spreadsheet: Enter takes a value and moves down (Alt+Enter starts a new line in a
// long text), a drop-down takes its choice and goes on in the row, the last row grows from the keyboard, and
// Ctrl+Z in a cell being typed in takes back its typing.

import { grids, addRow } from './grid.js';

/** A key pressed in a grid, before Tabulator sees it: in the last row, Enter, or Tab from its last cell, adds a row. */
export function keys(state, event) {
  const table = state.table;
  const cell = state.editing;
  const long = event.target.tagName === 'TEXTAREA';
  if (cell && long && event.key === 'Enter' && event.altKey) {
    // Alt+Enter starts a new line in a long text, as in Excel and WPS.
    event.preventDefault();
    event.stopPropagation();
    event.target.setRangeText('\n', event.target.selectionStart, event.target.selectionEnd, 'end');
    event.target.dispatchEvent(new Event('input', { bubbles: true }));
    return;
  }
  if (!cell || event.shiftKey || event.altKey) {
    return;
  }
  const rows = table.getRows();
  const last = rows.indexOf(cell.getRow()) === rows.length - 1;
  const cells = cell.getRow().getCells().filter((c) => c.getField());
  if ((event.key === 'Enter' || event.key === 'Tab') && cell.getColumn().getDefinition().editor === 'list') {
    // A drop-down takes the highlighted choice, or the only one left by what was typed, and the keyboard
    // stays in the row, at the next cell.
    const items = [...document.querySelectorAll('.tabulator-edit-list .tabulator-edit-list-item')];
    const only = !items.some((item) => item.classList.contains('focused')) && items.length === 1 ? items[0] : null;
    const next = cells[cells.indexOf(cell) + 1];
    if (only || event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      only?.click();
      if (!only) {
        items.find((item) => item.classList.contains('focused'))?.click();
      }
      setTimeout(() => next && cell.getRow().getCell(next.getField()).edit(true));
    }
  } else if (event.key === 'Enter' && event.target.tagName === 'INPUT') {
    setTimeout(() => (last ? addRow(state, cell.getField()) : cell.navigateDown()));
  } else if (event.key === 'Enter' && long) {
    // Enter takes a long text as it does a short one; leaving the text area is what takes it.
    event.preventDefault();
    event.stopPropagation();
    const below = rows[rows.indexOf(cell.getRow()) + 1];
    event.target.blur();
    setTimeout(() => (last ? addRow(state, cell.getField()) : below.getCell(cell.getField()).edit(true)));
  } else if (event.key === 'Tab' && last && cells[cells.length - 1] === cell) {
    event.preventDefault();
    event.stopPropagation();
    addRow(state, cells[0].getField());
  }
}

/** Ctrl+Z in a cell being edited: the cell goes back to its value; true when something had been typed in it. */
export function cancelTyping() {
  for (const state of grids.values()) {
    const cell = state.editing;
    const element_ = cell && cell.getElement();
    if (element_ && element_.classList.contains('tabulator-editing')) {
      const input = element_.querySelector('input, textarea');
      const typed = Boolean(input) && state.openedWith !== null && input.value !== state.openedWith;
      cell.cancelEdit();
      return typed;
    }
  }
  return false;
}
