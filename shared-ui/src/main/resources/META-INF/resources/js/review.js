// 审核工作台: one queue over every district/department/school the reviewer holds (filters, paging), and
// the task page (answers grouped by step with the form's labels, changed steps highlighted, claim/release,
// the decision form with inline problems and the 409 conflicts explained).

import { correctionsPanel } from './corrections.js';
import { api, definition } from './api.js';
import { h, mask, show, uid } from './dom.js';
import { addMessages, dateTime, loc, problemText, t } from './i18n.js';
import { documentsPanel } from './review-documents.js';
import { itemsPanel, pointsPanel } from './review-items.js';
import { displayValue } from './wizard.js';
import { loadSchoolNames } from './recommend.js';
import { tenantNames } from './progress.js';

addMessages({
  'review.shared.heading': '以下填报内容与其他家庭的报名相同，请核实：',
  'review.shared.item': '{field}：{value}（另有 {n} 个家庭填报）',
  'review.reveal': '显示完整证件号',
  'review.revealHint': '证件号默认部分隐藏；查看完整号码将被记录。',
  'review.revealed': '已显示完整证件号（已记录）',
}, {
  'review.shared.heading': 'These answers also appear in applications of other families. Please check:',
  'review.shared.item': '{field}: {value} ({n} other families)',
  'review.reveal': 'Show full ID numbers',
  'review.revealHint': 'ID numbers are partly hidden; viewing them in full is recorded.',
  'review.revealed': 'Full ID numbers shown (recorded)',
});

const enc = encodeURIComponent;
const STATUSES = ['OPEN', 'WAITING', 'APPROVED', 'REJECTED', 'RETURNED', 'CANCELLED'];
const PAGE_SIZE = 20;

let me = null; // GET /api/me of the signed-in user (display and routing only; the API decides)

/** The signed-in user as the platform sees them, fetched once per sign-in. */
export async function currentUser() {
  if (!me) {
    const answer = await api('me');
    me = answer.ok ? answer.data : { roles: [], scopes: [], tenants: [] };
  }
  return me;
}

/** Whether the user is known to be a reviewer (without asking the API). */
export function knownReviewer() {
  return Boolean(me?.roles?.includes('reviewer'));
}

/** The signed-in user if already fetched, else null (display only). */
export function knownUser() {
  return me;
}

/** Forgets the cached user (sign-out). */
export function forgetUser() {
  me = null;
}

/** The scopes of a kind (district, department, school): [{tenant, value}]. */
function scopesOf(user, kind) {
  return (user.scopes || []).map((s) => s.split(':')).filter((p) => p.length === 3 && p[1] === kind)
    .map(([tenant, , value]) => ({ tenant, value }));
}

// The queue filters live in memory only: nothing a reviewer searches for appears in the address bar.
const filters = { tenant: '', district: '', stage: '', status: 'OPEN', submittedFrom: '', submittedTo: '', q: '', page: 0 };
const stagesSeen = new Map(); // stage id → stageName {zh, en}

function query() {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== '' && value !== null && value !== undefined) params.set(key, String(value));
  }
  params.set('size', String(PAGE_SIZE));
  return params.toString();
}

function statusBadge(status) {
  return h('span', { class: `badge task-${status}` }, t(`task.status.${status}`));
}

function scopeSummary(user) {
  const parts = [];
  const districts = scopesOf(user, 'district');
  const departments = scopesOf(user, 'department');
  const schools = scopesOf(user, 'school');
  if (districts.length) parts.push(`${t('review.scope.district')}：${districts.map((d) => districtName(d.value)).join('、')}`);
  if (departments.length) parts.push(`${t('review.scope.department')}：${departments.map((d) => departmentName(d.value)).join('、')}`);
  if (schools.length) parts.push(`${t('review.scope.school')}：${schools.map((d) => d.value).join('、')}`);
  return parts.join('；');
}

/** District names of the reviewer's tenants (code → {zh, en}), from the tenants' public names. */
const districtNames = new Map();

