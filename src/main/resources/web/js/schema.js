// Reading the service's JSON Schema of a form: what each place of a document holds and how it is titled.

import { segments } from './store.js';

export class Schema {
  constructor(json) {
    this.json = json;
    this.resolved = new Map();
  }

  lookup(ref) {
    let node = this.json;
    for (const part of ref.replace(/^#\//, '').split('/')) {
      node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return node;
  }

  /** A node with its $ref followed and, for a field that may be null, its other branch; its own keywords win. */
  resolve(node) {
    if (!node) {
      return {};
    }
    const cached = this.resolved.get(node);
    if (cached) {
      return cached;
    }
    let result = node;
    for (let guard = 0; (result.$ref || result.anyOf) && guard < 16; guard++) {
      const own = Object.assign({}, result);
      delete own.$ref;
      delete own.anyOf;
      const inner = result.$ref ? this.lookup(result.$ref) : result.anyOf.find((b) => b.type !== 'null') || {};
      result = Object.assign({}, inner, own);
    }
    this.resolved.set(node, result);
    return result;
  }

  /** The resolved node of a path, through objects' properties and arrays' items. */
  at(path) {
    let node = this.resolve(this.json);
    for (const part of segments(path)) {
      if (node.properties) {
        node = this.resolve(node.properties[part]);
      } else if (node.items) {
        node = this.resolve(node.items);
      } else {
        return {};
      }
    }
    return node;
  }

  title(path) {
    const node = this.at(path);
    const parts = segments(path);
    return node.title || parts[parts.length - 1] || this.json.title;
  }

  /**
   * A title for a name the document does not have (a computed cell): from wherever that name is a property, else
   * the title the form gives the figure (x-derive).
   */
  titleOfName(name) {
    for (const definition of Object.values(this.json.$defs || {})) {
      const property = definition.properties && definition.properties[name];
      if (property) {
        return this.resolve(property).title || name;
      }
    }
    return this.figureTitles().get(name) || { total: '合计', totalWeight: '分值合计', totalScore: '总分' }[name] || name;
  }

  /** The titles of the figures declared anywhere in the schema, by name. */
  figureTitles() {
    if (!this.figures) {
      this.figures = new Map();
      const walk = (node) => {
        if (!node || typeof node !== 'object') {
          return;
        }
        for (const [name, figure] of Object.entries(node['x-derive'] || {})) {
          if (figure && figure.title && !this.figures.has(name)) {
            this.figures.set(name, figure.title);
          }
        }
        Object.entries(node).filter(([key]) => !key.startsWith('x-')).forEach(([, child]) => walk(child));
      };
      walk(this.json);
    }
    return this.figures;
  }

  /** The x-choices of a property name anywhere in the schema (一级/二级指标). */
  choices(name) {
    for (const definition of Object.values(this.json.$defs || {})) {
      const property = definition.properties && definition.properties[name];
      if (property && property['x-choices']) {
        return property['x-choices'];
      }
    }
    return [];
  }

  /** A value to start from: what an empty form holds. */
  emptyValue(node) {
    node = this.resolve(node);
    if (node.properties) {
      const value = {};
      for (const name of node.required || []) {
        value[name] = this.emptyValue(node.properties[name]);
      }
      return value;
    }
    if (types(node).includes('array')) {
      return (node.minItems || 0) > 0 || this.resolve(node.items).properties ? [this.emptyValue(node.items)] : [];
    }
    if (node['x-choices']) {
      return node['x-choices'][0].value;
    }
    return types(node).includes('boolean') ? null : '';
  }

  /** How well a document fits this schema: the share of its keys, two levels down, that the schema knows. */
  fit(doc) {
    let known = 0;
    let all = 0;
    const walk = (value, node, depth) => {
      if (depth > 2 || value == null || typeof value !== 'object') {
        return;
      }
      if (Array.isArray(value)) {
        if (value.length) {
          walk(value[0], this.resolve(node.items), depth);
        }
        return;
      }
      for (const [key, inner] of Object.entries(value)) {
        all++;
        const property = node.properties && node.properties[key];
        if (property) {
          known++;
          walk(inner, this.resolve(property), depth + 1);
        }
      }
    };
    walk(doc, this.resolve(this.json), 0);
    return all ? known / all : 0;
  }
}

export function types(node) {
  return Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
}

/** What kind of input a field is: it decides how typing is read. */
export function kindOf(node) {
  const t = types(node);
  // A list of values, not of rows: several choices ticked (偏差原因), or texts one a line (目标1, 目标2).
  if (t.includes('array') || node.items) {
    return Array.isArray((node.items || {}).enum) ? 'choices' : 'lines';
  }
  // The schema states each field's kind once (x-kind); the rest is read from its JSON Schema keywords.
  const kind = node['x-kind'];
  if (kind === 'amount') {
    return 'amount';
  }
  if (kind === 'percentage') {
    return 'percent';
  }
  if (kind === 'points' || kind === 'decimal') {
    return 'decimal';
  }
  if (node['x-choices']) {
    return 'choice';
  }
  if (Array.isArray(node.enum)) {
    return 'enum';
  }
  if (t.includes('boolean')) {
    return 'yesno';
  }
  if (node.format === 'date') {
    return 'date';
  }
  if (t.includes('integer') && !t.includes('string')) {
    return 'integer';
  }
  if (t.includes('number')) {
    // An amount's pattern admits thousands separators: a group of a comma and three digits.
    if (node.pattern && node.pattern.includes('(,')) {
      return 'amount';
    }
    return /%/.test(node.title || '') ? 'percent' : 'decimal';
  }
  return node['x-multiline'] ? 'multiline' : 'text';
}

export function isList(node) {
  return types(node).includes('array') || Boolean(node.items);
}

/** A list of values rather than of records: one field (ticks, or lines of text), not a section of items. */
export function isValueList(schema, node) {
  return isList(node) && !schema.resolve(node.items).properties;
}

/** An array whose items are flat records (indicators): edited as a grid; a list of values is one of its cells. */
export function isGrid(schema, node) {
  if (!isList(node)) {
    return false;
  }
  const item = schema.resolve(node.items);
  return Boolean(item.properties) && Object.values(item.properties).map((p) => schema.resolve(p))
    .every((p) => !p.properties && (!isList(p) || isValueList(schema, p)));
}

/** The property that names an item of a list: 项目名称, 资金使用单位名称. */
export function nameKey(item) {
  const keys = Object.keys(item.properties || {});
  return ['projectName', 'unitName', 'name'].find((k) => keys.includes(k));
}
