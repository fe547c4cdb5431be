// Tenant chooser, family home (children and per-batch status table), add child, pledge.

import { api, application, definition } from './api.js';
import { returnNotice } from './returned.js';
import * as auth from './auth.js';
import { confirmDialog, h, mask, show, uid } from './dom.js';
import { addMessages, dateTime, has, loc, problemText, t } from './i18n.js';
import { childStatus, deadlineNotice } from './progress.js';
import { secondRoundLink, secondRoundOf } from './second-round.js';

const enc = encodeURIComponent;
let flash = null;

addMessages({
  'home.child.progressPage': '报名进展',
  'home.child.accessLog': '查阅记录',
  'home.child.print': '打印报名表',
  'home.child.admitted': '录取学校',
  'home.child.delete': '删除该子女',
  'home.child.deleteConfirm': '确定删除“{name}”吗？删除后可重新报名。',
  'home.child.deleted': '已删除“{name}”。',
  'home.result.insurance': '社保对接结果',
  'home.result.property': '房产对接结果',
  'home.result.insurance.note': '对接结果仅供参考，如有问题请到社保部门核实。',
  'home.result.property.note': '此仅为系统对接结果，不作为最终审核结果。',
  'home.result.none': '暂无对接结果（报名信息提交后第二天可查看）。',
  'home.result.verifying': '正在对接，请稍后查看。',
  'home.result.close': '关闭',
  'home.result.verification': '核验结果',
  'home.result.verification.note': '报名信息提交后系统自动核验；公租房、廉租房及其他住房类型须人工审核，结果公布前显示“待审核”。',
  'home.result.fix': '修改信息',
  'home.result.item.identity': '学生身份核验',
  'home.result.item.guardians': '监护人核验',
  'home.result.item.property': '房产核验',
  'home.siblings': '同一登记的子女',
}, {
  'home.child.progressPage': 'Progress',
  'home.child.accessLog': 'Who read it',
  'home.child.print': 'Print the form',
  'home.child.admitted': 'Admitted by',
  'home.child.delete': 'Delete this child',
  'home.child.deleteConfirm': 'Delete “{name}”? You can register the child again.',
  'home.child.deleted': '“{name}” was deleted.',
  'home.result.insurance': 'Social insurance result',
  'home.result.property': 'Property registry result',
  'home.result.insurance.note': 'For reference only; ask the social insurance office if something is wrong.',
  'home.result.property.note': 'Only the automatic result: the final review decides.',
  'home.result.none': 'No result yet (available the day after submission).',
  'home.result.verifying': 'Being checked: look again later.',
  'home.result.close': 'Close',
  'home.result.verification': 'Verification results',
  'home.result.verification.note': 'Checked automatically after submission; public rental, low-rent and other housing is reviewed by hand and shows “awaiting manual review” until the results are published.',
  'home.result.fix': 'Modify',
  'home.result.item.identity': 'Student identity',
  'home.result.item.guardians': 'Guardians',
  'home.result.item.property': 'Property',
  'home.siblings': 'Children of this registration',
});

/** Labels of the registry results' fields (unknown fields show their key). */
const RESULT_LABELS = [
  ['outcome', '结果', 'Result'], ['matched', '产权证查验', 'Certificate check'], ['registeredOn', '房屋登记日期', 'Registered on'],
  ['registrationDate', '房屋登记日期', 'Registered on'], ['address', '房屋坐落', 'Address'], ['message', '提示', 'Message'],
  ['type', '险种', 'Insurance'], ['recent', '1-3年缴纳（月）', 'Months, last 3 years'], ['earlier', '3年以上缴纳（月）', 'Months, earlier'],
  ['months', '缴纳月数', 'Months'], ['status', '状态', 'Status'], ['detail', '说明', 'Detail'],
  ['result', '对接结果', 'Look-up result'], ['rows', '缴纳情况', 'Contributions'], ['label', '险种', 'Insurance'],
  ['recentMonths', '1-3年缴纳（月）', 'Months, last 3 years'], ['earlierMonths', '3年以上缴纳（月）', 'Months, earlier'],
];
addMessages(Object.fromEntries(RESULT_LABELS.map(([k, zh]) => [`result.${k}`, zh])),
  Object.fromEntries(RESULT_LABELS.map(([k, , en]) => [`result.${k}`, en])));