async function loadDistrictNames(user) {
  const tenants = new Set([...(user.tenants || []), ...(user.scopes || []).map((s) => s.split(':')[0])]);
  await Promise.all([...tenants].filter(Boolean).map((tenant) => tenantNames(tenant)
    .then((names) => Object.entries(names.districts || {}).forEach(([code, name]) => districtNames.set(code, name)))));
}

function districtName(code) {
  if (districtNames.has(code)) return `${loc(districtNames.get(code))}（${code}）`;
  const key = `district.${code}`;
  const text = t(key);
  return text === key ? code : `${text}（${code}）`;
}

function departmentName(code) {
  const key = `department.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

/** 审核工作台: the queue. */
export async function queueView(main) {
  const user = await currentUser();
  if (!user.roles?.includes('reviewer') && !user.roles?.includes('tenant-admin')) {
    show(main, h('h1', {}, t('review.heading')), h('p', { class: 'alert warn', role: 'alert' }, t('review.notReviewer')));
    return;
  }
  const [answer] = await Promise.all([api(`review/tasks?${query()}`), loadDistrictNames(user)]);
  const problem = answer.ok ? null : answer.data;
  const page = answer.ok ? answer.data : { items: [], total: 0, page: 0, size: PAGE_SIZE };
  page.items.forEach((task) => stagesSeen.set(task.stage, task.stageName));

  const districts = scopesOf(user, 'district');
  const tenants = user.tenants || [];
  const select = (name, label, options, current) => {
    const id = `filter-${name}`;
    return h('div', { class: 'field compact' },
      h('label', { for: id }, label),
      h('select', { id, name },
        options.map(([value, text]) => h('option', { value, selected: value === current }, text))));
  };
  const input = (name, label, type, attrs = {}) => {
    const id = `filter-${name}`;
    return h('div', { class: 'field compact' },
      h('label', { for: id }, label),
      attrs.hint ? h('p', { class: 'hint', id: `${id}-hint` }, attrs.hint) : null,
      h('input', { id, name, type, value: filters[name], autocomplete: 'off', 'aria-describedby': attrs.hint ? `${id}-hint` : null }));
  };
  const stageOptions = [...stagesSeen.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  if (filters.stage && !stagesSeen.has(filters.stage)) stageOptions.push([filters.stage, filters.stage]);
  const form = h('form', { class: 'panel filters', id: 'queue-filters', role: 'search', 'aria-label': t('review.filters') },
    h('div', { class: 'filter-grid' },
      tenants.length > 1 ? select('tenant', t('review.filter.tenant'), [['', t('review.filter.all')], ...tenants.map((x) => [x, x])], filters.tenant) : null,
      districts.length > 1 || filters.district
        ? select('district', t('review.col.district'), [['', t('review.filter.all')], ...districts.map((d) => [d.value, districtName(d.value)])], filters.district)
        : null,
      select('stage', t('review.col.stage'), [['', t('review.filter.all')], ...stageOptions.map(([id, name]) => [id, loc(name)])], filters.stage),
      select('status', t('review.col.status'), STATUSES.map((s) => [s, t(`task.status.${s}`)]), filters.status),
      input('submittedFrom', t('review.filter.from'), 'date'),
      input('submittedTo', t('review.filter.to'), 'date'),
      input('q', t('review.filter.q'), 'search', { hint: t('review.filter.qHint') })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'btn', id: 'filter-apply' }, t('review.filter.apply')),
      h('button', {
        type: 'button', class: 'btn btn-secondary', id: 'filter-reset',
        onclick: () => {
          Object.assign(filters, { tenant: '', district: '', stage: '', status: 'OPEN', submittedFrom: '', submittedTo: '', q: '', page: 0 });
          queueView(main);
        },
      }, t('review.filter.reset'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    for (const key of ['tenant', 'district', 'stage', 'status', 'submittedFrom', 'submittedTo', 'q']) {
      if (data.has(key)) filters[key] = String(data.get(key)).trim();
    }
    filters.page = 0;
    queueView(main);
  });

  const pages = Math.max(1, Math.ceil(page.total / page.size));
  const captionId = uid('queue');
  const table = page.items.length
    ? h('div', { class: 'table-wrap' },
      h('table', { class: 'queue', id: 'queue', 'aria-describedby': captionId },
        h('caption', { class: 'sr-only' }, t('review.queue')),
        h('thead', {}, h('tr', {},
          ['registrationNumber', 'childId', 'district', 'stage', 'submittedAt', 'status']
            .map((c) => h('th', { scope: 'col' }, t(`review.col.${c}`))))),
        h('tbody', {}, page.items.map((task) => h('tr', { dataset: { task: task.id } },
          h('th', { scope: 'row', 'data-label': t('review.col.registrationNumber') },
            h('a', { href: `#/review/task/${enc(task.id)}`, class: 'task-link' },
              task.registrationNumber || t('review.noNumber'),
              h('span', { class: 'sr-only' }, ` ${t('review.open')}`))),
          h('td', { 'data-label': t('review.col.childId') }, task.childIdMasked || '—'),
          h('td', { 'data-label': t('review.col.district') }, task.district ? districtName(task.district) : '—'),
          h('td', { 'data-label': t('review.col.stage') }, loc(task.stageName),
            task.submission > 1 ? h('span', { class: 'muted small' }, ` ${t('review.resubmission', { n: task.submission })}`) : null),
          h('td', { 'data-label': t('review.col.submittedAt') }, task.submittedAt ? dateTime(task.submittedAt) : '—'),
          h('td', { 'data-label': t('review.col.status') }, statusBadge(task.status),
            task.claimedBy ? h('span', { class: 'muted small claim-note' }, task.claimedBy === user.userId ? t('review.claimedByMe') : t('review.claimedByOther')) : null))))))
    : h('p', { class: 'empty', id: 'queue-empty' }, problem ? problemText(problem, 'detail') : t('review.empty'));

  const pager = h('nav', { class: 'pager actions', 'aria-label': t('review.paging') },
    h('button', {
      type: 'button', class: 'btn btn-secondary', id: 'page-prev', disabled: page.page <= 0,
      onclick: () => { filters.page = Math.max(0, page.page - 1); queueView(main); },
    }, t('review.prev')),
    h('span', { id: captionId, role: 'status' }, t('review.pageOf', { n: page.page + 1, pages, total: page.total })),
    h('button', {
      type: 'button', class: 'btn btn-secondary', id: 'page-next', disabled: page.page + 1 >= pages,
      onclick: () => { filters.page = page.page + 1; queueView(main); },
    }, t('review.next')));

  show(main,
    h('div', { class: 'page-head' }, h('h1', {}, t('review.heading'))),
    h('p', { class: 'muted', id: 'review-scope' }, scopeSummary(user)),
    problem ? problemAlert(problem) : null,
    form,
    table,
    pager);
}

