// What Excel and WPS put on the clipboard when rows are copied: cells separated by tabs, rows by line
// breaks, a cell that holds a tab, a line break or a quote wrapped in quotes with its quotes doubled.

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