/** The registries' status codes in words (状态 FOUND is not for people). */
const RESULT_STATUSES = [
  ['FOUND', '已查询到缴费记录', 'Contributions found'], ['NOT_FOUND', '未查询到', 'Not found'],
  ['NO_PROPERTY', '无住宅类房产', 'No residential property'], ['OWNER_MISMATCH', '权利人与所填不一致', 'Owner differs from the answer'],
  ['MATCHED', '匹配', 'Matched'],
];
addMessages(Object.fromEntries(RESULT_STATUSES.map(([k, zh]) => [`result.status.${k}`, zh])),
  Object.fromEntries(RESULT_STATUSES.map(([k, , en]) => [`result.status.${k}`, en]))); // a one-time notice for the next family home (e.g. after a submission)

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

/** The batches a child's card shows: the form's batches always, the others once they have a status. */
function shownBatches(status, round = null) {
  return status.batches.filter((b) => b.status || b.schools.length || b.id !== 'SECOND_ROUND' || round?.editable);
}

/** What a batch cell says when the server derived no status (not submitted, nothing chosen). */
function fallbackStatus(app, batch) {
  if (!app || app === 'NONE') return t('status.none');
  if (app === 'DRAFT' || app === 'RETURNED') return t(`status.${app}`);
  return batch.schools.length ? t(`status.${app}`) : t('home.notApplicable');
}

/** The registry-result dialogs a tenant's family home offers (社保对接结果, 房产对接结果). */
const REGISTRY_DIALOGS = { kunshan: ['insurance', 'property'], siming: ['verification'] };
const DIALOG_ITEMS = { insurance: /insur|social|社保/i, property: /propert|estate|housing|房产/i, verification: /./ };

const resultLabel = (k) => (has(`result.${k}`) ? t(`result.${k}`) : k);

/** Keys of a registry result that are for the machine or shown elsewhere (the dialog's title and note). */
const HIDDEN_RESULT_KEYS = ['fields', 'item', 'checkedAt', 'title', 'note', 'columns', 'paid'];

/**
 * A registry result of any shape, readable: text, lists as tables, objects as label/value lists. A
 * `data` object is shown as part of its parent; a list's column labels may come with it (`columns`:
 * key → {zh, en}, e.g. 社保's 1-3年缴纳（月）), and a row's `label` names it (险种) in place of its code.
 */
function renderResult(value, columns = null) {
  if (value == null) return '—';
  if (typeof value !== 'object') return String(value);
  if ('zh' in value && 'en' in value && Object.keys(value).length === 2) return loc(value);
  if (Array.isArray(value)) {
    if (value.length && value.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
      let keys = [...new Set(value.flatMap((v) => Object.keys(v)))];
      if (keys.includes('label')) keys = ['label', ...keys.filter((k) => k !== 'label' && k !== 'type')];
      const heading = (k) => {
        const own = columns?.[k.replace(/Months$/, '')];
        return own ? loc(own) : resultLabel(k);
      };
      return h('table', { class: 'result-table' },
        h('thead', {}, h('tr', {}, keys.map((k) => h('th', { scope: 'col' }, heading(k))))),
        h('tbody', {}, value.map((v) => h('tr', {}, keys.map((k) => h('td', {}, renderResult(v[k])))))));
    }
    return value.map((v) => renderResult(v)).join('、');
  }
  if (value.data && typeof value.data === 'object' && !Array.isArray(value.data)) {
    const { data, ...rest } = value;
    return renderResult({ ...rest, ...data });
  }
  const worded = 'result' in value || 'message' in value; // then the status code says nothing more
  return h('dl', { class: 'facts result' }, Object.entries(value)
    .filter(([k]) => !HIDDEN_RESULT_KEYS.includes(k) && !(worded && k === 'status'))
    .map(([k, v]) => h('div', {}, h('dt', {}, resultLabel(k)), h('dd', {}, k === 'status' && typeof v === 'string'
      && has(`result.status.${v}`) ? t(`result.status.${v}`) : renderResult(v, value.columns)))));
}

