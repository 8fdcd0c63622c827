// Reading what people type: amounts with separators, full-width digits and units, percentages, dates in
// the ways they are written. Each reader answers {value} or {error} with a message about this very value.

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF05\uFF0D\uFF0F]/g;

/** Full-width digits and signs as ASCII, spaces (also the ideographic one) gone. */
export function plain(text) {
  return String(text == null ? '' : text)
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/[\s\u3000\u00A0]+/g, '');
}

function quoted(text) {
  const shown = String(text).trim();
  return '「' + (shown.length > 20 ? shown.slice(0, 20) + '…' : shown) + '」';
}

/** The first character that is no digit, separator or point, for a message that names it. */
function stray(text) {
  const match = /[^0-9.,]/.exec(text);
  return match ? match[0] : null;
}

function decimal(text, raw, what, example) {
  if (text.startsWith('-')) {
    return { error: quoted(raw) + '：' + what + '不能为负数' };
  }
  const bad = stray(text);
  if (bad) {
    return { error: quoted(raw) + '：「' + bad + '」不是数字；请填写数字，如 ' + example };
  }
  const digits = text.replace(/(\d),(?=\d)/g, '$1');
  if (!/^\d+(\.\d+)?$/.test(digits)) {
    return { error: quoted(raw) + '：不是一个数，请填写数字，如 ' + example };
  }
  if (/\.\d{3,}$/.test(digits)) {
    return { error: quoted(raw) + '：最多两位小数' };
  }
  return { value: digits };
}

/**
 * An amount in {@code unit} (元 or 万元): separators, spaces, full-width digits and the field's own unit are
 * dropped; another unit is named in the message with the figure to write instead.
 */
export function readAmount(raw, unit) {
  let text = plain(raw);
  if (text === '') {
    return { value: '' };
  }
  const suffix = /(万元|万|元)$/.exec(text);
  if (suffix) {
    text = text.slice(0, -suffix[1].length);
    const written = suffix[1] === '元' ? '元' : '万元';
    if (unit && written !== unit) {
      const number = decimal(text, raw, '金额', '1200000.00');
      if (number.error) {
        return number;
      }
      // The figure to write instead, when it is exact in two decimals: 1200000元 in a 万元 field is 120.
      const converted = shift(number.value, unit === '元' ? 4 : -4);
      const exact = !/\.\d{3,}$/.test(converted);
      const offer = exact ? converted : rounded(converted);
      return {
        error: quoted(raw) + '：本栏以' + unit + '计；请填写'
          + (exact ? ' ' + converted + '（即 ' + number.value + ' ' + written + '）'
            : ' ' + offer + '（' + number.value + ' ' + written + ' 即 ' + converted + ' ' + unit + '，保留两位小数）'),
        offer,
      };
    }
  }
  return decimal(text, raw, '金额', unit === '万元' ? '48863.32' : '1200000.00');
}

/** A plain decimal rounded half up to two places, in its digits: 118.4235 is 118.42. */
function rounded(value) {
  const [whole, fraction = ''] = value.split('.');
  const cents = BigInt(whole + fraction.padEnd(2, '0').slice(0, 2)) + (fraction.charAt(2) >= '5' ? 1n : 0n);
  const text = cents.toString().padStart(3, '0');
  return text.slice(0, -2) + '.' + text.slice(-2);
}

/** A percentage: {@code 30%}, {@code ３０％} and {@code 30} are 30. */
export function readPercent(raw) {
  const text = plain(raw).replace(/%$/, '');
  return text === '' ? { value: '' } : decimal(text, raw, '百分数', '98.30 或 98.30%');
}

/** Points and other plain numbers of two decimals. */
export function readDecimal(raw) {
  const text = plain(raw);
  return text === '' ? { value: '' } : decimal(text, raw, '数值', '8.62');
}

/** A whole number such as a year; {@code 2019年} and {@code 2019年度} are 2019. */
export function readInteger(raw) {
  const text = plain(raw).replace(/年度?$/, '');
  if (text === '') {
    return { value: '' };
  }
  return /^\d{1,9}$/.test(text) ? { value: Number(text) } : { error: quoted(raw) + '：请填写整数，如 2022' };
}

/** A date as {@code 2022-01-01}, {@code 20220101}, {@code 2022/1/1}, {@code 2022.1.1} or {@code 2022年1月1日}. */
export function readDate(raw) {
  const text = plain(raw);
  if (text === '') {
    return { value: '' };
  }
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) || /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) {
    return { error: quoted(raw) + '：请写成 2022-01-01、20220101、2022/1/1 或 2022年1月1日' };
  }
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12) {
    return { error: quoted(raw) + '：月份应为 1 到 12' };
  }
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) {
    return { error: quoted(raw) + '：' + year + '年' + month + '月没有' + day + '日' };
  }
  return { value: match[1] + '-' + String(month).padStart(2, '0') + '-' + String(day).padStart(2, '0') };
}

/** Moves the decimal point of a plain decimal by {@code places} (× or ÷ a power of ten), exactly. */
export function shift(value, places) {
  const [whole, fraction = ''] = String(value).split('.');
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  digits = digits.padEnd(point, '0');
  const result = (digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0') + '.' + digits.slice(point);
  return result.replace(/\.?0*$/, '') || '0';
}

/** {@code 1200000.5} → {@code 1,200,000.5}: for showing an amount, not for arithmetic. */
export function grouped(value) {
  const [whole, fraction] = String(value).split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction !== undefined ? '.' + fraction : '');
}

/** The reader of a field kind; {@code context.unit} is the amount unit in force. */
export function readerFor(kind, context = {}) {
  switch (kind) {
    case 'choices':
      return (raw) => readChoices(raw, context.choices || []);
    case 'lines':
      return readLines;
    case 'amount':
      return (raw) => readAmount(raw, context.unit());
    case 'percent':
      return readPercent;
    case 'decimal':
      return readDecimal;
    case 'integer':
      return readInteger;
    case 'date':
      return readDate;
    default:
      return null;
  }
}

/** Choices ticked, as a list, or as typed or pasted from a workbook: 经费保障、人员保障 (、，, ; or spaces apart). */
export function readChoices(raw, choices) {
  const items = Array.isArray(raw) ? raw.map(String) : String(raw == null ? '' : raw).split(/[、，,；;\s]+/);
  const value = [...new Set(items.map((item) => item.trim()).filter(Boolean))];
  const unknown = value.find((item) => choices.length && !choices.includes(item));
  return unknown ? { value, error: '「' + unknown + '」不是可选的一项：可选 ' + choices.join('、') } : { value };
}

/** Texts one a line, as a list; blank lines left out. */
export function readLines(raw) {
  const items = Array.isArray(raw) ? raw.map(String) : String(raw == null ? '' : raw).split(/\r?\n/);
  return { value: items.map((item) => item.trim()).filter(Boolean) };
}
