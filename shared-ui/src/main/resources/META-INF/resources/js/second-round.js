// 二次志愿填报 (second-round choices, seed 000 §6): #/t/:tenant/c/:child/second-round — ten ordered slots of the
// district's public schools with seats left (GET …/second-round), no school twice, move up/down or re-pick,
// the filing deadline, saved with If-Match (PUT …/second-round); read-only after the deadline or once decided.
// Also what the family home needs to offer the page (secondRoundOf, secondRoundLink).

import { api, versionOf } from './api.js';
import { h, show } from './dom.js';
import { addMessages, loc, problemText, t } from './i18n.js';

const enc = encodeURIComponent;

addMessages({
  'sr.heading': '二次志愿填报',
  'sr.child': '学生',
  'sr.stage': '拟报学段',
  'sr.district': '拟报区镇',
  'sr.intro': '公办学校积分排名已公布：您的孩子在区镇准入线内，但所报学校学位已满。请在区镇内尚有空余学位的公办学校中按意愿顺序填报，最多 {max} 个志愿；录取时按区镇积分排名依次进行，每人录取到所填志愿中第一所仍有学位的学校。',
  'sr.slots': '志愿',
  'sr.slot': '志愿{n}',
  'sr.none': '无',
  'sr.option': '{name}（剩余学位 {left}）',
  'sr.up': '上移',
  'sr.down': '下移',
  'sr.clear': '清除',
  'sr.upLabel': '志愿{n}上移',
  'sr.downLabel': '志愿{n}下移',
  'sr.clearLabel': '清除志愿{n}',
  'sr.save': '提交',
  'sr.saving': '正在提交…',
  'sr.saved': '二次志愿已提交（{time}）。截止前仍可修改。',
  'sr.errors': '有 {n} 处需要修改：',
  'sr.empty': '请至少选择一所学校。',
  'sr.stale': '二次志愿已在别处被修改，请刷新页面后再提交。',
  'sr.reload': '刷新',
  'sr.back': '返回报名首页',
  'sr.readOnly': '以下为已提交的二次志愿（只读）。',
  'sr.noChoices': '未填报二次志愿。',
  'sr.noSchools': '区镇内暂无尚有空余学位的公办学校。',
  'sr.result': '二次志愿录取结果',
  'sr.result.PLACED': '拟录取',
  'sr.result.NOT_PLACED': '未录取',
  'sr.admitted': '录取学校：{name}',
  'sr.deadline.until': '二次志愿填报截止还有 {days} 天（{date}）',
  'sr.deadline.today': '二次志愿填报今天截止（{date}）',
  'sr.deadline.opens': '二次志愿填报将于 {date} 开始',
  'sr.deadline.closed': '二次志愿填报已于 {date} 截止',
  'sr.home.fill': '二次志愿填报',
  'sr.home.view': '查看详情',
  'sr.home.notFiled': '未填报',
}, {
  'sr.heading': 'Second-round choices',
  'sr.child': 'Student',
  'sr.stage': 'Stage',
  'sr.district': 'District',
  'sr.intro': 'The public-school ranking is published: your child is inside the district line, but the chosen school is full. List public schools of the district that still have seats, in order of preference, up to {max}. Children are placed in district ranking order, each at the first listed school that still has a seat.',
  'sr.slots': 'Choices',
  'sr.slot': 'Choice {n}',
  'sr.none': 'None',
  'sr.option': '{name} ({left} seats left)',
  'sr.up': 'Up',
  'sr.down': 'Down',
  'sr.clear': 'Clear',
  'sr.upLabel': 'Move choice {n} up',
  'sr.downLabel': 'Move choice {n} down',
  'sr.clearLabel': 'Clear choice {n}',
  'sr.save': 'Submit',
  'sr.saving': 'Submitting…',
  'sr.saved': 'Second-round choices submitted ({time}). You may change them until the deadline.',
  'sr.errors': '{n} things to correct:',
  'sr.empty': 'Choose at least one school.',
  'sr.stale': 'The choices were changed elsewhere: reload the page, then submit again.',
  'sr.reload': 'Reload',
  'sr.back': 'Back to the family home',
  'sr.readOnly': 'The submitted second-round choices (read-only).',
  'sr.noChoices': 'No second-round choices were filed.',
  'sr.noSchools': 'No public school of the district has seats left.',
  'sr.result': 'Second-round result',
  'sr.result.PLACED': 'Provisionally admitted',
  'sr.result.NOT_PLACED': 'Not admitted',
  'sr.admitted': 'Admitted by: {name}',
  'sr.deadline.until': 'Second-round filing closes in {days} days ({date})',
  'sr.deadline.today': 'Second-round filing closes today ({date})',
  'sr.deadline.opens': 'Second-round filing opens on {date}',
  'sr.deadline.closed': 'Second-round filing closed on {date}',
  'sr.home.fill': 'Second-round choices',
  'sr.home.view': 'View details',
  'sr.home.notFiled': 'Not filed',
});

const path = (tenant, child) => `tenants/${enc(tenant)}/children/${enc(child)}/second-round`;

