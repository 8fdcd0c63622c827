// Rows pasted into an indicator grid from Excel or WPS. What they put on the clipboard when rows are copied:
// cells separated by tabs, rows by line breaks, a cell that holds a tab, a line break or a quote wrapped in
// quotes with its quotes doubled.

import { page, amountUnit } from './context.js';
import { join } from './store.js';
import { kindOf } from './schema.js';
import { readerFor } from './typing.js';
import { matchChoice, choicesOf } from './fields.js';

export function parseTable(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const source = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  row.push(cell);
  rows.push(row);
  return rows.map((r) => r.map((v) => v.trim()));
}

/**
 * Which field each pasted column goes to. A first row that names the grid's columns (三级指标, 年度指标值 …) is
 * a header: its columns go by name, and it is not pasted. Otherwise the columns go in order from
 * {@code start}, the column pasted into.
 */
export function columnsOf(table, names, titles, start) {
  const header = table[0] || [];
  const byTitle = header.map((text) => {
    const bare = text.replace(/\s/g, '');
    const index = titles.findIndex((title) => title && (title === bare || title.replace(/指标$/, '') === bare.replace(/指标$/, '')));
    return index >= 0 ? names[index] : null;
  });
  if (byTitle.filter(Boolean).length >= Math.min(2, header.length)) {
    return { columns: byTitle, body: table.slice(1) };
  }
  return { columns: header.map((_, i) => names[start + i] || null), body: table };
}

/**
 * Rows from a spreadsheet's clipboard (tab-separated, quoted where a cell holds a line break): by their
 * header when they bring one, else in order from the column pasted into; from the current row on,
 * adding rows past the last.
 */
export function paste(state, event, grid) {
  const text = event.clipboardData && event.clipboardData.getData('text/plain');
  if (!text || !/[\t\n]/.test(text.replace(/\r?\n$/, ''))) {
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  if (state.editing) {
    state.editing.cancelEdit();
  }
  const table = parseTable(text);
  const startColumn = state.editing ? state.names.indexOf(state.editing.getField()) : 0;
  const { columns, body } = columnsOf(table, state.names, state.names.map((n) => page.schema.resolve(state.item.properties[n]).title), Math.max(0, startColumn));
  const rows = state.table.getRows();
  let at = state.current && rows.includes(state.current) ? rows.indexOf(state.current) : rows.length;
  const first = at;
  const data = state.table.getData();
  for (const cells of body) {
    const row = at < data.length ? Object.assign({}, data[at]) : grid.emptyRow(state);
    cells.forEach((value, i) => {
      const name = columns[i];
      if (name) {
        row[name] = normalised(state, name, value);
      }
    });
    data[at++] = row;
  }
  state.table.replaceData(data).then(() => {
    grid.structural(state);
    // What was pasted counts as typed: its problems show at once, cell by cell.
    body.forEach((cells, i) => cells.forEach((_, c) => columns[c] && page.touched.add(join(join(state.path, first + i), columns[c]))));
  });
}

/** A pasted value as a cell holds it: 一级/二级 by their choice, figures as read. */
function normalised(state, name, value) {
  const node = page.schema.resolve(state.item.properties[name]);
  if (node['x-choices']) {
    const choice = matchChoice(node['x-choices'], value);
    return choice ? choice.value : value;
  }
  const kind = kindOf(node);
  const read = readerFor(kind, { unit: () => amountUnit([]), choices: kind === 'choices' ? choicesOf(node) : [] });
  const result = read ? read(value) : null;
  return result && !result.error ? result.value : value;
}
