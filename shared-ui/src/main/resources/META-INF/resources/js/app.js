// The parent portal: a hash router (#/… with ids only, never personal data), the header with the
// language switch and sign-in state, and the views. Plain ES modules: no build step.

import * as auth from './auth.js';
import { h, show } from './dom.js';
import { lang, setLang, t } from './i18n.js';
import { addChildView, chooserView, homeView, pledgeView } from './home.js';
import { leaveWizard, wizardView } from './wizard.js';
import { accessLogView } from './access-log.js';
import { progressView } from './progress.js';
import { printView } from './print.js';
import { secondRoundView } from './second-round.js';
import './prefill.js';
import './confirm-submit.js';
import { currentUser, forgetUser, knownReviewer, knownUser, queueView, taskView } from './review.js';
import { phoneView, recoverView, registerView } from './accounts.js';
import { adminView, staffView } from './admin.js';
import { allocationView } from './admin-allocation.js';
import { calendarView, schoolEditView, schoolsView } from './admin-schools.js';
import { rulesView } from './admin-rules.js';

const main = document.getElementById('main');
const header = document.getElementById('header-actions');

const routes = [
  [/^#?\/?$/, () => chooserView(main)],
  [/^#\/t\/([\w-]+)$/, (m) => homeView(main, m[1])],
  [/^#\/t\/([\w-]+)\/children\/new$/, (m) => addChildView(main, m[1])],
  [/^#\/t\/([\w-]+)\/c\/([\w-]+)\/pledge$/, (m) => pledgeView(main, m[1], m[2])],
  [/^#\/t\/([\w-]+)\/c\/([\w-]+)\/step\/([\w-]+)$/, (m) => wizardView(main, m[1], m[2], m[3])],
  [/^#\/t\/([\w-]+)\/c\/([\w-]+)\/access-log$/, (m) => accessLogView(main, m[1], m[2])],
  [/^#\/t\/([\w-]+)\/c\/([\w-]+)\/progress$/, (m) => progressView(main, m[1], m[2])],
  [/^#\/t\/([\w-]+)\/c\/([\w-]+)\/print$/, (m) => printView(main, m[1], m[2])],
  [/^#\/t\/([\w-]+)\/c\/([\w-]+)\/second-round$/, (m) => secondRoundView(main, m[1], m[2])],
  [/^#\/review$/, () => queueView(main)],
  [/^#\/review\/task\/([\w-]+)$/, (m) => taskView(main, m[1])],
  [/^#\/register$/, () => registerView(main)],
  [/^#\/recover$/, () => recoverView(main)],
  [/^#\/t\/([\w-]+)\/phone$/, (m) => phoneView(main, m[1])],
  [/^#\/admin\/([\w-]+)$/, (m) => adminView(main, m[1])],
  [/^#\/admin\/([\w-]+)\/staff$/, (m) => staffView(main, m[1])],
  [/^#\/admin\/([\w-]+)\/allocation(?:\/([\w-]+))?$/, (m) => allocationView(main, m[1], m[2])],
  [/^#\/admin\/([\w-]+)\/schools$/, (m) => schoolsView(main, m[1])],
  [/^#\/admin\/([\w-]+)\/schools\/([\w-]+)$/, (m) => schoolEditView(main, m[1], m[2])],
  [/^#\/admin\/([\w-]+)\/calendar$/, (m) => calendarView(main, m[1])],
  [/^#\/admin\/([\w-]+)\/rules(?:\/(\d{4}))?$/, (m) => rulesView(main, m[1], m[2])],
];

/** Routes that need a signed-in user. */
const isPrivate = (hash) => /^#\/(t|review|admin)(\/|$)/.test(hash);

let rendering = 0;
export async function render() {
  const hash = location.hash || '#/';
  const run = ++rendering;
  leaveWizard();
  renderHeader();
  if (isPrivate(hash) && !auth.signedIn()) {
    show(main, h('p', { class: 'muted', role: 'status' }, t('auth.redirecting')));
    await auth.signIn(hash);
    return;
  }
  if (/^#?\/?$/.test(hash) && auth.signedIn()) {
    // A reviewer who signs in on the start page lands on the 审核工作台.
    const user = await currentUser().catch(() => null);
    if (run !== rendering) return;
    renderHeader();
    if (user?.roles?.includes('reviewer')) {
      location.hash = '#/review';
      return;
    }
    if (user?.roles?.includes('tenant-admin') && user.tenants?.length) {
      location.hash = `#/admin/${encodeURIComponent(user.tenants[0])}`;
      return;
    }
  }
  const route = routes.find(([pattern]) => pattern.test(hash));
  if (!route) {
    show(main, h('h1', {}, t('notFound')), h('p', {}, h('a', { href: '#/' }, t('nav.home'))));
    return;
  }
  main.replaceChildren(h('p', { class: 'muted', role: 'status' }, t('common.loading')));
  try {
    await route[1](hash.match(route[0]));
    if (run === rendering) renderHeader(); // the reviewer link once the user is known
  } catch (e) {
    if (run !== rendering) return;
    console.error(e);
    show(main, h('div', { class: 'alert error', role: 'alert' },
      h('h1', {}, t('common.error')),
      h('button', { type: 'button', class: 'btn', onclick: () => render() }, t('common.retry'))));
  }
}

function renderHeader() {
  const switchTo = lang() === 'zh' ? 'en' : 'zh';
  const langButton = h('button', {
    type: 'button', class: 'btn btn-light', lang: switchTo === 'en' ? 'en' : 'zh-CN',
    'aria-label': t('lang.switch.label'), id: 'lang-switch',
    onclick: () => { setLang(switchTo); render(); },
  }, t('lang.switch'));
  const reviewLink = auth.signedIn() && knownReviewer()
    ? h('a', { class: 'btn btn-light', href: '#/review', id: 'nav-review', 'aria-current': /^#\/review/.test(location.hash) ? 'page' : null }, t('nav.review'))
    : null;
  const admin = auth.signedIn() && knownUser()?.roles?.includes('tenant-admin') && knownUser().tenants?.length
    ? h('a', { class: 'btn btn-light', href: `#/admin/${encodeURIComponent(knownUser().tenants[0])}`, id: 'nav-admin', 'aria-current': /^#\/admin/.test(location.hash) ? 'page' : null }, t('nav.admin'))
    : null;
  const home = /^#\/t\/([\w-]+)$/.exec(location.hash);
  // 更换手机号 is for accounts registered with a mobile number (their user name), not for city-portal ones
  const phoneLink = auth.signedIn() && home && /^\d{11}$/.test(auth.claims().preferred_username || '')
    ? h('a', { class: 'btn btn-light', href: `#/t/${home[1]}/phone`, id: 'nav-phone' }, t('nav.phone'))
    : null;
  const account = auth.signedIn()
    ? [reviewLink, admin, phoneLink, h('span', { class: 'who' }, auth.claims().preferred_username ? maskName(auth.claims().preferred_username) : ''),
      h('button', { type: 'button', class: 'btn btn-light', id: 'sign-out', onclick: () => { forgetUser(); auth.signOut(); } }, t('nav.signout'))]
    : [h('a', { class: 'btn btn-light', href: '#/register', id: 'nav-register' }, t('nav.register')),
      h('button', { type: 'button', class: 'btn btn-light', id: 'sign-in', onclick: () => auth.signIn('#/') }, t('nav.signin'))];
  header.replaceChildren(langButton, ...account.filter(Boolean));
  document.title = t('app.title');
  document.getElementById('app-title').textContent = t('app.title');
  document.getElementById('skip-link').textContent = t('app.skip');
  document.getElementById('footer-status').textContent = t('footer.status');
  document.getElementById('footer-api').textContent = t('footer.api');
}

// The skip link moves focus to the main region without changing the #route (no inline handler: the
// Content-Security-Policy allows scripts from our origin only).
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

function maskName(name) {
  return /^\d{11}$/.test(name) ? `${name.slice(0, 3)}****${name.slice(-4)}` : name;
}

auth.onChange((signedIn) => {
  renderHeader();
  if (!signedIn && isPrivate(location.hash)) {
    show(main, h('div', { class: 'alert', role: 'alert' }, h('h1', {}, t('auth.expired')),
      h('button', { type: 'button', class: 'btn', onclick: () => auth.signIn(location.hash) }, t('nav.signin'))));
  }
});

window.addEventListener('hashchange', () => render());

try {
  const back = await auth.handleCallback();
  if (back && back !== location.hash) location.hash = back;
} catch (e) {
  console.error(e);
  show(main, h('div', { class: 'alert error', role: 'alert' }, h('h1', {}, t('auth.failed')),
    h('button', { type: 'button', class: 'btn', onclick: () => auth.signIn(location.hash || '#/') }, t('nav.signin'))));
  renderHeader();
}
if (!main.querySelector('.alert')) render();
