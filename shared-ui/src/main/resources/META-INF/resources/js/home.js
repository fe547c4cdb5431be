// Tenant chooser, family home (children and per-batch status table), add child, pledge.

import { api, application, definition } from './api.js';
import * as auth from './auth.js';
import { h, mask, show, uid } from './dom.js';
import { dateTime, has, loc, problemText, t } from './i18n.js';

const enc = encodeURIComponent;
let flash = null; // a one-time notice for the next family home (e.g. after a submission)

export function notify(message) {
  flash = message;
}

/** 请选择业务: the enabled tenants (public). */
export async function chooserView(main) {
  const answer = await api('tenants', { auth: false });
  if (!answer.ok) {
    show(main, h('h1', {}, t('chooser.heading')), h('p', { role: 'alert' }, t('chooser.unavailable')));
    return;
  }
  show(main,
    h('h1', {}, t('chooser.heading')),
    h('p', { class: 'muted' }, t('chooser.intro')),
    h('ul', { class: 'cards', id: 'tenants' }, answer.data.map((tenant) =>
      h('li', {},
        h('h2', { class: 'card-title' }, loc(tenant.name)),
        h('a', { class: 'btn', href: `#/t/${enc(tenant.id)}`, 'aria-label': `${t('chooser.enter')}：${loc(tenant.name)}` },
          t('chooser.enter'))))));
}

/** The statuses the family home shows per batch, as the tenant labels them. */
function batchStatus(batch, app, school) {
  const label = (code) => batch.statuses.find((s) => s.code === code);
  const fallback = (key) => ({ text: t(key), muted: true });
  if (!app) return fallback('status.none');
  if (app.status === 'DRAFT' || app.status === 'RETURNED') return fallback(`status.${app.status}`);
  if (batch.id !== 'PUBLIC' && !school) return fallback('home.notApplicable');
  const byStatus = {
    SUBMITTED: ['SUBMITTED', 'PENDING_ADMISSION'],
    IN_REVIEW: ['SUBMITTED', 'PENDING_ADMISSION'],
    REJECTED: ['WINDOW_REJECTED'],
    REVIEWED: ['REVIEW_COMPLETE', 'PENDING_ADMISSION'],
  }[app.status] || [];
  for (const code of byStatus) {
    const s = label(code);
    if (s) return { text: loc(s.label), title: loc(s.meaning) };
  }
  return fallback(`status.${app.status}`);
}

/** Where each batch's chosen school is in the answers (choices step). */
const BATCH_FIELDS = { PRIVATE_1: 'private1', PUBLIC: 'public', PRIVATE_2: 'private2' };

function childCard(tenant, def, child, app, rerender) {
  const choices = app?.answers?.choices?.choices || {};
  const batches = def.batches.filter((b) => b.id in BATCH_FIELDS || def.batches.length <= 3);
  const headingId = uid('child');
  const actions = [];
  const editable = !app || app.status === 'DRAFT' || app.status === 'RETURNED';
  if (editable) {
    actions.push(h('a', { class: 'btn', href: `#/t/${enc(tenant)}/c/${enc(child.id)}/pledge` },
      app ? t('home.child.continue') : t('home.child.fill')));
  } else {
    actions.push(h('a', { class: 'btn btn-secondary', href: `#/t/${enc(tenant)}/c/${enc(child.id)}/step/${enc(def.steps.at(-1).id)}` },
      t('home.child.view')));
  }
  const message = h('p', { class: 'notice', role: 'status' });
  if (app?.status === 'SUBMITTED') {
    actions.push(h('button', {
      type: 'button', class: 'btn btn-danger',
      onclick: async (event) => {
        if (!confirm(t('home.child.withdrawConfirm'))) return;
        event.target.disabled = true;
        const answer = await api(`tenants/${enc(tenant)}/children/${enc(child.id)}/application/withdraw`, { method: 'POST' });
        if (answer.ok) {
          notify(t('home.child.withdrawn'));
          rerender();
        } else {
          event.target.disabled = false;
          message.textContent = problemText(answer.data, 'detail');
        }
      },
    }, t('home.child.withdraw')));
  }
  return h('li', { class: 'child card', 'aria-labelledby': headingId, dataset: { child: child.id } },
    h('h2', { id: headingId }, child.name),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, t('home.child.idNumber')), h('dd', {}, mask(child.idNumber))),
      h('div', {}, h('dt', {}, t('home.child.stage')), h('dd', {}, t(`stage.${child.stage}`))),
      app?.submittedAt && app.status !== 'DRAFT'
        ? h('div', {}, h('dt', {}, t('home.child.submittedAt')), h('dd', {}, dateTime(app.submittedAt))) : null),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'batches' },
        h('caption', { class: 'sr-only' }, `${child.name} · ${t('home.child.batches')}`),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('home.child.batches')),
          h('th', { scope: 'col' }, t('home.child.school')),
          h('th', { scope: 'col' }, t('home.child.progress')))),
        h('tbody', {}, batches.map((batch) => {
          const school = choices[BATCH_FIELDS[batch.id]];
          const status = batchStatus(batch, app, school);
          const mayWithdraw = app?.status === 'SUBMITTED' && school;
          return h('tr', { dataset: { batch: batch.id } },
            h('th', { scope: 'row' }, loc(batch.name)),
            h('td', {}, school || '—'),
            h('td', {}, h('span', { class: `status status-${app?.status || 'NONE'}${status.muted ? ' muted-status' : ''}`, title: status.title }, status.text),
              mayWithdraw ? h('span', { class: 'muted small' }, ` ${t('home.child.mayWithdraw')}`) : null));
        })))),
    h('div', { class: 'actions' }, actions),
    message);
}

