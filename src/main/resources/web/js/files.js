// Files in and out: a document saved and opened again (JSON), an Excel workbook imported or exported,
// and the PDF and Word files downloaded under their Chinese names.

import { page, hooks, element, $ } from './context.js';
import { store, parseJson } from './store.js';
import { api, postJson, errorOf, fileName, formPath } from './api.js';
import { showRefusal } from './problems.js';
import { showUnread } from './unread.js';

export const MEDIA = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const LABEL = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel' };

export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Renders and saves a file, or opens a PDF to print; a refusal shows its problems in the list, as a check does. */
export async function downloadAs(format, opened = null) {
  const doc = hooks.currentDocument();
  if (doc === undefined) {
    return;
  }
  hooks.status('正在生成 ' + LABEL[format] + '…', true);
  try {
    const response = await postJson(formPath(page.formId, 'render') + '?format=' + format, doc, MEDIA[format]);
    if (!response.ok) {
      const error = await errorOf(response);
      if (error.details && error.details.length && error.code !== 'unsupported_format') {
        showRefusal(error);
        hooks.status('未能生成 ' + LABEL[format] + '：' + error.details.length + ' 处错误，见错误列表', false, true);
      } else {
        hooks.status('未能生成 ' + LABEL[format] + '：' + error.message);
      }
      return;
    }
    const name = fileName(response.headers.get('Content-Disposition')) || page.formId + '.' + format;
    if (opened) {
      opened.location.href = URL.createObjectURL(await response.blob());
      hooks.status('已在新标签页打开 ' + name + '，请从那里打印');
      return;
    }
    download(await response.blob(), name);
    const warnings = Number(response.headers.get('X-Warning-Count') || '0');
    hooks.status('已生成 ' + name + (warnings ? '（' + warnings + ' 条提醒）' : ''));
  } catch (e) {
    hooks.status(e.message);
  }
}

function documentName(doc) {
  const name = (doc.forms && doc.forms[0] && doc.forms[0].projectName) || doc.organization || page.formId;
  return String(name).replace(/[\\/:*?"<>|]/g, '_').trim() || page.formId;
}

/** The document as a file to open again later: 保存草稿. */
export function saveFile() {
  const doc = hooks.currentDocument();
  if (doc === undefined) {
    return;
  }
  download(new Blob([JSON.stringify(doc, null, 2) + '\n'], { type: 'application/json' }), documentName(doc) + '.json');
  store.dirty = false;
  hooks.status('已保存 ' + documentName(doc) + '.json');
}

export function isWorkbook(file) {
  return /\.xlsx$/i.test(file.name) || file.type === MEDIA.xlsx;
}

/** A JSON document, opened under the form type whose schema knows its fields best. */
export async function openJson(file) {
  let doc;
  try {
    doc = parseJson(await file.text());
  } catch (e) {
    hooks.status('无法读取 ' + file.name + '：不是 JSON 文件（' + e.message + '）');
    return;
  }
  const formId = await hooks.formFor(doc);
  await hooks.load(doc, formId, '已打开 ' + file.name);
}

/**
 * A workbook, read by the service into a document of the form it holds (the form in use unless the workbook
 * holds another): its problems are shown beside their fields with the cell each value came from, and the
 * columns nothing read are listed.
 */
export async function openWorkbook(file) {
  hooks.status('正在读取 ' + file.name + '…', true);
  let response;
  try {
    response = await api(formPath(page.formId, 'import') + '?anyForm=true', {
      method: 'POST',
      headers: { 'Content-Type': MEDIA.xlsx, Accept: 'application/json' },
      body: await file.arrayBuffer(),
    });
  } catch (e) {
    hooks.status(e.message);
    return;
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 404 || response.status === 405) {
      hooks.status('此服务还不能导入 Excel（' + error.message + '）');
    } else {
      refusedImport(file, error);
    }
    return;
  }
  const answer = await response.json();
  const errors = answer.errors || [];
  await hooks.load(answer.document, answer.form || page.formId,
    '已导入 ' + file.name + (errors.length ? '（' + errors.length + ' 处错误，见错误列表）' : ''), {
      sources: answer.sources || {},
      notes: answer.warnings || [],
      errors,
    });
  showUnread(answer.unread || []);
}

/** The template of the form in use, to fill in: 下载填写模板. */
export async function downloadTemplate() {
  try {
    const response = await api(formPath(page.formId, 'template.xlsx'));
    if (!response.ok) {
      hooks.status('未能下载填写模板：' + (await errorOf(response)).message);
      return;
    }
    const name = fileName(response.headers.get('Content-Disposition')) || page.formId + '.xlsx';
    download(await response.blob(), name);
    hooks.status('已下载 ' + name);
  } catch (e) {
    hooks.status(e.message);
  }
}

/**
 * A workbook refused: its faults are named by sheet and cell beside the status, never placed on the document
 * that is open, whose rows they are not about.
 */
function refusedImport(file, error) {
  hooks.status('未能导入 ' + file.name + '：' + error.message + '（表单未改动）');
  if (error.details.length) {
    const items = error.details.map((problem) => element('li', { text: (problem.cell ? problem.cell + '：' : '') + problem.message }));
    $('status').append(element('ul', { class: 'refused-import' }, ...items));
  }
}
