// The live preview: a moment after typing stops, the service draws the pages of the PDF as pictures
// (a browser's own PDF viewer is not everywhere, and not in a headless one). Page 1 comes first, the
// others as they are scrolled to.

import { page, element, $ } from './context.js';
import { store } from './store.js';
import { api, errorOf, formPath } from './api.js';
import { describe, errorCount } from './problems.js';
import { previewHidden } from './layout.js';

const WAIT_MS = 500;
/** Pixels across a page picture: sharp when the preview is widened on a laptop, small enough to come quickly. */
const WIDTH = 1400;
let timer = null;
let generation = 0;
let shownText = null;
let observer = null;
/** The page each item of the outline starts on, by its list's pointer, as the service said with the first page. */
let sections = {};

/** After a check: a document without errors that changed since the last preview is drawn again. */
export function schedulePreview(force = false) {
  clearTimeout(timer);
  const errors = errorCount();
  const text = store.doc ? JSON.stringify(store.doc) : null;
  if (!text) {
    return;
  }
  if (errors) {
    generation++;
    $('preview-status').classList.remove('busy');
    $('preview-status').textContent = '';
    if (page.showAll || page.touched.size) {
      // The way to the errors from where the preview stopped: 检查 lists every one, each leading to its field.
      const show = element('button', { type: 'button', class: 'link', text: '查看错误', 'data-show-errors': '' });
      show.addEventListener('click', () => $('check').click());
      note('有 ' + errors + ' 处错误，预览暂停；改正后自动更新 ', show);
    } else {
      note('填写后在此预览');
    }
    return;
  }
  note('');
  // Hidden while typing: nothing is drawn, and the service is not asked, until it is shown again.
  if ((text === shownText && !force) || previewHidden()) {
    return;
  }
  timer = setTimeout(() => draw(text), force ? 0 : WAIT_MS);
}

function note(text, action) {
  const hint = $('preview-note');
  if (hint.dataset.text === text && !hint.hidden === Boolean(text)) {
    return; // the same note stays, its button with it
  }
  hint.dataset.text = text;
  hint.replaceChildren(text, ...(action ? [action] : []));
  hint.hidden = !text;
}

async function draw(text) {
  const mine = ++generation;
  const started = performance.now();
  $('preview-status').textContent = '正在更新预览…';
  $('preview-status').classList.add('busy');
  let first;
  try {
    first = await fetchPage(text, 1);
  } catch (e) {
    failed(mine, e.message);
    return;
  }
  if (mine !== generation) {
    return;
  }
  if (first.error) {
    failed(mine, first.error.message + (first.error.details || []).slice(0, 3)
      .map((d) => '；' + describe(d.path) + '：' + d.message).join(''));
    return;
  }
  shownText = text;
  sections = first.sections;
  note('');
  const pages = $('pages');
  const old = new Map([...pages.querySelectorAll('img[src]')].map((img) => [img.dataset.page, img.src]));
  observer?.disconnect();
  observer = new IntersectionObserver((seen) => seen.forEach((entry) => {
    if (entry.isIntersecting) {
      observer.unobserve(entry.target);
      load(entry.target, text, mine);
    }
  }), { root: $('pages'), rootMargin: '600px 0px' });
  const figures = [];
  for (let n = 1; n <= first.pages; n++) {
    const img = element('img', { alt: '', 'data-page': String(n), class: 'page-picture' });
    if (n === 1) {
      img.src = first.url;
      img.alt = '第 1 页';
    } else {
      if (old.has(String(n))) {
        img.src = old.get(String(n));
      }
      img.classList.add('stale');
      observer.observe(img);
    }
    // A picture of 1400 px shown a third as wide: chosen, it opens at its own size, to be read.
    const open = element('button', { type: 'button', class: 'page-open', 'aria-label': '放大查看第 ' + n + ' 页' }, img);
    open.addEventListener('click', () => view(img, n, first.pages));
    figures.push(element('figure', {}, open, element('figcaption', { text: '第 ' + n + ' 页 共 ' + first.pages + ' 页' })));
  }
  pages.replaceChildren(...figures);
  old.forEach((url) => setTimeout(() => URL.revokeObjectURL(url), 5000));
  $('preview-status').classList.remove('busy');
  $('preview-status').textContent = '预览已更新（' + first.pages + ' 页，' + Math.round(performance.now() - started) + ' 毫秒）'
    + (first.warnings ? '，' + first.warnings + ' 条提醒' : '');
}

function failed(mine, message) {
  if (mine === generation) {
    $('preview-status').classList.remove('busy');
    $('preview-status').textContent = '预览未能更新：' + message;
  }
}

async function load(img, text, mine) {
  try {
    const picture = await fetchPage(text, Number(img.dataset.page));
    if (mine === generation && !picture.error) {
      img.src = picture.url;
      img.alt = '第 ' + img.dataset.page + ' 页';
      img.classList.remove('stale');
    }
  } catch (e) {
    failed(mine, e.message);
  }
}

async function fetchPage(text, n) {
  const response = await api(formPath(page.formId, 'page') + '?page=' + n + '&width=' + WIDTH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'image/png' },
    body: text,
  });
  if (!response.ok) {
    return { error: await errorOf(response) };
  }
  return {
    url: URL.createObjectURL(await response.blob()),
    pages: Number(response.headers.get('X-Page-Count') || '1'),
    warnings: Number(response.headers.get('X-Warning-Count') || '0'),
    sections: readSections(response.headers.get('X-Page-Sections')),
  };
}

function readSections(header) {
  try {
    return JSON.parse(header || '{}');
  } catch (e) {
    return {};
  }
}

/** The preview shows the page an item chosen in the outline starts on (a project of a 30-project 目标表 on page 7). */
export function showPageOf(path) {
  const list = path.substring(0, path.lastIndexOf('/'));
  const page_ = (sections[list] || [])[Number(path.substring(list.length + 1))];
  const figure = page_ && $('pages').querySelector('img[data-page="' + page_ + '"]')?.closest('figure');
  if (!figure) {
    return;
  }
  $('pages').querySelectorAll('figure.chosen').forEach((f) => f.classList.remove('chosen'));
  figure.classList.add('chosen');
  // Scrolled within the preview only: the form stays where the outline put it.
  $('pages').scrollTop = figure.offsetTop;
}

/** A page at the size it was drawn, in a dialog (Esc or 关闭 close it). */
function view(img, n, pages) {
  if (!img.src || img.classList.contains('stale')) {
    return;
  }
  $('page-view-image').src = img.src;
  $('page-view-image').alt = '第 ' + n + ' 页';
  $('page-view-title').textContent = '第 ' + n + ' 页 共 ' + pages + ' 页';
  $('page-view').showModal();
}

$('page-view-close').addEventListener('click', () => $('page-view').close());

/** Another document: the old pictures go. */
export function clearPreview() {
  clearTimeout(timer);
  generation++;
  shownText = null;
  $('pages').replaceChildren();
  $('preview-status').textContent = '';
}