/** The family home of one tenant: who is signed in, the children, their applications. */
export async function homeView(main, tenant) {
  const [me, def, children] = await Promise.all([
    api('me'), definition(tenant), api(`tenants/${enc(tenant)}/children`)]);
  if (!children.ok) throw new Error(`children ${children.status}`);
  const apps = await Promise.all(children.data.map((c) => application(tenant, c.id)));
  const rerender = () => homeView(main, tenant);
  const notice = flash;
  flash = null;
  const phone = auth.claims().phone_number || (/^\d{11}$/.test(me.data?.username || '') ? me.data.username : null);
  show(main,
    h('div', { class: 'page-head' },
      h('h1', {}, `${loc(def.name)} · ${t('home.heading')}`),
      h('a', { class: 'btn', href: `#/t/${enc(tenant)}/children/new`, id: 'add-child' },
        children.data.length ? t('home.addChild') : t('home.firstChild'))),
    notice ? h('p', { class: 'alert success', role: 'status' }, notice) : null,
    h('dl', { class: 'facts account' },
      me.data?.registrationNumber
        ? h('div', {}, h('dt', {}, t('home.registrationNumber')), h('dd', {}, me.data.registrationNumber)) : null,
      phone ? h('div', {}, h('dt', {}, t('home.account')), h('dd', {}, mask(phone))) : null),
    children.data.length
      ? h('ul', { class: 'children' }, children.data.map((c, i) => childCard(tenant, def, c, apps[i], rerender)))
      : h('p', { class: 'empty' }, t('home.noChildren')),
    h('aside', { class: 'alert warn' },
      h('strong', {}, t('home.notice.title')), ' ', t('home.notice.body')));
}

