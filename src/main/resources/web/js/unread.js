// The columns of an imported workbook that nothing read, listed above the form so that no data is lost unseen.

import { element, $ } from './context.js';

/**
 * Lists each unread column: its header (or that it has none), its cell, and the cells below it that hold something;
 * or one cell a printed form's workbook does not read (a figure changed, text beside the form), with what it holds.
 */
export function showUnread(columns) {
  const bar = $('unread-bar');
  if (!columns.length) {
    bar.hidden = true;
    bar.replaceChildren();
    return;
  }
  const items = columns.map((column) => element('li', {
    class: column.filled ? 'unread-filled' : '',
    text: column.cells === column.cell ? '「' + column.header + '」（' + column.cell + '）：这一格未导入'
      : (column.header ? '「' + column.header + '」' : '无表头的一栏') + '（' + column.cell + '）'
      + (column.filled ? '：其下 ' + column.filled + ' 格有内容（' + column.cells + '），未导入' : '：空栏'),
  }));
  const close = element('button', { type: 'button', text: '知道了' });
  close.addEventListener('click', () => { bar.hidden = true; });
  bar.replaceChildren(element('strong', { text: '工作簿中未导入的栏目 ' + columns.length + ' 个：' }),
    element('ul', { class: 'unread-list' }, ...items), close);
  bar.hidden = false;
}
