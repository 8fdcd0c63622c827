// Converting every amount of a document between 元 and 万元, exactly: the decimal point moves four places.

import { shift } from './typing.js';
import { kindOf } from './schema.js';

/**
 * Multiplies (places 4) or divides (places -4) every amount by 10000, the schema telling which values are
 * amounts; a result with more than two decimals is rounded half up to two, as the forms print. Returns how
 * many amounts changed.
 */
export function convertAmounts(doc, schema, places) {
  let count = 0;
  const walk = (value, node) => {
    node = schema.resolve(node);
    if (Array.isArray(value)) {
      value.forEach((item) => walk(item, node.items));
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const child = node.properties && node.properties[key];
        if (!child) {
          continue;
        }
        if (kindOf(schema.resolve(child)) === 'amount' && inner !== null && inner !== '' && /^[\d,]+(\.\d+)?$/.test(String(inner))) {
          value[key] = roundTwo(shift(String(inner).replace(/,/g, ''), places));
          count++;
        } else {
          walk(inner, child);
        }
      }
    }
  };
  walk(doc, schema.json);
  return count;
}

/** A plain decimal rounded half up to at most two places, by its digits. */
function roundTwo(text) {
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length <= 2) {
    return text;
  }
  const digits = (whole + fraction.slice(0, 2)).split('').map(Number);
  if (Number(fraction[2]) >= 5) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) {
      digits[i--] = 0;
    }
    if (i < 0) {
      digits.unshift(1);
    } else {
      digits[i]++;
    }
  }
  const all = digits.join('');
  const result = all.slice(0, -2).replace(/^0+(?=\d)/, '') + '.' + all.slice(-2);
  return result.replace(/\.?0+$/, '') || '0';
}
