// The service's public API, as any client would call it; a token is asked for when the service wants one.

const token = { value: sessionStorage.getItem('jixiao-token') || '' };
let askForToken = () => {};

export function onTokenNeeded(callback) {
  askForToken = callback;
}

export function useToken(value) {
  token.value = value;
  sessionStorage.setItem('jixiao-token', value);
}

export async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (token.value) {
    headers.Authorization = 'Bearer ' + token.value;
  }
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401) {
    askForToken();
    throw new Error('需要访问令牌：请在上方输入');
  }
  return response;
}

export function postJson(path, doc, accept = 'application/json', signal = undefined) {
  return api(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: accept },
    body: JSON.stringify(doc),
    signal,
  });
}

/** The service's error of a failed answer: {code, message, details}. */
export async function errorOf(response) {
  try {
    const body = await response.json();
    if (body.error) {
      return Object.assign({ details: [] }, body.error);
    }
  } catch (e) {
    // not JSON: described by its status below
  }
  return { code: 'http_' + response.status, message: '请求失败（' + response.status + '）', details: [] };
}

/** The file name of Content-Disposition, preferring the UTF-8 filename* of RFC 5987. */
export function fileName(disposition) {
  if (!disposition) {
    return null;
  }
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    return decodeURIComponent(star[1]);
  }
  const quoted = /filename="([^"]+)"/i.exec(disposition);
  return quoted ? quoted[1] : null;
}

export function formPath(formId, action) {
  return 'api/v1/forms/' + formId + '/' + action;
}