/** 社保对接结果 / 房产对接结果: whatever GET …/application/verification returns for that registry. */
async function registryDialog(tenant, child, kind, opener, editable = false) {
  const answer = await api(`tenants/${enc(tenant)}/children/${enc(child)}/application/verification`);
  const pattern = DIALOG_ITEMS[kind];
  let body;
  if (!answer.ok) {
    body = h('p', { class: 'muted' }, t('home.result.none'));
  } else {
    const data = answer.data || {};
    const own = Object.entries(data).filter(([k, v]) => k !== 'items' && pattern.test(k) && v && typeof v === 'object');
    const items = (data.items || []).filter((i) => pattern.test(i.item || ''));
    // 修改信息: an anomaly names the answers to fix; while the application is editable (returned after the
    // anomaly, possibly since the page was drawn), link to their step.
    if (!editable && items.some((i) => i.outcome === 'ANOMALY')) editable = Boolean((await childStatus(tenant, child))?.actions.edit);
    const fix = (i) => (editable && i.outcome === 'ANOMALY' && i.fields?.length
      ? h('a', { class: 'btn btn-secondary', dataset: { action: 'fix' },
        onclick: (event) => event.currentTarget.closest('dialog')?.close(),
        href: `#/t/${enc(tenant)}/c/${enc(child)}/step/${enc(i.fields[0].split('.')[0])}` }, t('home.result.fix')) : null);
    const parts = [
      ...own.map(([, v]) => renderResult(v)),
      ...items.map((i) => h('div', { class: `result-item result-${String(i.outcome || '').toLowerCase()}`, dataset: { item: i.item } },
        has(`home.result.item.${i.item}`) ? h('h3', {}, t(`home.result.item.${i.item}`)) : null,
        h('p', {}, h('strong', {}, loc(i.outcomeLabel) || i.outcome || ''), i.detail ? ` ${loc(i.detail)}` : ''),
        fix(i),
        renderResult(Object.fromEntries(Object.entries(i).filter(([k]) => !['outcome', 'outcomeLabel', 'detail'].includes(k)))))),
    ];
    body = parts.length ? parts : h('p', { class: 'muted' },
      data.status === 'VERIFYING' ? t('home.result.verifying') : t('home.result.none'));
  }
  const dialog = h('dialog', { class: 'result-dialog', 'aria-labelledby': `dialog-${kind}-title`, id: `dialog-${kind}` },
    h('h2', { id: `dialog-${kind}-title` }, t(`home.result.${kind}`)),
    body,
    h('p', { class: 'muted small' }, t(`home.result.${kind}.note`)),
    h('form', { method: 'dialog', class: 'actions' }, h('button', { class: 'btn', id: `dialog-${kind}-close` }, t('home.result.close'))));
  dialog.addEventListener('close', () => { dialog.remove(); opener.focus(); });
  document.body.append(dialog);
  dialog.showModal();
}

/** Repeatable sections of the form that list children (a name and an ID number each), as [step, section]. */
function childListSections(def) {
  return def.steps.flatMap((step) => step.sections
    .filter((sec) => sec.maxRepeats > 1 && ['name', 'idNumber'].every((f) => sec.fields.some((x) => x.id === f)))
    .map((sec) => [step.id, sec.id]));
}

/**
 * The children of one registration (e.g. twins): the entries of a repeatable child list of the
 * application that holds this child, when there are more than one; otherwise none.
 */
async function registrationChildren(tenant, def, child) {
  const sections = childListSections(def);
  if (!sections.length) return [];
  const app = await application(tenant, child.id).catch(() => null);
  const same = (a, b) => String(a || '').trim().toUpperCase() === String(b || '').trim().toUpperCase();
  for (const [step, section] of sections) {
    const entries = app?.answers?.[step]?.[section];
    if (Array.isArray(entries) && entries.length > 1 && entries.some((e) => same(e.idNumber, child.idNumber))) {
      return entries.filter((e) => e && e.name);
    }
  }
  return [];
}

