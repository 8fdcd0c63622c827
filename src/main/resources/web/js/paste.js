// Rows pasted into an indicator grid from Excel or WPS. What they put on the clipboard when rows are copied:
// cells separated by tabs, rows by line breaks, a cell that holds a tab, a line break or a quote wrapped in
// quotes with its quotes doubled.

import { page, hooks, amountUnit } from './context.js';
import { ask } from './ask.js';
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
 * Where the columns of pasted rows start, by what they hold: a column whose values all read as 一级指标 (or 二级指标)
 * puts the block where that column lands on the grid's. {@code start} is the column pasted into; answers
 * {start, by: 'cursor' | 'content'}, or {ask: [cursor, content]} when the contents do not settle it: only codes
 * (1, 11) or only 二级指标 names, which a 三级指标 may share, say so against the cursor, or two readings disagree.
 */
export function alignment(body, names, choicesOf_, start) {
  const width = Math.max(0, ...body.map((row) => row.length));
  const anchors = [];
  for (const field of ['level1', 'level2']) {
    const at = names.indexOf(field);
    const choices = at >= 0 ? choicesOf_(field) : null;
    for (let c = 0; choices && c < width; c++) {
      const read = reading(body.map((row) => row[c] ?? ''), choices);
      if (read) {
        anchors.push({ field, start: at - c, sure: read === 'names' });
        break;
      }
    }
  }
  const content = anchors.length ? anchors[0].start : start;
  if (anchors.some((a) => a.start !== content)) {
    return { ask: [start, content] };
  }
  if (content === start) {
    return { start, by: 'cursor' };
  }
  if (anchors.some((a) => a.field === 'level1' && a.sure)) {
    return { start: content, by: 'content' };
  }
  return { ask: [start, content] };
}

/** Whether a column reads as choices: 'names' when every value filled is one by name or label, 'codes' when only by number. */
function reading(values, choices) {
  const filled = values.filter((v) => v !== '');
  if (!filled.length || !filled.every((v) => matchChoice(choices, v))) {
    return null;
  }
  return filled.every((v) => /^\d+$/.test(v)) ? 'codes' : 'names';
}

/**
 * Rows from a spreadsheet's clipboard (tab-separated, quoted where a cell holds a line break): by their
 * header when they bring one, else aligned by what they hold or from the column pasted into; from the
 * current row on, adding rows past the last. Columns the grid has no place for are said, with what they hold.
 */
export async function paste(state, event, grid) {
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
  const startColumn = Math.max(0, state.editing ? state.names.indexOf(state.editing.getField()) : 0);
  const titles = state.names.map((n) => page.schema.resolve(state.item.properties[n]).title || n);
  let { columns, body } = columnsOf(table, state.names, titles, startColumn);
  let aligned = false;
  if (body === table) {
    const choices = (name) => page.schema.resolve(state.item.properties[name])['x-choices'] || [];
    const found = alignment(body, state.names, choices, startColumn);
    let start = found.start;
    if (found.ask) {
      start = await ask('粘贴的内容像是从「' + (titles[found.ask[1]] || '表外') + '」列开始，光标却在「' + titles[found.ask[0]] + '」列。', [
        { label: '按内容对齐', value: found.ask[1] },
        { label: '从当前列粘贴', value: found.ask[0] },
      ]);
      if (start === null) {
        hooks.status('未粘贴');
        return;
      }
    }
    aligned = start !== startColumn;
    columns = widest(body).map((_, i) => state.names[start + i] || null);
  }
  put(state, grid, columns, body);
  hooks.status(said(body, columns, titles, state.names, aligned));
}

function widest(body) {
  return Array.from({ length: Math.max(0, ...body.map((row) => row.length)) });
}

/** The rows written into the grid from the current row on, as one change. */
function put(state, grid, columns, body) {
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
    // The keyboard stays where the paste went, at its first cell, as in a spreadsheet.
    const row = state.table.getRows()[first];
    const cell = row && columns.find(Boolean) && row.getCell(columns.find(Boolean));
    if (cell) {
      state.current = row;
      cell.edit(true);
    }
  });
}

/** What a paste did, in a line: how many rows, whether aligned by content, and every column it had no place for. */
function said(body, columns, titles, names, aligned) {
  const words = ['已粘贴 ' + body.length + ' 行'];
  const firstPlaced = columns.findIndex(Boolean);
  if (aligned && firstPlaced >= 0) {
    words.push('按内容对齐，第 ' + (firstPlaced + 1) + ' 列起填入「' + titles[names.indexOf(columns[firstPlaced])] + '」列');
  }
  const left = widest(body).map((_, i) => i).filter((i) => !columns[i] && body.some((row) => (row[i] || '') !== ''));
  if (left.length) {
    words.push('另有 ' + left.length + ' 列表中没有对应的栏目，未粘贴：' + left.map((i) => '第 ' + (i + 1) + ' 列「'
      + body.map((row) => row[i] || '').filter(Boolean).join('、') + '」').join('；'));
  }
  return words.join('，');
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
