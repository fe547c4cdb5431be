// 核定积分项: a department reviewer confirms or corrects the values of its stage's items (the registry
// look-up shown next to each), sent with 通过 as `values`; a value differing from the look-up waits for a
// second reviewer (4-eyes: POST …/override/confirm or …/override/discard). Also the task's points breakdown.
import { api } from './api.js';
import { h } from './dom.js';
import { addMessages, dateTime, loc, problemText, t } from './i18n.js';

addMessages({
  'items.heading': '核定积分项',
  'items.hint': '请核对对接结果，确认或更正后随“通过”一并提交；与对接结果不同的更正需另一名审核人员复核（四眼原则）。',
  'items.lookUp': '对接结果：{value}',
  'items.lookUp.none': '无对接结果，请按材料核定',
  'items.confirmed': '已核定：{value}',
  'items.property': '房产（产权证登记日期）',
  'items.property.none': '无可计分的房产',
  'items.insurance': '参保月数 · {type}',
  'items.recent': '近3年内缴纳（月）',
  'items.earlier': '3年以上缴纳（月）',
  'items.lawAbiding': '遵规守法',
  'items.residencePermit': '居住证签发日期',
  'items.education': '学历',
  'items.vocational': '职业资格 / 技能等级',
  'items.title': '专业技术职称',
  'items.honour.BRAVERY': '见义勇为',
  'items.honour.MODEL_WORKER': '劳动模范',
  'items.honour.MORAL_MODEL': '道德模范或好人系列',
  'items.documents': '材料齐全',
  'items.guardians': '监护人信息属实',
  'items.schoolRecord': '已有学籍',
  'items.private1': '民办一阶段',
  'items.total': '积分核定无误',
  'items.yes': '是',
  'items.no': '否',
  'items.pending.heading': '待复核的更正',
  'items.pending.submitted': '已提交更正，待另一名审核人员复核（四眼原则）',
  'items.pending.by': '{time} 提交；与对接结果不同：{items}',
  'items.pending.own': '这是您提交的更正，不能由您本人复核（四眼原则），请由另一名审核人员确认。',
  'items.pending.confirm': '复核确认',
  'items.pending.discard': '撤回',
  'items.pending.confirmed': '更正已复核确认，审核通过。',
  'items.pending.discarded': '更正已撤回，任务仍待审核。',
  'items.fourEyes': '不能复核自己提交的更正（四眼原则），请由另一名审核人员确认。',
  'items.points.heading': '积分明细',
  'items.points.total': '合计',
  'items.points.pending': '核算中',
  'items.points.incomplete': '部分项目核算中，合计为已核定部分。',
  'items.level.NONE': '无',
  'items.level.JUNIOR_COLLEGE': '大专',
  'items.level.BACHELOR': '本科',
  'items.level.MASTER': '硕士',
  'items.level.DOCTOR': '博士',
  'items.level.LEVEL5': '五级（初级工）',
  'items.level.LEVEL4': '四级（中级工）',
  'items.level.LEVEL3': '三级（高级工）',
  'items.level.LEVEL2': '二级（技师）',
  'items.level.LEVEL1': '一级（高级技师）',
  'items.level.JUNIOR': '初级',
  'items.level.INTERMEDIATE': '中级',
  'items.level.ASSOCIATE_SENIOR': '副高级',
  'items.level.SENIOR': '正高级',
  'items.level.COUNTY': '县级',
  'items.level.CITY': '市级',
  'items.level.PROVINCE': '省级',
  'items.level.NATIONAL': '国家级',
}, {
  'items.heading': 'Points items to confirm',
  'items.hint': 'Check the registry results, confirm or correct them; they are sent with “Approve”. A correction differing from the registry needs a second reviewer (4-eyes).',
  'items.lookUp': 'Registry: {value}',
  'items.lookUp.none': 'No registry result; confirm from the documents',
  'items.confirmed': 'Confirmed: {value}',
  'items.property': 'Property (registration date)',
  'items.property.none': 'No property that counts',
  'items.insurance': 'Insurance months · {type}',
  'items.recent': 'Paid within 3 years (months)',
  'items.earlier': 'Paid earlier (months)',
  'items.lawAbiding': 'Law-abiding',
  'items.residencePermit': 'Residence permit issue date',
  'items.education': 'Education',
  'items.vocational': 'Vocational qualification',
  'items.title': 'Professional title',
  'items.honour.BRAVERY': 'Bravery award',
  'items.honour.MODEL_WORKER': 'Model worker',
  'items.honour.MORAL_MODEL': 'Moral model',
  'items.documents': 'Documents complete',
  'items.guardians': 'Guardians verified',
  'items.schoolRecord': 'Has a school record',
  'items.private1': 'Private school phase one',
  'items.total': 'Total points correct',
  'items.yes': 'Yes',
  'items.no': 'No',
  'items.pending.heading': 'Correction awaiting a second reviewer',
  'items.pending.submitted': 'Correction submitted; another reviewer must confirm it (4-eyes)',
  'items.pending.by': 'Submitted {time}; differs from the registry: {items}',
  'items.pending.own': 'You proposed this correction and cannot confirm it yourself (4-eyes); another reviewer must.',
  'items.pending.confirm': 'Confirm correction',
  'items.pending.discard': 'Withdraw',
  'items.pending.confirmed': 'Correction confirmed; the task is approved.',
  'items.pending.discarded': 'Correction withdrawn; the task stays open.',
  'items.fourEyes': 'You cannot confirm your own correction (4-eyes); another reviewer must.',
  'items.points.heading': 'Points breakdown',
  'items.points.total': 'Total',
  'items.points.pending': 'Being calculated',
  'items.points.incomplete': 'Some items are still being calculated; the total counts the confirmed ones.',
  'items.level.NONE': 'None',
  'items.level.JUNIOR_COLLEGE': 'Junior college',
  'items.level.BACHELOR': 'Bachelor',
  'items.level.MASTER': 'Master',
  'items.level.DOCTOR': 'Doctor',
  'items.level.LEVEL5': 'Level 5',
  'items.level.LEVEL4': 'Level 4',
  'items.level.LEVEL3': 'Level 3',
  'items.level.LEVEL2': 'Level 2',
  'items.level.LEVEL1': 'Level 1',
  'items.level.JUNIOR': 'Junior',
  'items.level.INTERMEDIATE': 'Intermediate',
  'items.level.ASSOCIATE_SENIOR': 'Associate senior',
  'items.level.SENIOR': 'Senior',
  'items.level.COUNTY': 'County',
  'items.level.CITY': 'City',
  'items.level.PROVINCE': 'Province',
  'items.level.NATIONAL': 'National',
});