/**
 * The second-round state of a child for the family home, fetched only when its status table hints at one
 * (the public batch shows 可二次填报 or the 二次志愿 batch has a status); null otherwise or when unavailable.
 */
export async function secondRoundOf(tenant, child, status) {
  const hinted = status?.batches?.some((b) => b.status?.code === 'SECOND_ROUND_OPEN' || (b.id === 'SECOND_ROUND' && b.status));
  if (!hinted) return null;
  const answer = await api(path(tenant, child)).catch(() => null);
  return answer?.ok ? answer.data : null;
}

/** The link of the 二次志愿 row: 二次志愿填报 while the list may change, 查看详情 once filed or decided. */
export function secondRoundLink(tenant, child, round) {
  if (!round || !(round.editable || round.choices?.length || round.result)) return null;
  return h('a', {
    class: round.editable ? 'btn btn-small' : 'print-link', id: `second-round-${child}`, dataset: { action: 'second-round' },
    href: `#/t/${enc(tenant)}/c/${enc(child)}/second-round`,
  }, round.editable ? t('sr.home.fill') : t('sr.home.view'));
}

/** The countdown to the filing deadline, days counted in China's calendar as the server's `today`. */
function deadline(view) {
  const phase = view.calendar;
  if (!phase) return null;
  const day = (d) => Date.parse(`${d}T00:00:00Z`);
  const days = Math.round((day(phase.closes) - day(view.today)) / 86400000);
  let text;
  let kind = 'info';
  if (day(view.today) < day(phase.opens)) text = t('sr.deadline.opens', { date: phase.opens });
  else if (days > 0) { text = t('sr.deadline.until', { days, date: phase.closes }); kind = days <= 3 ? 'warn' : 'info'; }
  else if (days === 0) { text = t('sr.deadline.today', { date: phase.closes }); kind = 'warn'; }
  else { text = t('sr.deadline.closed', { date: phase.closes }); kind = 'closed'; }
  return h('p', { class: `deadline deadline-${kind}`, id: 'sr-deadline', role: 'status' }, text);
}

