// The page's three columns at a laptop's width: the 目录 folded gives its width to the form, the preview can be
// hidden while typing (both remembered in this browser), and what stays at the top is placed under the header
// however many lines the header takes.

import { $ } from './context.js';

const PREVIEW_HIDDEN = 'jixiao-forms.preview-hidden';
const OUTLINE_FOLDED = 'jixiao-forms.outline-folded';

/** The header's height, for the bars and columns that stay in sight under it. */
function followHeader() {
  const header = document.querySelector('header.bar');
  const measure = () => document.documentElement.style.setProperty('--bar', header.offsetHeight + 'px');
  new ResizeObserver(measure).observe(header);
  measure();
}

function remembered(key) {
  try {
    return localStorage.getItem(key) === '1';
  } catch (e) {
    return false;
  }
}

function remember(key, yes) {
  try {
    localStorage.setItem(key, yes ? '1' : '0');
  } catch (e) {
    // storage refused (private mode): the choice lasts until the page is left
  }
}

/** 隐藏预览 / 显示预览: the preview's column narrows to its buttons; {@code shown} is told when it comes back. */
export function wireLayout(shown) {
  followHeader();
  const toggle = $('preview-hide');
  const apply = (hidden) => {
    document.body.classList.toggle('preview-hidden', hidden);
    toggle.setAttribute('aria-pressed', String(hidden));
    toggle.textContent = hidden ? '显示预览' : '隐藏预览';
  };
  apply(remembered(PREVIEW_HIDDEN));
  toggle.addEventListener('click', () => {
    const hidden = !document.body.classList.contains('preview-hidden');
    if (hidden && document.body.classList.contains('wide-preview')) {
      $('preview-wide').click();
    }
    apply(hidden);
    remember(PREVIEW_HIDDEN, hidden);
    if (!hidden) {
      shown();
    }
  });
  const outline = $('outline-box');
  outline.open = !remembered(OUTLINE_FOLDED);
  outline.addEventListener('toggle', () => remember(OUTLINE_FOLDED, !outline.open));
}

export function previewHidden() {
  return document.body.classList.contains('preview-hidden');
}