function childCard(tenant, def, child, status, rerender, siblings = [], round = null, returnedApp = null) {
  const headingId = uid('child');
  const app = status?.application || 'NONE';
  const actions = [];
  const base = `#/t/${enc(tenant)}/c/${enc(child.id)}`;
  const message = h('p', { class: 'notice', role: 'status' });
  const editable = !status || status.actions.edit;
  if (editable) {
    actions.push(h('a', { class: 'btn', href: `${base}/pledge` }, app === 'NONE' ? t('home.child.fill') : t('home.child.continue')));
  } else {
    actions.push(h('a', { class: 'btn btn-secondary', href: `${base}/step/${enc(def.steps.at(-1).id)}` }, t('home.child.view')));
  }
  if (status?.actions.print) {
    actions.push(h('a', { class: 'btn btn-secondary', href: `${base}/progress`, dataset: { action: 'progress' } }, t('home.child.progressPage')));
    actions.push(h('a', { class: 'btn btn-secondary', href: `${base}/access-log`, dataset: { action: 'access-log' } }, t('home.child.accessLog')));
    for (const kind of REGISTRY_DIALOGS[tenant] || []) {
      actions.push(h('button', {
        type: 'button', class: 'btn btn-secondary', dataset: { action: kind },
        onclick: (event) => registryDialog(tenant, child.id, kind, event.currentTarget, Boolean(status.actions.edit)),
      }, t(`home.result.${kind}`)));
    }
  }
  if (status?.actions.withdraw) {
    actions.push(h('button', {
      type: 'button', class: 'btn btn-danger', dataset: { action: 'withdraw' },
      onclick: async (event) => {
        if (!(await confirmDialog({ id: 'withdraw-dialog', title: t('home.child.withdraw'), text: t('home.child.withdrawConfirm'),
          confirmLabel: t('home.child.withdraw'), cancelLabel: t('common.cancel'), danger: true }))) return;
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
  if (!status || status.actions.deleteChild) {
    actions.push(h('button', {
      type: 'button', class: 'btn btn-danger', dataset: { action: 'delete' },
      onclick: async (event) => {
        if (!(await confirmDialog({ id: 'delete-dialog', title: t('home.child.delete'),
          text: t('home.child.deleteConfirm', { name: child.name }), confirmLabel: t('home.child.delete'),
          cancelLabel: t('common.cancel'), danger: true }))) return;
        event.target.disabled = true;
        const answer = await api(`tenants/${enc(tenant)}/children/${enc(child.id)}`, { method: 'DELETE' });
        if (answer.ok) {
          notify(t('home.child.deleted', { name: child.name }));
          rerender();
        } else {
          event.target.disabled = false;
          message.textContent = problemText(answer.data, 'detail');
        }
      },
    }, t('home.child.delete')));
  }
  const batches = status ? shownBatches(status, round) : def.batches.map((b) => ({ id: b.id, name: b.name, schools: [], status: null }))
    .filter((b) => b.id !== 'SECOND_ROUND');
  return h('li', { class: 'child card', 'aria-labelledby': headingId, dataset: { child: child.id } },
    h('h2', { id: headingId }, child.name),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, t('home.child.idNumber')), h('dd', {}, mask(child.idNumber))),
      h('div', {}, h('dt', {}, t('home.child.stage')), h('dd', {}, t(`stage.${child.stage}`))),
      siblings.length
        ? h('div', { class: 'siblings' }, h('dt', {}, t('home.siblings')), h('dd', {}, h('ul', { class: 'plain' },
          siblings.map((s) => h('li', { dataset: { sibling: '' } }, `${s.name}（${mask(s.idNumber || '')}）`))))) : null,
      status?.submittedAt && app !== 'DRAFT'
        ? h('div', {}, h('dt', {}, t('home.child.submittedAt')), h('dd', {}, dateTime(status.submittedAt))) : null),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'batches' },
        h('caption', { class: 'sr-only' }, `${child.name} · ${t('home.child.batches')}`),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('home.child.batches')),
          h('th', { scope: 'col' }, t('home.child.school')),
          h('th', { scope: 'col' }, t('home.child.progress')))),
        h('tbody', {}, batches.map((batch) => {
          const label = batch.status;
          const text = label ? loc(label.label)
            : batch.id === 'SECOND_ROUND' && round?.editable ? t('sr.home.notFiled') : fallbackStatus(app, batch);
          const cell = label && status.actions.print
            ? h('a', { class: `status status-${label.code}`, href: `${base}/progress`, title: loc(label.meaning) }, text)
            : h('span', { class: `status muted-status status-${app}` }, text);
          return h('tr', { dataset: { batch: batch.id } },
            h('th', { scope: 'row' }, loc(batch.name)),
            h('td', {}, batch.schools.map((s) => loc(s.name)).join('；') || '—'),
            h('td', {}, h('div', { class: 'progress-cell' }, cell,
              label && status.actions.withdraw ? h('span', { class: 'muted small' }, ` ${t('home.child.mayWithdraw')}`) : null,
              label && status.actions.print
                ? h('a', { class: 'print-link', href: `${base}/print`, dataset: { action: 'print' } }, t('home.child.print')) : null,
              batch.admittedSchool
                ? h('span', { class: 'admitted' }, `${t('home.child.admitted')}：${loc(batch.admittedSchool.name)}`) : null,
              batch.id === 'SECOND_ROUND' ? secondRoundLink(tenant, child.id, round) : null)));
        })))),
    returnedApp ? returnNotice(def, returnedApp, (stepId) => `${base}/step/${enc(stepId)}`) : null,
    h('div', { class: 'actions' }, actions),
    message);
}