function problemAlert(problem, extra = null) {
  const errors = problem?.errors || [];
  return h('div', { class: 'alert error', role: 'alert', id: 'review-problem', tabindex: '-1' },
    h('p', { class: 'summary-title' }, conflictText(problem) || problemText(problem, 'title')),
    errors.length ? h('ul', {}, errors.map((e) => h('li', {}, problemText(e))))
      : conflictText(problem) ? null : h('p', {}, problemText(problem, 'detail')),
    extra);
}

/** The 409 conflicts explained: who holds the task, or that it was decided meanwhile. */
function conflictText(problem) {
  const kind = String(problem?.type || '').replace('urn:civic:problem:', '');
  if (!['task-claimed', 'task-not-open', 'stale-version'].includes(kind)) return null;
  return `${problemText(problem, 'detail')} ${t(`review.conflict.${kind}`)}`;
}

/** The task page: application answers, changed steps, claim/release, decision. */
export async function taskView(main, taskId, notice = null) {
  const [user, answer] = await Promise.all([currentUser(), api(`review/tasks/${enc(taskId)}`)]);
  if (user) await loadDistrictNames(user);
  if (!answer.ok) {
    show(main, h('h1', {}, t('review.task')), problemAlert(answer.data),
      h('p', {}, h('a', { href: '#/review', class: 'btn btn-secondary' }, t('review.backToQueue'))));
    return;
  }
  const { task, answers, changedSteps, applicationStatus, documents } = answer.data;
  const [def, , names] = await Promise.all([definition(task.tenant), loadSchoolNames(task.tenant),
    tenantNames(task.tenant).catch(() => null)]);
  const changed = new Set(changedSteps || []);
  const reload = (message) => taskView(main, taskId, message);
  const mine = task.claimedBy && task.claimedBy === user.userId && (!task.claimExpiresAt || new Date(task.claimExpiresAt) > new Date());
  const other = task.claimedBy && !mine && task.claimExpiresAt && new Date(task.claimExpiresAt) > new Date();
  const open = task.status === 'OPEN';
  const outcome = h('div', { id: 'task-outcome' });

  const act = async (button, path, body) => {
    button.disabled = true;
    const result = await api(`review/tasks/${enc(taskId)}/${path}`, { method: 'POST', body });
    button.disabled = false;
    if (result.ok) return result;
    showProblem(result.data);
    return null;
  };
  const showProblem = (problem) => {
    const refresh = problem?.status === 409 || /task-|stale/.test(String(problem?.type))
      ? h('button', { type: 'button', class: 'btn btn-secondary', id: 'task-refresh', onclick: () => reload() }, t('review.refresh'))
      : null;
    const alert = problemAlert(problem, refresh);
    outcome.replaceChildren(alert);
    alert.focus();
  };

  // ---- claim ----------------------------------------------------------------------------------
  const claimBox = h('section', { class: 'panel claim', 'aria-labelledby': 'claim-heading' },
    h('h2', { id: 'claim-heading' }, t('review.claim.heading')),
    h('p', { id: 'claim-state', class: mine ? 'claim-mine' : other ? 'claim-other' : '' },
      !open ? t('review.claim.closed')
        : mine ? t('review.claim.mine', { time: dateTime(task.claimExpiresAt) })
          : other ? t('review.claim.other', { time: dateTime(task.claimExpiresAt) })
            : t('review.claim.free')),
    open ? h('div', { class: 'actions' },
      mine
        ? h('button', {
          type: 'button', class: 'btn btn-secondary', id: 'release',
          onclick: async (e) => { if (await act(e.currentTarget, 'release')) reload(t('review.released')); },
        }, t('review.release'))
        : h('button', {
          type: 'button', class: 'btn', id: 'claim',
          onclick: async (e) => { if (await act(e.currentTarget, 'claim')) reload(t('review.claimed')); },
        }, t('review.claim'))) : null);

  // ---- decision -------------------------------------------------------------------------------
  const items = itemsPanel(task, answer.data, user, mine, reload); // 核定积分项 (review-items.js)
  const decisionForm = open ? decisionPanel(def, answers, task, mine, async (button, body) => {
    if (items && body.decision === 'APPROVE') body.values = items.values();
    button.disabled = true;
    const result = await api(`review/tasks/${enc(taskId)}/decision`, { method: 'POST', body });
    button.disabled = false;
    if (result.ok) {
      reload(t(result.status === 202 ? 'items.pending.submitted' : `review.decided.${body.decision}`));
      return null;
    }
    if (!(result.data?.errors || []).length) showProblem(result.data);
    return items ? { ...result.data, errors: items.showErrors(result.data?.errors) } : result.data;
  }) : decidedPanel(task);

  show(main,
    h('div', { class: 'page-head' },
      h('h1', {}, `${t('review.task')} · ${task.registrationNumber || ''}`),
      h('a', { class: 'btn btn-secondary', href: '#/review', id: 'back-to-queue' }, t('review.backToQueue'))),
    notice ? h('p', { class: 'alert success', role: 'status', id: 'task-notice' }, notice) : null,
    h('dl', { class: 'facts account', id: 'task-facts' },
      fact(t('review.col.registrationNumber'), task.registrationNumber || '—'),
      fact(t('review.col.childId'), task.childIdMasked || '—'),
      fact(t('review.col.district'), task.district ? districtName(task.district) : '—'),
      fact(t('review.col.stage'), loc(task.stageName)),
      fact(t('review.col.submittedAt'), task.submittedAt ? dateTime(task.submittedAt) : '—'),
      fact(t('review.submission'), String(task.submission)),
      fact(t('review.col.status'), statusBadge(task.status)),
      fact(t('review.applicationStatus'), t(`status.${applicationStatus}`))),
    outcome,
    sharedValuesAlert(def, answer.data.sharedWithOtherFamilies),
    correctionsPanel(def, answer.data.corrections),
    h('div', { class: 'review-layout' },
      h('section', { class: 'panel answers', 'aria-labelledby': 'answers-heading' },
        h('h2', { id: 'answers-heading' }, t('review.answers')),
        task.submission > 1
          ? h('p', { class: changed.size ? 'alert warn' : 'muted', id: 'changed-summary' },
            changed.size
              ? t('review.changed', { steps: def.steps.filter((s) => changed.has(s.id)).map((s) => loc(s.title)).join('、') })
              : t('review.unchanged'))
          : h('p', { class: 'muted small' }, t('review.firstSubmission')),
        revealBox(taskId, main),
        answersView(def, answers, changed, names)),
      h('div', { class: 'review-aside' }, claimBox, items?.element, decisionForm, pointsPanel(answer.data.points))),
    documentsPanel(def, task, documents || []));
}

