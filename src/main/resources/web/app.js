'use strict';
// 预算绩效表单: an editor built from the public JSON Schemas of the service; it uses only the public API.
(() => {
  const state = {
    forms: [],
    formId: null,
    schema: null,
    doc: null,
    mode: 'form',
    problems: { errors: [], warnings: [] },
    token: sessionStorage.getItem('jixiao-token') || '',
    previewUrl: null,
    validateTimer: null,
    validation: 0,
    dirty: false,
  };
  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------- the API

  async function api(path, options = {}) {
    const headers = Object.assign({}, options.headers || {});
    if (state.token) {
      headers.Authorization = 'Bearer ' + state.token;
    }
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (response.status === 401) {
      $('token-bar').hidden = false;
      $('token').focus();
      throw new Error('需要访问令牌：请在上方输入');
    }
    return response;
  }

  function postDocument(path, accept) {
    return api(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: accept || 'application/json' },
      body: JSON.stringify(currentDocument()),
    });
  }

  async function errorOf(response) {
    try {
      const body = await response.json();
      return body.error || { message: '请求失败（' + response.status + '）', details: [] };
    } catch (e) {
      return { message: '请求失败（' + response.status + '）', details: [] };
    }
  }

  /**
   * JSON as written: numbers keep their digits (an amount 1323379.00, a rate 98.30) as strings, which
   * the service accepts; the browser's own numbers would drop the trailing zeros.
   */
  function parseJson(text) {
    return JSON.parse(text, (key, value, context) =>
      typeof value === 'number' && context && typeof context.source === 'string' ? context.source : value);
  }

  // ---------------------------------------------------------------- schema helpers

  function lookup(ref) {
    let node = state.schema;
    for (const part of ref.replace(/^#\//, '').split('/')) {
      node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return node;
  }

  /**
   * A schema node with its $ref resolved, and for a field that may be null its non-null branch; keywords beside
   * them (a field's own title) win.
   */
  function resolve(node) {
    let result = node || {};
    let guard = 0;
    while ((result.$ref || result.anyOf) && guard++ < 16) {
      const own = Object.assign({}, result);
      delete own.$ref;
      delete own.anyOf;
      const inner = result.$ref ? lookup(result.$ref) : result.anyOf.find((branch) => branch.type !== 'null') || {};
      result = Object.assign({}, inner, own);
    }
    return result;
  }

  function types(node) {
    return Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  }

  function isAmount(node) {
    return types(node).includes('number') && types(node).includes('string');
  }

  function isYesNo(node) {
    const t = types(node);
    return t.includes('boolean') && t.includes('null');
  }

  /** A value to start from for a node: what an empty form holds. */
  function emptyValue(node) {
    node = resolve(node);
    if (node.properties) {
      const value = {};
      for (const name of node.required || []) {
        value[name] = emptyValue(node.properties[name]);
      }
      return value;
    }
    if (types(node).includes('array')) {
      return (node.minItems || 0) > 0 || (node.items && resolve(node.items).properties) ? [emptyValue(node.items)] : [];
    }
    if (node['x-choices']) {
      return node['x-choices'][0].value;
    }
    if (isYesNo(node)) {
      return null;
    }
    return '';
  }

  // ---------------------------------------------------------------- the document

  function get(path) {
    let value = state.doc;
    for (const part of path.split('/').slice(1)) {
      if (value == null) {
        return undefined;
      }
      value = value[part];
    }
    return value;
  }

  function parentAndKey(path) {
    const parts = path.split('/').slice(1);
    const key = parts.pop();
    let parent = state.doc;
    for (const part of parts) {
      parent = parent[part];
    }
    return [parent, key];
  }

  /** Before the document on screen is replaced, a person who changed it is asked. */
  function confirmReplace() {
    return !state.dirty || window.confirm('当前表单已修改，确定要放弃这些修改吗？');
  }

  function set(path, value, required) {
    const [parent, key] = parentAndKey(path);
    if (!required && (value === '' || value === undefined)) {
      delete parent[key];
    } else {
      parent[key] = value;
    }
    changed();
  }

  function currentDocument() {
    if (state.mode === 'json') {
      return parseJson($('json-text').value);
    }
    return state.doc;
  }

  // ---------------------------------------------------------------- building the form

  let fieldCounter = 0;

  function render() {
    const editor = $('editor');
    editor.replaceChildren();
    fieldCounter = 0;
    if (state.doc && state.schema) {
      editor.append(renderObject(state.schema, '', state.schema.title || '表单', true));
    }
    showProblems();
  }

  function renderNode(node, path, label, required) {
    node = resolve(node);
    if (node.properties) {
      return renderObject(node, path, label, required);
    }
    if (types(node).includes('array')) {
      return renderArray(node, path, label);
    }
    return renderField(node, path, label, required);
  }

  function renderObject(node, path, label, required) {
    const fieldset = document.createElement('fieldset');
    fieldset.dataset.path = path;
    const legend = document.createElement('legend');
    legend.textContent = label;
    fieldset.append(legend);
    let grid = null;
    const requiredNames = node.required || [];
    if (get(path) == null && path !== '') {
      set(path, emptyValue(node), true);
    }
    for (const [name, child] of Object.entries(node.properties)) {
      const resolved = resolve(child);
      const childPath = path + '/' + name;
      const title = child.title || resolved.title || name;
      const element = renderNode(child, childPath, title, requiredNames.includes(name));
      const wide = resolved.properties || types(resolved).includes('array') || resolved['x-multiline'];
      if (wide) {
        grid = null;
        fieldset.append(element);
      } else {
        if (!grid) {
          grid = document.createElement('div');
          grid.className = 'grid';
          fieldset.append(grid);
        }
        grid.append(element);
      }
    }
    return fieldset;
  }

  function renderArray(node, path, label) {
    const fieldset = document.createElement('fieldset');
    fieldset.dataset.path = path;
    const legend = document.createElement('legend');
    legend.textContent = label;
    fieldset.append(legend);
    if (!Array.isArray(get(path))) {
      set(path, [], true);
    }
    const items = get(path);
    const itemSchema = resolve(node.items);
    const unit = itemSchema.title || '项';
    items.forEach((item, index) => {
      const box = document.createElement('div');
      box.className = 'item';
      const tools = document.createElement('div');
      tools.className = 'item-tools';
      const name = unit + ' ' + (index + 1);
      tools.append(
        tool('上移', '上移' + name, index === 0, () => move(path, index, -1)),
        tool('下移', '下移' + name, index === items.length - 1, () => move(path, index, 1)),
        tool('删除', '删除' + name, false, () => removeItem(path, index)));
      box.append(tools, renderNode(node.items, path + '/' + index, name, true));
      fieldset.append(box);
    });
    const add = document.createElement('button');
    add.type = 'button';
    add.className = 'add';
    add.textContent = '添加' + unit;
    add.dataset.addFor = path;
    add.addEventListener('click', () => {
      items.push(emptyValue(node.items));
      changed(true);
      focusFirst(path + '/' + (items.length - 1));
    });
    fieldset.append(add);
    return fieldset;
  }

  function tool(text, label, disabled, action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.setAttribute('aria-label', label);
    button.disabled = disabled;
    button.addEventListener('click', action);
    return button;
  }

  function move(path, index, delta) {
    const items = get(path);
    const [item] = items.splice(index, 1);
    items.splice(index + delta, 0, item);
    changed(true);
    focusFirst(path + '/' + (index + delta));
  }

  function removeItem(path, index) {
    get(path).splice(index, 1);
    changed(true);
  }

  function focusFirst(path) {
    const container = document.querySelector('[data-path="' + CSS.escape(path) + '"]');
    const control = container && container.querySelector('input, select, textarea');
    if (control) {
      control.focus();
    }
  }

  function renderField(node, path, label, required) {
    const wrapper = document.createElement('div');
    wrapper.className = 'field' + (required ? ' required' : '');
    const id = 'f' + (++fieldCounter);
    const labelElement = document.createElement('label');
    labelElement.htmlFor = id;
    labelElement.textContent = label;
    let control;
    const value = get(path);
    if (node['x-choices']) {
      control = document.createElement('select');
      let choices = node['x-choices'];
      if (choices.some((c) => c.parent)) {
        const parentLevel = normaliseLevel(get(path.replace(/\/level2$/, '/level1')));
        choices = choices.filter((c) => !parentLevel || c.parent === parentLevel);
      }
      const known = choices.some((c) => c.value === value);
      if (!known && value !== undefined && value !== '') {
        control.append(new Option(String(value), String(value)));
      }
      for (const choice of choices) {
        control.append(new Option(choice.label, choice.value));
      }
      control.value = value == null ? '' : String(value);
      control.addEventListener('change', () => {
        set(path, control.value, required);
        if (/\/level1$/.test(path)) {
          const sibling = path.replace(/\/level1$/, '/level2');
          if (get(sibling) !== undefined) {
            const options = state.levels2 || [];
            const fits = options.find((c) => c.value === get(sibling) && c.parent === control.value);
            if (!fits) {
              const first = options.find((c) => c.parent === control.value);
              set(sibling, first ? first.value : '', true);
            }
          }
          render();
        }
      });
    } else if (Array.isArray(node.enum)) {
      control = document.createElement('select');
      if (!required) {
        control.append(new Option('（默认）', ''));
      }
      for (const option of node.enum) {
        control.append(new Option(String(option), String(option)));
      }
      control.value = value == null ? '' : String(value);
      control.addEventListener('change', () => set(path, control.value, required));
    } else if (isYesNo(node)) {
      control = document.createElement('select');
      control.append(new Option('（空）', ''), new Option('是', 'true'), new Option('否', 'false'));
      control.value = value == null ? '' : String(value);
      control.addEventListener('change', () => set(path, control.value === '' ? null : control.value === 'true', true));
    } else if (node['x-multiline']) {
      control = document.createElement('textarea');
      control.value = value == null ? '' : String(value);
      control.rows = 3;
      control.addEventListener('input', () => set(path, control.value, required));
    } else {
      control = document.createElement('input');
      control.type = node.format === 'date' ? 'date' : 'text';
      control.value = value == null ? '' : String(value);
      if (isAmount(node)) {
        control.inputMode = 'decimal';
        control.autocomplete = 'off';
        control.addEventListener('input', () => {
          checkAmount(wrapper, control.value, node);
          set(path, control.value.trim(), required);
        });
      } else {
        control.addEventListener('input', () => set(path, control.value, required));
      }
    }
    control.id = id;
    control.dataset.path = path;
    if (required) {
      control.required = true;
      control.setAttribute('aria-required', 'true');
    }
    wrapper.dataset.path = path;
    wrapper.append(labelElement, control);
    return wrapper;
  }

  /** Amounts are checked as they are typed, before the service is asked. */
  function checkAmount(wrapper, text, node) {
    const old = wrapper.querySelector('.problem.typed');
    if (old) {
      old.remove();
    }
    const value = text.trim();
    if (value === '' || new RegExp(node.pattern).test(value)) {
      wrapper.classList.remove('has-error');
      return;
    }
    wrapper.classList.add('has-error');
    wrapper.append(problemElement('应为金额：数字，可带千分位逗号，不带单位，最多两位小数', 'error typed'));
  }

  function normaliseLevel(value) {
    const choices = state.levels1 || [];
    const text = value == null ? '' : String(value).trim();
    const found = choices.find((c) => c.value === text || c.label === text || c.label.startsWith(text + '-')
      || c.value === text + '指标');
    return found ? found.value : text;
  }

  // ---------------------------------------------------------------- problems

  function changed(structural, edit = true) {
    state.dirty = state.dirty || edit;
    if (structural) {
      render();
    }
    clearTimeout(state.validateTimer);
    state.validateTimer = setTimeout(validate, 400);
  }

  async function validate() {
    const ticket = ++state.validation;
    let response;
    try {
      response = await postDocument('api/v1/forms/' + state.formId + '/validate');
    } catch (e) {
      if (e instanceof SyntaxError) {
        $('json-error').textContent = 'JSON 有误：' + e.message;
      } else {
        setStatus(e.message);
      }
      return;
    }
    if (ticket !== state.validation) {
      return;
    }
    if (!response.ok) {
      const error = await errorOf(response);
      state.problems = { errors: [{ path: '', message: error.message }].concat(error.details || []), warnings: [] };
    } else {
      const verdict = await response.json();
      state.problems = { errors: verdict.errors, warnings: verdict.warnings };
    }
    $('json-error').textContent = '';
    showProblems();
  }

  function problemElement(message, kind) {
    const p = document.createElement('p');
    p.className = 'problem ' + kind;
    p.textContent = message;
    return p;
  }

  function showProblems() {
    document.querySelectorAll('#editor .problem:not(.typed)').forEach((p) => p.remove());
    document.querySelectorAll('#editor .has-error, #editor .has-warning').forEach((e) => {
      if (!e.querySelector('.problem.typed')) {
        e.classList.remove('has-error');
      }
      e.classList.remove('has-warning');
    });
    const unplaced = [];
    for (const [kind, list] of [['error', state.problems.errors], ['warning', state.problems.warnings]]) {
      for (const problem of list) {
        const target = placeFor(problem.path);
        if (target && state.mode === 'form') {
          target.classList.add(kind === 'error' ? 'has-error' : 'has-warning');
          const element = problemElement(problem.message, kind);
          element.dataset.problemFor = problem.path;
          if (target.tagName === 'FIELDSET') {
            target.querySelector('legend').after(element);
          } else {
            target.append(element);
          }
          const control = target.querySelector(':scope > input, :scope > select, :scope > textarea');
          if (control) {
            control.setAttribute('aria-invalid', kind === 'error' ? 'true' : 'false');
          }
        } else {
          unplaced.push([kind, problem]);
        }
      }
    }
    const summary = $('summary');
    summary.replaceChildren();
    const errors = state.problems.errors.length;
    const warnings = state.problems.warnings.length;
    const line = document.createElement('p');
    if (errors === 0 && warnings === 0) {
      line.textContent = state.doc ? '检查通过' : '';
    } else {
      if (errors) {
        const span = document.createElement('span');
        span.className = 'errors';
        span.textContent = errors + ' 处错误';
        line.append(span);
      }
      if (warnings) {
        const span = document.createElement('span');
        span.className = 'warnings';
        span.textContent = (errors ? '，' : '') + warnings + ' 条提醒';
        line.append(span);
      }
    }
    summary.append(line);
    for (const [kind, problem] of unplaced) {
      summary.append(problemElement((problem.path ? problem.path + '：' : '') + problem.message, kind));
    }
  }

  /** The field or group a JSON pointer names, or the nearest enclosing one. */
  function placeFor(path) {
    let current = path;
    while (current !== undefined) {
      const found = document.querySelector('#editor [data-path="' + CSS.escape(current) + '"]:not(input):not(select):not(textarea)');
      if (found) {
        return found;
      }
      if (current === '') {
        return null;
      }
      current = current.substring(0, current.lastIndexOf('/'));
    }
    return null;
  }

  // ---------------------------------------------------------------- files

  function setStatus(text, busy) {
    const status = $('status');
    status.textContent = text;
    status.classList.toggle('busy', Boolean(busy));
    for (const id of ['preview', 'download-pdf', 'download-docx']) {
      $(id).disabled = Boolean(busy);
    }
  }

  async function renderFile(format) {
    const label = format === 'pdf' ? 'PDF' : 'Word';
    setStatus('正在生成 ' + label + '…', true);
    try {
      const response = await postDocument('api/v1/forms/' + state.formId + '/render?format=' + format,
        format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      if (!response.ok) {
        const error = await errorOf(response);
        state.problems = { errors: error.details && error.details.length ? error.details : [{ path: '', message: error.message }], warnings: [] };
        showProblems();
        setStatus('未能生成：' + error.message);
        return null;
      }
      const blob = await response.blob();
      const name = fileName(response.headers.get('Content-Disposition')) || (state.formId + '.' + format);
      const warnings = Number(response.headers.get('X-Warning-Count') || '0');
      setStatus('已生成 ' + name + (warnings ? '（' + warnings + ' 条提醒）' : ''));
      return { blob, name };
    } catch (e) {
      setStatus(e instanceof SyntaxError ? 'JSON 有误：' + e.message : e.message);
      return null;
    }
  }

  /** The file name of Content-Disposition, preferring the UTF-8 filename* of RFC 5987. */
  function fileName(disposition) {
    if (!disposition) {
      return null;
    }
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (star) {
      return decodeURIComponent(star[1]);
    }
    const plain = /filename="([^"]+)"/i.exec(disposition);
    return plain ? plain[1] : null;
  }

  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  async function preview() {
    const file = await renderFile('pdf');
    if (!file) {
      return;
    }
    if (state.previewUrl) {
      URL.revokeObjectURL(state.previewUrl);
    }
    state.previewUrl = URL.createObjectURL(file.blob);
    $('preview-frame').src = state.previewUrl;
    $('preview-hint').hidden = true;
  }

  function documentName() {
    const doc = state.doc || {};
    const name = (doc.forms && doc.forms[0] && doc.forms[0].projectName) || doc.organization || state.formId;
    return String(name).replace(/[\\/:*?"<>|]/g, '_').trim() || state.formId;
  }

  function saveJson() {
    try {
      const text = JSON.stringify(currentDocument(), null, 2) + '\n';
      download(new Blob([text], { type: 'application/json' }), documentName() + '.json');
    } catch (e) {
      $('json-error').textContent = 'JSON 有误：' + e.message;
    }
  }

  function openFile(file) {
    const reader = new FileReader();
    reader.onload = () => {
      try {
        if (!confirmReplace()) {
          return;
        }
        loadDocument(parseJson(String(reader.result)));
        setStatus('已打开 ' + file.name);
      } catch (e) {
        setStatus('无法读取 ' + file.name + '：不是 JSON（' + e.message + '）');
      }
    };
    reader.readAsText(file, 'utf-8');
  }

  // ---------------------------------------------------------------- modes and loading

  function loadDocument(doc) {
    state.doc = doc;
    state.problems = { errors: [], warnings: [] };
    if (state.mode === 'json') {
      $('json-text').value = JSON.stringify(doc, null, 2);
    }
    render();
    changed(false, false);
    state.dirty = false;
  }

  function setMode(mode) {
    if (mode === state.mode) {
      return;
    }
    if (mode === 'form') {
      try {
        state.doc = parseJson($('json-text').value);
      } catch (e) {
        $('json-error').textContent = 'JSON 有误，无法切换到表单：' + e.message;
        return;
      }
      $('json-error').textContent = '';
    } else {
      $('json-text').value = JSON.stringify(state.doc, null, 2);
    }
    state.mode = mode;
    $('mode-form').setAttribute('aria-pressed', String(mode === 'form'));
    $('mode-json').setAttribute('aria-pressed', String(mode === 'json'));
    $('editor').hidden = mode !== 'form';
    $('json-editor').hidden = mode !== 'json';
    render();
    changed();
  }

  async function chooseForm(id) {
    state.formId = id;
    const response = await api('api/v1/forms/' + id + '/schema');
    state.schema = await response.json();
    state.levels1 = findChoices(state.schema, 'level1');
    state.levels2 = findChoices(state.schema, 'level2');
    await loadExample();
  }

  function findChoices(schema, name) {
    for (const definition of Object.values(schema.$defs || {})) {
      const property = definition.properties && definition.properties[name];
      if (property && property['x-choices']) {
        return property['x-choices'];
      }
    }
    return [];
  }

  async function loadExample() {
    const response = await api('api/v1/forms/' + state.formId + '/example');
    loadDocument(parseJson(await response.text()));
    setStatus('已载入示例');
  }

  async function start() {
    $('load-example').addEventListener('click', () => {
      if (confirmReplace()) {
        loadExample();
      }
    });
    $('load-empty').addEventListener('click', () => {
      if (confirmReplace()) {
        loadDocument(emptyValue(state.schema));
        setStatus('空白表单');
      }
    });
    window.addEventListener('beforeunload', (event) => {
      if (state.dirty) {
        event.preventDefault();
        event.returnValue = '';
      }
    });
    $('open-file').addEventListener('change', (event) => {
      if (event.target.files[0]) {
        openFile(event.target.files[0]);
        event.target.value = '';
      }
    });
    $('save-json').addEventListener('click', saveJson);
    $('mode-form').addEventListener('click', () => setMode('form'));
    $('mode-json').addEventListener('click', () => setMode('json'));
    $('json-text').addEventListener('input', () => changed());
    $('preview').addEventListener('click', preview);
    $('download-pdf').addEventListener('click', async () => {
      const file = await renderFile('pdf');
      if (file) {
        download(file.blob, file.name);
      }
    });
    $('download-docx').addEventListener('click', async () => {
      const file = await renderFile('docx');
      if (file) {
        download(file.blob, file.name);
      }
    });
    $('token-save').addEventListener('click', async () => {
      state.token = $('token').value.trim();
      sessionStorage.setItem('jixiao-token', state.token);
      $('token-bar').hidden = true;
      if (state.doc) {
        setStatus('令牌已更新，请重试刚才的操作');
        changed(false, false);
      } else {
        await boot();
      }
    });
    $('form-type').addEventListener('change', (event) => {
      if (!confirmReplace()) {
        event.target.value = state.formId;
        return;
      }
      state.dirty = false;
      chooseForm(event.target.value);
    });
    await boot();
  }

  async function boot() {
    try {
      const response = await api('api/v1/forms');
      state.forms = (await response.json()).forms;
      const select = $('form-type');
      select.replaceChildren(...state.forms.map((f) => new Option(f.title + '（' + f.id + '）', f.id)));
      const wanted = new URLSearchParams(location.search).get('form');
      const first = state.forms.find((f) => f.id === wanted) || state.forms[0];
      select.value = first.id;
      await chooseForm(first.id);
    } catch (e) {
      setStatus(e.message);
    }
  }

  document.addEventListener('DOMContentLoaded', start);
})();