/** The family home of one tenant: the deadline, who is signed in, the children and their statuses. */
export async function homeView(main, tenant) {
  const [me, def, children, deadline] = await Promise.all([
    api('me'), definition(tenant), api(`tenants/${enc(tenant)}/children`), deadlineNotice(tenant).catch(() => null)]);
  if (!children.ok) {
    // a refusal the server explains (e.g. 403 real-name-required: 请先完成实名认证) is shown as it says, not as 出错了
    if (children.status >= 400 && children.status < 500 && children.data?.type) {
      show(main, h('h1', {}, loc(def.name)), h('div', { class: 'alert warn', role: 'alert', id: 'home-refused' },
        h('h2', {}, problemText(children.data, 'title')), h('p', {}, problemText(children.data, 'detail'))),
        h('p', {}, h('a', { href: '#/' }, t('nav.home'))));
      return;
    }
    throw new Error(`children ${children.status}`);
  }
  const statuses = await Promise.all(children.data.map((c) => childStatus(tenant, c.id)));
  const siblings = await Promise.all(children.data.map((c) => registrationChildren(tenant, def, c)));
  const rounds = await Promise.all(children.data.map((c, i) => secondRoundOf(tenant, c.id, statuses[i])));
  // a returned child's reason and fields, on its card (not only in the SMS)
  const returned = await Promise.all(children.data.map((c, i) => (statuses[i]?.application === 'RETURNED'
    ? application(tenant, c.id).catch(() => null) : null)));
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
    deadline,
    me.data?.registrationNumber || phone ? h('dl', { class: 'facts account' },
      me.data?.registrationNumber
        ? h('div', {}, h('dt', {}, t('home.registrationNumber')), h('dd', {}, me.data.registrationNumber)) : null,
      phone ? h('div', {}, h('dt', {}, t('home.account')), h('dd', {}, mask(phone))) : null) : null,
    children.data.length
      ? h('ul', { class: 'children' }, children.data.map((c, i) => childCard(tenant, def, c, statuses[i], rerender, siblings[i], rounds[i], returned[i])))
      : h('p', { class: 'empty' }, t('home.noChildren')),
    def.parentNotice ? h('aside', { class: 'alert warn', id: 'parent-notice' },
      h('strong', {}, t('home.notice.title')), ' ', loc(def.parentNotice)) : null);
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
    radios('stage', (def.stages || []).map((s) => [s.code, loc(s.label)]), t('child.stage'),
      (def.stages || []).length > 1 ? t('child.stage.hint') : null),
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