/** ID numbers are shown masked (3205**********1234) until the reviewer reveals them; the reveal is audited. */
function revealBox(taskId, main) {
  const note = h('p', { class: 'muted small', id: 'reveal-state', role: 'status' }, t('review.revealHint'));
  const button = h('button', {
    type: 'button', class: 'btn btn-secondary btn-small', id: 'reveal-ids',
    onclick: async () => {
      button.disabled = true;
      const result = await api(`review/tasks/${enc(taskId)}/reveals`, { method: 'POST' });
      if (!result.ok) { button.disabled = false; return; }
      // the task came with the numbers masked by the server; the reveal answers them in full, by answer path
      const full = result.data?.idNumbers || {};
      main.querySelectorAll('.id-number').forEach((el) => {
        if (full[el.dataset.path] !== undefined) { el.textContent = full[el.dataset.path]; }
      });
      note.textContent = t('review.revealed');
      button.hidden = true;
    },
  }, t('review.reveal'));
  return h('div', { class: 'reveal' }, button, note);
}

function fact(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

/** Every step's answers with the form's labels; changed steps marked (not by colour alone). */
function answersView(def, answers, changed, names) {
  const isEmpty = (v) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  const list = (section, entry, path) => h('dl', { class: 'preview-list' },
    section.fields.filter((f) => !isEmpty(entry?.[f.id])).map((f) =>
      h('div', { class: loc(f.label).length > 24 ? 'long' : null }, h('dt', {}, loc(f.label)), h('dd', {}, f.type === 'ID_NUMBER'
        ? h('span', { class: 'id-number', dataset: { path: `${path}.${f.id}` } }, mask(entry[f.id]))
        : displayValue(f, entry[f.id], { names, answers })))));
  return def.steps.filter((s) => answers?.[s.id] && s.sections.length).map((s) => {
    const saved = answers[s.id];
    const isChanged = changed.has(s.id);
    const headingId = uid('answers-step');
    return h('section', { class: `preview-step${isChanged ? ' changed' : ''}`, 'aria-labelledby': headingId, dataset: { step: s.id } },
      h('div', { class: 'preview-head' },
        h('h3', { id: headingId }, loc(s.title)),
        isChanged ? h('span', { class: 'badge changed-badge' }, t('review.changedBadge')) : null),
      s.sections.filter((sec) => !isEmpty(saved[sec.id]) && (Array.isArray(saved[sec.id]) || Object.keys(saved[sec.id]).length))
        .map((sec) => h('div', { class: 'preview-section' },
          h('h4', {}, loc(sec.title)),
          Array.isArray(saved[sec.id])
            ? saved[sec.id].map((entry, i) => h('div', {}, h('p', { class: 'muted small' }, t('wizard.entry', { n: i + 1 })),
              list(sec, entry, `${s.id}.${sec.id}[${i}]`)))
            : list(sec, saved[sec.id], `${s.id}.${sec.id}`))));
  });
}

/** 审核结论: 通过 / 不通过 (reason) / 退回 (fields to fix). */
function decisionPanel(def, answers, task, mine, decide) {
  const form = h('form', { class: 'decision', id: 'decision-form', novalidate: true });
  const fieldsetBody = h('fieldset', { disabled: !mine, id: 'decision-fields' });
  const decisionError = h('p', { class: 'field-error', id: 'decision-error', hidden: true });
  const reasonError = h('p', { class: 'field-error', id: 'reason-error', hidden: true });
  const fieldsError = h('p', { class: 'field-error', id: 'return-fields-error', hidden: true });
  const reasonText = h('textarea', { id: 'reason-text', name: 'reasonText', rows: 4, maxlength: 1000, 'aria-describedby': 'reason-hint reason-error' });
  // the tenant's reasons for 不通过 / 退回 (GET /api/tenants/{t} decisionReasons)
  const reasons = def.decisionReasons || [];
  const reasonCode = h('select', { id: 'reason-code', name: 'reasonCode', 'aria-describedby': 'reason-error' });
  const fillReasons = (decision) => reasonCode.replaceChildren(h('option', { value: '' }, t('common.choose')),
    ...reasons.filter((r) => r.decisions.includes(decision)).map((r) => h('option', { value: r.code }, loc(r.text))));
  const reasonBox = h('div', { class: 'field', id: 'reason-field', hidden: true },
    h('label', { for: 'reason-code' }, t('review.reasonCode'), h('span', { class: 'req', id: 'reason-req', 'aria-hidden': 'true' }, ' *')),
    reasonCode,
    h('label', { for: 'reason-text' }, t('review.reason')),
    h('p', { class: 'hint', id: 'reason-hint' }, t('review.reasonHint')),
    reasonText, reasonError);

  // Fields the parent must fix: the answered fields of each step, grouped.
  const returnBox = h('fieldset', { class: 'field return-fields', id: 'return-fields', hidden: true, 'aria-describedby': 'return-fields-hint return-fields-error' },
    h('legend', {}, t('review.returnFields'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
    h('p', { class: 'hint', id: 'return-fields-hint' }, t('review.returnFieldsHint')),
    def.steps.filter((s) => answers?.[s.id] && s.sections.length).map((s) => h('details', { class: 'return-step' },
      h('summary', {}, loc(s.title)),
      s.sections.filter((sec) => answers[s.id][sec.id] !== undefined).map((sec) => {
        const fields = Array.isArray(answers[s.id][sec.id])
          ? [{ path: `${s.id}.${sec.id}`, label: loc(sec.title) }]
          : sec.fields.filter((f) => answers[s.id][sec.id][f.id] !== undefined)
            .map((f) => ({ path: `${s.id}.${sec.id}.${f.id}`, label: `${loc(sec.title)} · ${loc(f.label)}` }));
        return fields.map((f) => h('label', { class: 'option' },
          h('input', { type: 'checkbox', name: 'fields', value: f.path, id: `return-${f.path.replace(/\W/g, '-')}` }), ` ${f.label}`));
      }))),
    fieldsError);

  const choice = (value) => h('label', { class: 'option' },
    h('input', { type: 'radio', name: 'decision', value, id: `decision-${value}`, 'aria-describedby': 'decision-error' }),
    ` ${t(`review.decision.${value}`)}`);
  const sync = () => {
    const value = form.querySelector('input[name=decision]:checked')?.value;
    reasonBox.hidden = !(value === 'REJECT' || value === 'RETURN');
    if (!reasonBox.hidden && reasonCode.dataset.decision !== value) {
      fillReasons(value);
      reasonCode.dataset.decision = value;
    }
    form.querySelector('#reason-req').hidden = value !== 'REJECT';
    returnBox.hidden = value !== 'RETURN';
  };
  fieldsetBody.append(
    h('legend', { class: 'sr-only' }, t('review.decision.heading')),
    h('div', { class: 'field', role: 'radiogroup', 'aria-labelledby': 'decision-label' },
      h('span', { class: 'label', id: 'decision-label' }, t('review.decision.choose'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
      h('div', { class: 'options' }, ['APPROVE', 'REJECT', 'RETURN'].map(choice)),
      decisionError),
    reasonBox,
    returnBox,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn', id: 'decision-submit' }, t('review.decision.submit'))));
  form.addEventListener('change', (event) => {
    if (event.target.name === 'decision') clear();
    sync();
  });
  if (!mine) form.append(h('p', { class: 'hint', id: 'decision-needs-claim' }, t('review.decision.needsClaim')));
  form.append(fieldsetBody);

  const clear = () => {
    for (const e of [decisionError, reasonError, fieldsError]) { e.hidden = true; e.textContent = ''; }
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  };
  const mark = (out, input, text) => {
    out.textContent = text;
    out.hidden = false;
    input?.setAttribute('aria-invalid', 'true');
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear();
    const decision = form.querySelector('input[name=decision]:checked')?.value;
    const fields = [...form.querySelectorAll('input[name=fields]:checked')].map((i) => i.value);
    const text = reasonText.value.trim();
    if (!decision) { mark(decisionError, form.querySelector('#decision-APPROVE'), t('review.decision.missing')); form.querySelector('#decision-APPROVE').focus(); return; }
    const code = decision === 'APPROVE' ? '' : reasonCode.value;
    if (decision === 'REJECT' && !code) { mark(reasonError, reasonCode, t('review.reasonMissing')); reasonCode.focus(); return; }
    if (reasons.find((r) => r.code === code)?.needsText && !text) { mark(reasonError, reasonText, t('review.reasonTextMissing')); reasonText.focus(); return; }
    if (decision === 'RETURN' && !fields.length) { mark(fieldsError, returnBox.querySelector('input'), t('review.returnFieldsMissing')); returnBox.querySelector('details')?.setAttribute('open', ''); returnBox.querySelector('input')?.focus(); return; }
    const body = { decision };
    if (decision !== 'APPROVE' && text) body.reasonText = text;
    if (code) body.reasonCode = code;
    if (decision === 'RETURN') body.fields = fields;
    const button = form.querySelector('#decision-submit');
    // Problems naming fields are shown next to them; the rest above the page (decide() shows them).
    const problem = await decide(button, body);
    const targets = {
      decision: [decisionError, form.querySelector('#decision-APPROVE')],
      reasonCode: [reasonError, reasonCode],
      reasonText: [reasonError, reasonText],
      fields: [fieldsError, returnBox.querySelector('input')],
    };
    let first = null;
    for (const e of problem?.errors || []) {
      const [out, input] = targets[e.field] || [decisionError, null];
      mark(out, input, problemText(e));
      first ||= input;
    }
    first?.focus();
  });

  return h('section', { class: 'panel', 'aria-labelledby': 'decision-heading' },
    h('h2', { id: 'decision-heading' }, t('review.decision.heading')),
    form);
}

/** 与其他家庭相同: answers (e.g. a property certificate number) another family of the tenant also gave. */
function sharedValuesAlert(def, shared) {
  if (!shared?.length) return null;
  const label = (path) => {
    const [stepId, sectionId, fieldId] = path.split('.');
    const step = def.steps.find((s) => s.id === stepId);
    const field = step?.sections.find((sec) => sec.id === sectionId)?.fields.find((f) => f.id === fieldId);
    return field ? loc(field.label) : path;
  };
  return h('div', { class: 'alert warn', role: 'note', id: 'shared-values' },
    h('strong', {}, t('review.shared.heading')),
    h('ul', {}, shared.map((v) => h('li', {}, t('review.shared.item', { field: label(v.field), value: v.value, n: v.otherFamilies })))));
}

function decidedPanel(task) {
  return h('section', { class: 'panel', 'aria-labelledby': 'decision-heading', id: 'decided' },
    h('h2', { id: 'decision-heading' }, t('review.decision.heading')),
    task.status === 'WAITING' ? h('p', {}, t('review.waiting'))
      : h('dl', { class: 'facts' },
        fact(t('review.col.status'), statusBadge(task.status)),
        task.decidedAt ? fact(t('review.decidedAt'), dateTime(task.decidedAt)) : null,
        task.reasonText ? fact(t('review.reason'), task.reasonText) : null,
        task.returnFields?.length ? fact(t('review.returnFields'), task.returnFields.join('、')) : null));
}
