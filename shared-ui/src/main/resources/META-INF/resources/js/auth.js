// Sign-in with Keycloak: authorization code + PKCE (S256), no library. Tokens live in this module's
// memory only; sessionStorage holds the PKCE verifier and state during the redirect, nothing else.

import { lang } from './i18n.js';

const PENDING = 'civic.pkce';
let config = null;
let tokens = null; // { access, refresh, id, expiresAt, refreshExpiresAt }
let refreshTimer = null;
const listeners = new Set();

/** Loads the public sign-in settings from the platform (GET /api/config). */
export async function loadConfig() {
  if (!config) {
    const response = await fetch('api/config', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`config ${response.status}`);
    config = await response.json();
  }
  return config;
}

function endpoint(name) {
  return `${config.keycloakUrl}/realms/${encodeURIComponent(config.realm)}/protocol/openid-connect/${name}`;
}

function redirectUri() {
  return `${location.origin}${location.pathname}`; // the page itself, without query or #route
}

function base64url(bytes) {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(size = 32) {
  return base64url(crypto.getRandomValues(new Uint8Array(size)));
}

/** Sends the browser to Keycloak; `returnTo` is the `#/…` route to come back to (ids only). */
export async function signIn(returnTo = location.hash || '#/') {
  await loadConfig();
  if (!crypto.subtle) {
    // PKCE S256 needs Web Crypto, which browsers offer on https:// and http://localhost only.
    throw new Error('sign-in needs https (or localhost): Web Crypto is unavailable');
  }
  const verifier = randomString(48);
  const state = randomString(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const params = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ui_locales: lang() === 'en' ? 'en' : 'zh-CN',
  });
  location.assign(`${endpoint('auth')}?${params}`);
}

/**
 * Finishes a sign-in when the page was opened by Keycloak's redirect (?code=…&state=…): exchanges the
 * code, removes it from the address bar and returns the route to show. Returns null otherwise.
 */
export async function handleCallback() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  const returnTo = pending?.returnTo || '#/';
  history.replaceState(null, '', `${location.pathname}${returnTo}`);
  if (query.has('error') || !pending || pending.state !== query.get('state')) {
    throw new Error('sign-in failed');
  }
  await loadConfig();
  await tokenRequest({
    grant_type: 'authorization_code',
    code: query.get('code'),
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  return returnTo;
}

async function tokenRequest(form) {
  const response = await fetch(endpoint('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ client_id: config.clientId, ...form }),
  });
  if (!response.ok) {
    throw new Error(`token ${response.status}`);
  }
  const answer = await response.json();
  const now = Date.now();
  tokens = {
    access: answer.access_token,
    refresh: answer.refresh_token,
    id: answer.id_token || tokens?.id,
    expiresAt: now + answer.expires_in * 1000,
    refreshExpiresAt: answer.refresh_expires_in ? now + answer.refresh_expires_in * 1000 : null,
  };
  scheduleRefresh(answer.expires_in);
  listeners.forEach((l) => l(true));
}

function scheduleRefresh(expiresIn) {
  clearTimeout(refreshTimer);
  // Refresh a little before the access token expires (30 s, or a fifth of a short lifetime).
  const lead = Math.min(30, expiresIn / 5);
  refreshTimer = setTimeout(() => refresh().catch(() => expire()), Math.max(1, expiresIn - lead) * 1000);
}

/** Gets a new access token with the refresh token (also called on a 401). */
export async function refresh() {
  if (!tokens?.refresh) throw new Error('not signed in');
  await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh });
}

function expire() {
  tokens = null;
  clearTimeout(refreshTimer);
  listeners.forEach((l) => l(false));
}

/** The current access token, refreshed first if it is about to expire; null when signed out. */
export async function accessToken() {
  if (!tokens) return null;
  if (Date.now() > tokens.expiresAt - 5000) {
    try {
      await refresh();
    } catch {
      expire();
      return null;
    }
  }
  return tokens.access;
}

export function signedIn() {
  return tokens !== null;
}

/** The claims of the ID token (display only; the API decides what a user may do). */
export function claims() {
  if (!tokens?.id) return {};
  try {
    const part = tokens.id.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
  } catch {
    return {};
  }
}

/** Ends the Keycloak session too, then comes back to the start page. */
export async function signOut() {
  await loadConfig();
  const idToken = tokens?.id;
  expire();
  const params = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
  if (idToken) params.set('id_token_hint', idToken);
  location.assign(`${endpoint('logout')}?${params}`);
}

/** Called with true on sign-in/refresh and false when the session ended. */
export function onChange(listener) {
  listeners.add(listener);
}