/** 学生报名 / 新增子女: stage, name, ID type and number. */
export async function addChildView(main, tenant) {
  const def = await definition(tenant);
  const errors = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
  const field = (id, label, control, hint) => h('div', { class: 'field', dataset: { field: id } },
    h('label', { for: `child-${id}` }, label, h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
    hint ? h('p', { class: 'hint', id: `child-${id}-hint` }, hint) : null,
    control,
    h('p', { class: 'field-error', id: `child-${id}-error`, hidden: true }));
  const radios = (name, options, legend, hint) => h('fieldset', { class: 'field', dataset: { field: name } },
    h('legend', {}, legend, h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
    hint ? h('p', { class: 'hint' }, hint) : null,
    h('div', { class: 'options' }, options.map(([value, text], i) => h('label', { class: 'option' },
      h('input', { type: 'radio', name, value, id: `child-${name}-${value}`, checked: i === 0, required: true }), ` ${text}`))),
    h('p', { class: 'field-error', id: `child-${name}-error`, hidden: true }));
  const form = h('form', { class: 'panel', novalidate: true },
    errors,
    radios('stage', [['PRIMARY', t('stage.PRIMARY')], ['JUNIOR', t('stage.JUNIOR')]], t('child.stage'), t('child.stage.hint')),
    field('name', t('child.name'), h('input', { id: 'child-name', name: 'name', type: 'text', maxlength: 30, required: true, autocomplete: 'off' })),
    field('idType', t('child.idType'), h('select', { id: 'child-idType', name: 'idType' },
      ['MAINLAND_ID', 'PASSPORT', 'HK_MO_TW', 'OTHER'].map((code) => h('option', { value: code }, t(`idType.${code}`))))),
    field('idNumber', t('child.idNumber'), h('input', {
      id: 'child-idNumber', name: 'idNumber', type: 'text', maxlength: 30, required: true, autocomplete: 'off',
      spellcheck: 'false', 'aria-describedby': 'child-idNumber-hint',
    }), t('child.idNumber.hint')),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'btn', id: 'child-submit' }, t('child.submit')),
      h('a', { class: 'btn btn-secondary', href: `#/t/${enc(tenant)}` }, t('common.cancel'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const button = form.querySelector('#child-submit');
    button.disabled = true;
    const answer = await api(`tenants/${enc(tenant)}/children`, {
      method: 'POST',
      body: { stage: data.get('stage'), name: data.get('name'), idType: data.get('idType'), idNumber: data.get('idNumber') },
    });
    button.disabled = false;
    form.querySelectorAll('.field-error').forEach((e) => { e.hidden = true; e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    if (answer.ok) {
      location.hash = `#/t/${enc(tenant)}/c/${enc(answer.data.id)}/pledge`;
      return;
    }
    const list = answer.data?.errors || [];
    for (const e of list) {
      const out = form.querySelector(`#child-${e.field}-error`);
      const input = form.querySelector(`#child-${e.field}`);
      if (out) { out.textContent = problemText(e); out.hidden = false; }
      if (input) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', `child-${e.field}-error`); }
    }
    errors.replaceChildren(h('p', {}, list.length ? t('wizard.errors', { n: list.length }) : problemText(answer.data, 'detail')),
      list.length ? h('ul', {}, list.map((e) => h('li', {}, h('a', { href: `#child-${e.field}`, onclick: focusLink }, problemText(e))))) : null);
    errors.hidden = false;
    errors.focus();
  });
  show(main,
    h('h1', {}, `${loc(def.name)} · ${t('child.heading')}`),
    h('p', { class: 'muted' }, t('child.intro')),
    form);
}

/** In-page error links focus their field instead of changing the route. */
export function focusLink(event) {
  event.preventDefault();
  const target = document.getElementById(event.currentTarget.getAttribute('href').slice(1));
  if (!target) return;
  const focusable = target.matches('input, select, textarea, button')
    ? target : target.querySelector('input:checked, input, select, textarea') || target;
  focusable.scrollIntoView({ block: 'center' });
  focusable.focus();
}

/** 填报承诺: read and accept before filling in (我承诺 / 我拒绝). */
export async function pledgeView(main, tenant, child) {
  const def = await definition(tenant);
  const items = [];
  for (let i = 1; has(`pledge.${tenant}.${i}`); i++) items.push(t(`pledge.${tenant}.${i}`));
  if (!items.length) for (let i = 1; has(`pledge.generic.${i}`); i++) items.push(t(`pledge.generic.${i}`));
  const app = await application(tenant, child);
  const saved = new Set(Object.keys(app?.answers || {}));
  const next = def.steps.find((s) => !saved.has(s.id)) || def.steps.at(-1);
  show(main,
    h('section', { class: 'panel pledge', 'aria-labelledby': 'pledge-heading' },
      h('h1', { id: 'pledge-heading' }, t('pledge.heading')),
      items.map((text) => h('p', {}, text)),
      h('div', { class: 'actions' },
        h('a', { class: 'btn', id: 'pledge-accept', href: `#/t/${enc(tenant)}/c/${enc(child)}/step/${enc(next.id)}` }, t('pledge.accept')),
        h('a', { class: 'btn btn-secondary', id: 'pledge-refuse', href: `#/t/${enc(tenant)}` }, t('pledge.refuse')))));
}
