// The REST API under /api with the in-memory bearer token. Answers {status, ok, data, etag}; a problem
// (application/problem+json) comes back as data with ok=false, never thrown.

import { accessToken, refresh, signIn } from './auth.js';

export async function api(path, { method = 'GET', body, headers = {}, auth = true } = {}) {
  const send = async () => {
    const h = { Accept: 'application/json, application/problem+json', ...headers };
    if (body !== undefined) h['Content-Type'] = 'application/json';
    if (auth) {
      const token = await accessToken();
      if (!token) {
        await signIn();
        return new Promise(() => {}); // leaving the page
      }
      h.Authorization = `Bearer ${token}`;
    }
    return fetch(`api/${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  let response = await send();
  if (response.status === 401 && auth) {
    try {
      await refresh();
      response = await send();
    } catch {
      await signIn();
      return new Promise(() => {});
    }
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { title: text };
  }
  return { status: response.status, ok: response.ok, data, etag: response.headers.get('ETag') };
}

/** The version in an ETag ("3" or W/"3"). */
export function versionOf(etag) {
  return etag ? etag.replace(/^W\//, '').replace(/"/g, '') : null;
}

const definitions = new Map();

/** A tenant's public definition (form and batches), fetched once per page. */
export async function definition(tenant) {
  if (!definitions.has(tenant)) {
    const answer = await api(`tenants/${encodeURIComponent(tenant)}`, { auth: false });
    if (!answer.ok) throw new Error(`definition ${answer.status}`);
    definitions.set(tenant, answer.data);
  }
  return definitions.get(tenant);
}

/** A child's application, or null when none was started (404). */
export async function application(tenant, child) {
  const answer = await api(`tenants/${encodeURIComponent(tenant)}/children/${encodeURIComponent(child)}/application`);
  if (answer.status === 404) return null;
  if (!answer.ok) throw new Error(`application ${answer.status}`);
  return { ...answer.data, version: versionOf(answer.etag) ?? String(answer.data.version) };
}