const enc = encodeURIComponent;
const HONOUR = ['NONE', 'COUNTY', 'CITY', 'PROVINCE', 'NATIONAL'];
// which items take which value: KunshanConfirmations (tenant-kunshan)
const LEVELS = {
  education: ['NONE', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR'],
  vocational: ['NONE', 'LEVEL5', 'LEVEL4', 'LEVEL3', 'LEVEL2', 'LEVEL1'],
  title: ['NONE', 'JUNIOR', 'INTERMEDIATE', 'ASSOCIATE_SENIOR', 'SENIOR'],
};
const kindOf = (item) => item === 'property' || item === 'residencePermit' ? 'date'
  : item.startsWith('insurance.') ? 'months'
    : LEVELS[item] || item.startsWith('honour.') ? 'level' : 'boolean';
const levelsOf = (item) => LEVELS[item] || HONOUR;
const idOf = (item) => `item-${item.replace(/\W/g, '-')}`;

/** The registry look-up's value of an item (as KunshanConfirmations.registryValue), or undefined. */
function registryValue(item, verification) {
  const result = (name) => (verification || []).find((v) => v.item === name)?.data;
  if (item === 'property') {
    const data = result('property');
    if (!data || data.status === 'NO_PROPERTY' || !data.status) return undefined;
    return data.status === 'MATCHED' ? data.registrationDate : null;
  }
  if (item.startsWith('insurance.')) {
    const row = (result('socialInsurance')?.rows || []).find((r) => r.type === item.slice('insurance.'.length));
    return row ? { recent: row.recentMonths, earlier: row.earlierMonths } : undefined;
  }
  return undefined;
}

function itemLabel(item, verification) {
  if (item.startsWith('insurance.')) {
    const type = item.slice('insurance.'.length);
    const row = ((verification || []).find((v) => v.item === 'socialInsurance')?.data?.rows || []).find((r) => r.type === type);
    return t('items.insurance', { type: row ? loc(row.label) : type });
  }
  return t(`items.${item}`);
}

/** A value as text: dates, months, levels, yes/no. */
export function itemText(item, value) {
  if (value === undefined) return '—';
  if (value === null) return item === 'property' ? t('items.property.none') : '—';
  const kind = kindOf(item);
  if (kind === 'months') return `${t('items.recent')} ${value.recent} · ${t('items.earlier')} ${value.earlier}`;
  if (kind === 'level') return t(`items.level.${value}`);
  if (kind === 'boolean') return value ? t('items.yes') : t('items.no');
  return String(value);
}

/**
 * The items panel of a task whose stage confirms items (null otherwise): {@code element}, {@code values()}
 * for the approval and {@code showErrors(errors)} (400 `values.<item>…`, returns the others).
 */
export function itemsPanel(task, detail, user, mine, reload) {
  const items = task.items || [];
  if (!items.length || task.scopeKind !== 'DEPARTMENT') return null;
  const verification = detail.verification || [];
  const confirmed = task.confirmedValues || {};
  const readers = {};
  const errorOut = {};
  const open = task.status === 'OPEN';

  const row = (item) => {
    const id = idOf(item);
    const registry = registryValue(item, verification);
    const start = item in confirmed ? confirmed[item] : registry;
    const kind = kindOf(item);
    const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
    errorOut[item] = error;
    const described = `${id}-lookup ${id}-error`;
    let control;
    if (kind === 'date') {
      const input = h('input', { type: 'date', id, name: id, value: start || '', 'aria-describedby': described });
      const none = item === 'property' ? h('input', { type: 'checkbox', id: `${id}-none`, checked: start === null }) : null;
      if (none) {
        input.disabled = none.checked;
        none.addEventListener('change', () => { input.disabled = none.checked; });
      }
      readers[item] = () => (none?.checked ? null : input.value ? input.value : undefined);
      control = h('div', {}, h('label', { for: id }, itemLabel(item, verification)), input,
        none ? h('label', { class: 'option' }, none, ` ${t('items.property.none')}`) : null);
    } else if (kind === 'months') {
      const months = (part, max) => h('input', {
        type: 'number', inputmode: 'numeric', min: 0, max, step: 1, id: `${id}-${part}`, class: 'months',
        value: start?.[part] ?? '', 'aria-describedby': described,
      });
      const recent = months('recent', 36);
      const earlier = months('earlier', 84);
      readers[item] = () => (recent.value === '' && earlier.value === '' ? undefined
        : { recent: Number(recent.value), earlier: Number(earlier.value) });
      control = h('fieldset', { class: 'months-pair' }, h('legend', {}, itemLabel(item, verification)),
        h('label', { for: recent.id }, t('items.recent')), recent,
        h('label', { for: earlier.id }, t('items.earlier')), earlier);
    } else if (kind === 'level') {
      const select = h('select', { id, 'aria-describedby': described },
        h('option', { value: '' }, t('common.choose')),
        levelsOf(item).map((l) => h('option', { value: l, selected: start === l }, t(`items.level.${l}`))));
      readers[item] = () => select.value || undefined;
      control = h('div', {}, h('label', { for: id }, itemLabel(item, verification)), select);
    } else {
      const radio = (value) => h('label', { class: 'option' },
        h('input', { type: 'radio', name: id, id: `${id}-${value}`, value: String(value), checked: start === value, 'aria-describedby': described }),
        ` ${t(value ? 'items.yes' : 'items.no')}`);
      readers[item] = () => {
        const v = document.querySelector(`input[name="${id}"]:checked`)?.value;
        return v === undefined ? undefined : v === 'true';
      };
      control = h('fieldset', {}, h('legend', {}, itemLabel(item, verification)), h('div', { class: 'options' }, radio(true), radio(false)));
    }
    return h('div', { class: 'field item-row', dataset: { item } },
      control,
      h('p', { class: 'hint', id: `${id}-lookup` },
        registry === undefined ? t('items.lookUp.none') : t('items.lookUp', { value: itemText(item, registry) }),
        item in confirmed ? ` · ${t('items.confirmed', { value: itemText(item, confirmed[item]) })}` : ''),
      error);
  };

  const fields = h('fieldset', { disabled: !(open && mine), id: 'item-fields' },
    h('legend', { class: 'sr-only' }, t('items.heading')), items.map(row));
  const element = h('section', { class: 'panel items', id: 'task-items', 'aria-labelledby': 'items-heading' },
    h('h2', { id: 'items-heading' }, t('items.heading')),
    open ? h('p', { class: 'hint' }, t('items.hint')) : null,
    pendingBox(task, verification, user, reload),
    fields);

  return {
    element,
    values() {
      const values = {};
      for (const item of items) {
        const v = readers[item]();
        if (v !== undefined) values[item] = v;
      }
      return values;
    },
    showErrors(errors) {
      Object.values(errorOut).forEach((e) => { e.hidden = true; e.textContent = ''; });
      element.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
      const rest = [];
      let first = null;
      for (const e of errors || []) {
        const item = items.filter((i) => e.field === `values.${i}` || String(e.field).startsWith(`values.${i}.`))
          .sort((a, b) => b.length - a.length)[0];
        if (!item) { rest.push(e); continue; }
        errorOut[item].textContent = [errorOut[item].textContent, problemText(e)].filter(Boolean).join(' ');
        errorOut[item].hidden = false;
        const part = String(e.field).slice(`values.${item}`.length).replace('.', '-');
        const input = element.querySelector(`#${idOf(item)}${part}`) || element.querySelector(`[id^="${idOf(item)}"]`);
        input?.setAttribute('aria-invalid', 'true');
        first ||= input;
      }
      first?.focus();
      return rest;
    },
  };
}

/** A correction waiting for a second reviewer: its values; 复核确认 / 撤回 (the proposer cannot confirm). */
function pendingBox(task, verification, user, reload) {
  const pending = task.pendingOverride;
  if (!pending) return null;
  const own = pending.proposedBy === user?.userId;
  const note = h('p', { class: 'field-error', id: 'override-error', role: 'alert', hidden: true });
  const call = (path, done) => async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    const result = await api(`review/tasks/${enc(task.id)}/override/${path}`, { method: 'POST' });
    button.disabled = false;
    if (result.ok) { reload(t(done)); return; }
    note.textContent = result.status === 403 && /four-eyes/.test(String(result.data?.type)) ? t('items.fourEyes')
      : `${problemText(result.data, 'title')} ${problemText(result.data, 'detail') || ''}`.trim();
    note.hidden = false;
  };
  return h('div', { class: 'alert warn pending-override', id: 'pending-override' },
    h('p', { class: 'summary-title' }, t('items.pending.submitted')),
    h('p', { class: 'small' }, t('items.pending.by', {
      time: dateTime(pending.proposedAt),
      items: (pending.overrides || []).map((i) => itemLabel(i, verification)).join('、'),
    })),
    h('dl', { class: 'facts', id: 'pending-values' }, Object.entries(pending.values || {}).map(([item, value]) =>
      h('div', { dataset: { item } }, h('dt', {}, itemLabel(item, verification)), h('dd', {}, itemText(item, value))))),
    own ? h('p', { id: 'override-own' }, t('items.pending.own')) : null,
    task.status === 'OPEN' ? h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn', id: 'override-confirm', onclick: call('confirm', 'items.pending.confirmed') }, t('items.pending.confirm')),
      h('button', { type: 'button', class: 'btn btn-secondary', id: 'override-discard', onclick: call('discard', 'items.pending.discarded') }, t('items.pending.discard'))) : null,
    note);
}

/** 积分明细: each item's points or 核算中, and the total. */
export function pointsPanel(points) {
  if (!points?.items?.length) return null;
  return h('section', { class: 'panel points-panel', id: 'task-points', 'aria-labelledby': 'points-heading' },
    h('h2', { id: 'points-heading' }, t('items.points.heading')),
    h('table', { class: 'points-table' },
      h('tbody', {}, points.items.map((line) => h('tr', { dataset: { item: line.item } },
        h('th', { scope: 'row' }, typeof line.label === 'object' ? loc(line.label) : line.label || line.item),
        h('td', { class: line.pending ? 'num pending' : 'num' }, line.pending ? t('items.points.pending') : String(line.display ?? line.value ?? '—'))))),
      h('tfoot', {}, h('tr', {},
        h('th', { scope: 'row' }, t('items.points.total')),
        h('td', { class: 'num', id: 'points-total' }, String(points.total ?? '—'))))),
    points.complete === false ? h('p', { class: 'muted small' }, t('items.points.incomplete')) : null);
}
