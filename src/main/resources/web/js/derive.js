// A document made from one of another form (从目标表生成): the service carries what carries, as the form's folder
// declares, and says what is left to fill in; the officer picks the earlier form's file, JSON or workbook.

import { page, hooks, element, $ } from './context.js';
import { parseJson } from './store.js';
import { api, postJson, errorOf, formPath } from './api.js';
import { isWorkbook, MEDIA } from './files.js';

/** 目标表 of 项目支出绩效目标表, 监控表 of 项目支出绩效目标执行监控表: the words a form goes by on a button. */
function shortName(form) {
  return form.title.replace(/（[^）]*）$/, '').slice(-3);
}

/** One button a form the open one can be made from, beside 打开文件. */
export function offerDerive() {
  const here = page.forms.find((f) => f.id === page.formId);
  const sources = page.forms.filter((f) => (here?.derivableFrom || []).includes(f.id)); // in the forms' own order
  const place = $('derive-from');
  place.replaceChildren(...sources.map((source) => {
    const button = element('button', { type: 'button', class: 'derive', text: '从' + shortName(source) + '生成',
      title: '选一份' + source.title + '（JSON 或 Excel），把能带过来的内容填入新的' + here.title + '，其余留待填写' });
    button.dataset.from = source.id;
    button.addEventListener('click', () => {
      $('derive-file').dataset.from = source.id;
      $('derive-file').click();
    });
    return button;
  }));
  place.hidden = sources.length === 0;
}

/** The document of {@code from} a file holds: read as JSON, or imported by the service as that form's workbook. */
async function sourceDocument(file, from) {
  if (!isWorkbook(file)) {
    return parseJson(await file.text());
  }
  const response = await api(formPath(from, 'import'), {
    method: 'POST',
    headers: { 'Content-Type': MEDIA.xlsx, Accept: 'application/json' },
    body: await file.arrayBuffer(),
  });
  if (!response.ok) {
    throw await errorOf(response);
  }
  const answer = await response.json();
  if ((answer.errors || []).length) {
    throw { message: '工作簿有 ' + answer.errors.length + ' 处无法读取', details: answer.errors };
  }
  return answer.document;
}

/** Makes the open form's document from {@code file}, a document of {@code from}; the open form is left as it was on failure. */
export async function deriveFrom(file, from) {
  const source = page.forms.find((f) => f.id === from);
  hooks.status('正在由 ' + file.name + ' 生成…', true);
  try {
    const doc = await sourceDocument(file, from);
    const response = await postJson(formPath(page.formId, 'derive') + '?from=' + from, doc);
    if (!response.ok) {
      throw await errorOf(response);
    }
    const answer = await response.json();
    const toFill = answer.warnings.filter((w) => w.message.startsWith('待填写')).length;
    await hooks.load(answer.document, page.formId, '已由' + source.title + ' ' + file.name + ' 生成'
      + (toFill ? '：' + toFill + ' 处待填写，见错误列表' : ''), { notes: answer.warnings });
  } catch (e) {
    refused(file, source, e);
  }
}

/** A source that could not be used: its faults are listed beside the status, never placed on the open form. */
function refused(file, source, error) {
  const message = error && error.message ? error.message : String(error);
  hooks.status('未能由 ' + file.name + ' 生成（应为一份' + source.title + '）：' + message + '（表单未改动）');
  const details = (error && error.details) || [];
  if (details.length) {
    const items = details.slice(0, 20).map((p) => element('li', { text: (p.cell || p.path) + '：' + p.message }));
    $('status').append(element('ul', { class: 'refused-import' }, ...items));
  }
}