export async function secondRoundView(main, tenant, childId, notice = null) {
  const [answer, children] = await Promise.all([api(path(tenant, childId)), api(`tenants/${enc(tenant)}/children`)]);
  const child = (children.data || []).find((c) => c.id === childId);
  const back = h('a', { class: 'btn btn-secondary', href: `#/t/${enc(tenant)}`, id: 'sr-back' }, t('sr.back'));
  if (!answer.ok || !child) {
    show(main, h('h1', {}, t('sr.heading')),
      h('p', { class: 'alert error', role: 'alert' }, problemText(answer.data, 'detail') || t('notFound')), back);
    return;
  }
  const view = answer.data;
  let version = versionOf(answer.etag) ?? String(view.version);
  const max = view.maxChoices || 10;
  const offered = view.schools || [];
  const head = h('div', { class: 'page-head' }, h('h1', {}, `${t('sr.heading')} · ${child.name}`), back);
  const facts = h('dl', { class: 'facts round-facts' },
    h('div', {}, h('dt', {}, t('sr.child')), h('dd', {}, child.name)),
    h('div', {}, h('dt', {}, t('sr.stage')), h('dd', {}, t(`stage.${view.stage}`))),
    h('div', {}, h('dt', {}, t('sr.district')), h('dd', { id: 'sr-district' }, view.district ? loc(view.district.name) || view.district.code : '—')));
  const result = view.result ? h('section', { class: 'panel round-result', 'aria-labelledby': 'sr-result-title', id: 'sr-result' },
    h('h2', { id: 'sr-result-title' }, t('sr.result')),
    h('p', {}, h('strong', {}, t(`sr.result.${view.result.outcome}`)),
      view.result.school ? ` ${t('sr.admitted', { name: loc(view.result.school.name) })}` : ''),
    view.result.explanation?.text ? h('p', { class: 'muted' }, loc(view.result.explanation.text)) : null) : null;

  if (!view.editable) {
    const list = (view.choices || []).length
      ? h('ol', { class: 'round-readonly', id: 'sr-choices' }, view.choices.map((c, i) => h('li', {},
        h('span', { class: 'round-label' }, t('sr.slot', { n: i + 1 })), ' ', loc(c.name))))
      : h('p', { class: 'empty' }, t('sr.noChoices'));
    show(main, head, facts, view.result ? null : deadline(view),
      view.reason ? h('p', { class: 'alert warn', role: 'status', id: 'sr-reason' }, loc(view.reason)) : null,
      result,
      h('section', { class: 'panel', 'aria-labelledby': 'sr-list-title' },
        h('h2', { id: 'sr-list-title' }, t('sr.slots')),
        view.choices?.length ? h('p', { class: 'muted small' }, t('sr.readOnly')) : null,
        list));
    return;
  }

  // ---- the editable form: ten slots -------------------------------------------------------------
  const values = Array.from({ length: max }, (_, i) => view.choices?.[i]?.code || '');
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true, id: 'sr-errors' });
  const status = h('p', { class: 'muted', role: 'status', id: 'sr-status' });
  const saved = notice ? h('p', { class: 'alert success', role: 'status', id: 'sr-notice' }, notice) : null;
  const slots = h('ol', { class: 'round-slots', id: 'sr-slots', 'aria-label': t('sr.slots') });
  const optionText = (s) => t('sr.option', { name: loc(s.name), left: s.seatsLeft });

  function renderSlots(focus = null) {
    slots.replaceChildren(...values.map((value, i) => {
      const n = i + 1;
      const id = `sr-slot-${n}`;
      const taken = new Set(values.filter((v, j) => v && j !== i));
      const select = h('select', {
        id, name: id, 'aria-describedby': `${id}-error`,
        onchange: (event) => { values[i] = event.target.value; renderSlots(id); },
      },
      h('option', { value: '' }, t('sr.none')),
      offered.map((s) => h('option', { value: s.code, selected: s.code === value, disabled: taken.has(s.code) }, optionText(s))));
      const button = (key, label, action, disabled, suffix) => h('button', {
        type: 'button', class: 'btn btn-secondary btn-small', id: `${id}-${suffix}`, 'aria-label': t(label, { n }), disabled,
        onclick: () => { action(); renderSlots(`${id}-${suffix}`); },
      }, t(key));
      const move = (to) => () => { [values[i], values[to]] = [values[to], values[i]]; };
      // move and clear only for a filled slot (fewer controls on a phone; an empty slot is re-picked)
      return h('li', { class: 'round-slot', dataset: { slot: String(n) } },
        h('label', { for: id, class: 'round-label' }, t('sr.slot', { n })),
        select,
        value ? h('span', { class: 'round-buttons' },
          button('sr.up', 'sr.upLabel', move(i - 1), i === 0, 'up'),
          button('sr.down', 'sr.downLabel', move(i + 1), i === max - 1, 'down'),
          button('sr.clear', 'sr.clearLabel', () => { values[i] = ''; }, false, 'clear')) : h('span'),
        h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
    }));
    if (focus) {
      const el = document.getElementById(focus);
      (el && !el.disabled ? el : document.getElementById(focus.replace(/-(up|down|clear)$/, '')))?.focus();
    }
  }
  renderSlots();

  function showErrors(list) {
    slots.querySelectorAll('.field-error').forEach((e) => { e.hidden = true; e.textContent = ''; });
    slots.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    for (const e of list) {
      const out = document.getElementById(`${e.target}-error`);
      const input = document.getElementById(e.target);
      if (out) { out.textContent = e.text; out.hidden = false; }
      if (input) input.setAttribute('aria-invalid', 'true');
    }
    summary.replaceChildren(h('p', { class: 'summary-title' }, t('sr.errors', { n: list.length })),
      h('ul', {}, list.map((e) => h('li', {}, h('a', {
        href: `#${e.target}`, onclick: (event) => { event.preventDefault(); document.getElementById(e.target)?.focus(); },
      }, e.text)))));
    summary.hidden = false;
    summary.focus();
  }

  const save = h('button', { type: 'submit', class: 'btn', id: 'sr-save' }, t('sr.save'));
  const form = h('form', { class: 'panel round-form', novalidate: true, 'aria-labelledby': 'sr-form-title' },
    h('h2', { id: 'sr-form-title' }, t('sr.slots')),
    h('p', { class: 'muted' }, t('sr.intro', { max })),
    offered.length ? null : h('p', { class: 'empty' }, t('sr.noSchools')),
    summary,
    slots,
    h('div', { class: 'actions' }, save),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const slotOf = [];
    const choices = [];
    values.forEach((v, i) => { if (v) { choices.push(v); slotOf.push(i + 1); } });
    if (!choices.length) {
      showErrors([{ target: 'sr-slot-1', text: t('sr.empty') }]);
      return;
    }
    save.disabled = true;
    status.textContent = t('sr.saving');
    const result = await api(path(tenant, childId), { method: 'PUT', body: { choices }, headers: { 'If-Match': `"${version}"` } });
    save.disabled = false;
    if (result.ok) {
      version = versionOf(result.etag) ?? String(result.data.version);
      secondRoundView(main, tenant, childId, t('sr.saved', { time: new Date().toLocaleTimeString() }));
      return;
    }
    status.textContent = '';
    if (result.status === 409 && result.data?.type?.endsWith('stale-version')) {
      summary.replaceChildren(h('p', {}, t('sr.stale')),
        h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => secondRoundView(main, tenant, childId) }, t('sr.reload')));
      summary.hidden = false;
      summary.focus();
      return;
    }
    const errors = (result.data?.errors || []).map((e) => {
      const m = /^choices\[(\d+)\]$/.exec(e.field);
      return { target: `sr-slot-${m ? slotOf[Number(m[1])] : 1}`, text: problemText(e) };
    });
    if (errors.length) showErrors(errors);
    else {
      summary.replaceChildren(h('p', {}, problemText(result.data, 'detail') || problemText(result.data, 'title')));
      summary.hidden = false;
      summary.focus();
    }
  });
  show(main, head, facts, deadline(view), saved, result, form);
}
