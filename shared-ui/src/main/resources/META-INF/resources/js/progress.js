// 报名进展 (progress page): district, points subject, chosen and admitted school, the progress chain
// and the points breakdown. Also the shared look-ups of the parent pages: a tenant's names (code → zh/en)
// and a child's status (GET …/application/status), and the deadline countdown from the tenant calendar.

import { api, application, definition } from './api.js';
import { h, mask, show } from './dom.js';
import { addMessages, dateTime, loc, t } from './i18n.js';

const enc = encodeURIComponent;

addMessages({
  'progress.heading': '报名进展',
  'progress.district': '区镇',
  'progress.studentId': '学生身份证件号',
  'progress.subjectName': '申请主体姓名',
  'progress.subjectId': '申请主体证件号',
  'progress.chosenSchool': '拟报读学校',
  'progress.admittedSchool': '录取学校',
  'progress.chain': '进展',
  'progress.points': '申请主体获得积分',
  'progress.admission': '录取结果',
  'progress.admissionPublished': '{at} 公布',
  'progress.total': '总积分',
  'progress.pending': '核算中',
  'progress.pointsNote': '房产年限和参保年限由系统根据对接结果自动计算，其他项分数随各部门审核结果变化；以下分数以最终审核结果为准。',
  'progress.noApplication': '该子女尚未提交报名，暂无进展。',
  'progress.back': '返回报名首页',
  'progress.print': '打印报名表',
  'progress.stageReview': '审核环节',
  'progress.item.property': '房产年限',
  'progress.item.education': '文化程度',
  'progress.item.vocational': '职业资格',
  'progress.item.title': '专业技术职称',
  'progress.item.insurance': '参保年限',
  'progress.item.lawAbiding': '遵规守法（公安）',
  'progress.item.BRAVERY': '见义勇为',
  'progress.item.MODEL_WORKER': '劳动模范',
  'progress.item.MORAL_MODEL': '道德模范',
  'progress.task.WAITING': '待开始',
  'progress.task.OPEN': '审核中',
  'progress.task.APPROVED': '通过',
  'progress.task.REJECTED': '不通过',
  'progress.task.RETURNED': '退回修改',
  'progress.task.CANCELLED': '已取消',
  'deadline.until': '{phase}截止还有 {days} 天（{date}）',
  'deadline.today': '{phase}今天截止（{date}）',
  'deadline.opens': '{phase}将于 {date} 开始',
  'deadline.closed': '{phase}已于 {date} 截止',
}, {
  'progress.heading': 'Application progress',
  'progress.district': 'District',
  'progress.studentId': 'Student ID number',
  'progress.subjectName': 'Points subject',
  'progress.subjectId': 'Points subject ID number',
  'progress.chosenSchool': 'School applied for',
  'progress.admittedSchool': 'Admitted by',
  'progress.chain': 'Progress',
  'progress.points': 'Points of the points subject',
  'progress.admission': 'Admission result',
  'progress.admissionPublished': 'published {at}',
  'progress.total': 'Total',
  'progress.pending': 'Being calculated',
  'progress.pointsNote': 'Property and insurance years are computed from the registry results; the other items follow the departments’ reviews. The final review decides.',
  'progress.noApplication': 'This child’s application has not been submitted yet.',
  'progress.back': 'Back to the family home',
  'progress.print': 'Print the application form',
  'progress.stageReview': 'Review stages',
  'progress.item.property': 'Property years',
  'progress.item.education': 'Education',
  'progress.item.vocational': 'Vocational qualification',
  'progress.item.title': 'Professional title',
  'progress.item.insurance': 'Social insurance years',
  'progress.item.lawAbiding': 'Law-abiding (public security)',
  'progress.item.BRAVERY': 'Act of bravery',
  'progress.item.MODEL_WORKER': 'Model worker',
  'progress.item.MORAL_MODEL': 'Moral model',
  'progress.task.WAITING': 'Not started',
  'progress.task.OPEN': 'Under review',
  'progress.task.APPROVED': 'Approved',
  'progress.task.REJECTED': 'Refused',
  'progress.task.RETURNED': 'Returned',
  'progress.task.CANCELLED': 'Cancelled',
  'deadline.until': '{phase} closes in {days} days ({date})',
  'deadline.today': '{phase} closes today ({date})',
  'deadline.opens': '{phase} opens on {date}',
  'deadline.closed': '{phase} closed on {date}',
});

const namesCache = new Map();

/** A tenant's names (GET /api/tenants/{t}/names, public), fetched once per page load. */
export async function tenantNames(tenant) {
  if (!namesCache.has(tenant)) {
    namesCache.set(tenant, api(`tenants/${enc(tenant)}/names`, { auth: false })
      .then((a) => (a.ok ? a.data : { districts: {}, schools: {}, reviewStages: {}, batches: {}, statuses: {} })));
  }
  return namesCache.get(tenant);
}

/** The name of a school code (the code itself only when the tenant does not know it). */
export function schoolName(names, code) {
  return names?.schools?.[code] ? loc(names.schools[code]) : code;
}

/** A child's per-batch statuses, progress chain and allowed actions; null when it cannot be read. */
export async function childStatus(tenant, child) {
  const answer = await api(`tenants/${enc(tenant)}/children/${enc(child)}/application/status`);
  return answer.ok ? answer.data : null;
}

/**
 * The countdown to the deadline of the tenant's application phase (code APPLICATION, else the first
 * calendar phase), or null without a calendar. Days are counted in China's calendar, as the server's
 * `today`. `data-open` says whether submissions are taken today (the server refuses them otherwise).
 */
export async function deadlineNotice(tenant) {
  const answer = await api(`tenants/${enc(tenant)}/calendar`, { auth: false });
  const phases = answer.ok ? answer.data.phases || [] : [];
  const phase = phases.find((p) => p.code === 'APPLICATION') || phases[0];
  if (!phase) return null;
  const today = Date.parse(`${answer.data.today}T00:00:00Z`);
  const opens = Date.parse(`${phase.opens}T00:00:00Z`);
  const closes = Date.parse(`${phase.closes}T00:00:00Z`);
  const days = Math.round((closes - today) / 86400000);
  const name = loc(phase.name);
  let text;
  let kind = 'info';
  if (today < opens) text = t('deadline.opens', { phase: name, date: phase.opens });
  else if (days > 0) { text = t('deadline.until', { phase: name, days, date: phase.closes }); kind = days <= 3 ? 'warn' : 'info'; }
  else if (days === 0) { text = t('deadline.today', { phase: name, date: phase.closes }); kind = 'warn'; }
  else { text = t('deadline.closed', { phase: name, date: phase.closes }); kind = 'closed'; }
  const open = phase.code !== 'APPLICATION' || (today >= opens && days >= 0); // only that phase gates submissions
  return h('p', { class: `deadline deadline-${kind}`, id: 'deadline', role: 'status', 'data-open': String(open) }, text);
}

/** The progress chain 提交报名 → 窗口审核通过 → …, as an ordered list. */
export function progressChain(steps) {
  return h('ol', { class: 'chain', id: 'progress-chain' }, steps.map((s) => h('li', {
    class: `chain-${s.state.toLowerCase()}`, 'aria-current': s.state === 'CURRENT' ? 'step' : null,
  }, loc(s.label))));
}

// ---- points ------------------------------------------------------------------------------------

/** Kunshan: which review stage confirms each points item (kunshan-rules.md, "verified by"). */
const ITEM_STAGES = {
  kunshan: {
    property: ['dept-real-estate'],
    education: ['dept-education'],
    vocational: ['dept-human-resources'],
    title: ['dept-human-resources'],
    insurance: ['dept-human-resources', 'dept-medical-insurance'],
    lawAbiding: ['dept-public-security'],
    BRAVERY: ['dept-public-security'],
    MODEL_WORKER: ['dept-trade-union'],
    MORAL_MODEL: ['dept-civilisation-office'],
  },
};

/** The estimate request from the answers (what the parent declared; confirmed by the departments). */
function declaredProfile(answers) {
  const subject = answers.subject || {};
  const profile = {
    education: subject.education?.level || 'NONE',
    vocationalLevel: subject.vocational?.level || 'NONE',
    titleLevel: subject.title?.level || 'NONE',
    lawAbiding: true,
  };
  const honour = answers.honours?.honour;
  if (honour?.hasHonour === true && honour.kind && honour.level && honour.awardedOn) {
    profile.honours = [{ kind: honour.kind, level: honour.level, awardedOn: honour.awardedOn }];
  }
  return profile;
}

/**
 * The breakdown lines [{key, value|null}] and total: from the application's points when the tenant
 * publishes them (GET …/application/points), else the estimate of the declared items, each counted only
 * once its department approved (核算中 before) — property and insurance come from the registries only.
 */
async function pointsLines(tenant, child, app, status) {
  const stagesOf = ITEM_STAGES[tenant];
  if (!stagesOf) return null;
  const confirmed = await api(`tenants/${enc(tenant)}/children/${enc(child)}/application/points`);
  if (confirmed.ok && confirmed.data?.items) {
    // GET …/application/points: items [{item, label, pending, value, display}] from the confirmed values
    const items = confirmed.data.items;
    const lines = Array.isArray(items)
      ? items.map((i) => ({ key: i.item, label: i.label, value: i.pending ? null : i.value }))
      : Object.keys(items).map((key) => ({ key, value: typeof items[key] === 'number' ? items[key] : null }));
    return { lines, total: confirmed.data.total ?? lines.reduce((s, l) => s + (l.value || 0), 0) };
  }
  const estimate = await api(`tenants/${enc(tenant)}/points/estimate`, { method: 'POST', body: declaredProfile(app.answers || {}) });
  const items = estimate.ok ? estimate.data.items || {} : {};
  const approved = new Set((status.review || []).filter((r) => r.status === 'APPROVED').map((r) => r.stage));
  const honourKind = app.answers?.honours?.honour?.hasHonour === true ? app.answers.honours.honour.kind : null;
  const lines = ['property', 'education', 'vocational', 'title', 'insurance', 'lawAbiding', 'BRAVERY', 'MODEL_WORKER', 'MORAL_MODEL']
    .map((key) => {
      const done = stagesOf[key].every((s) => approved.has(s));
      let value = null;
      if (['property', 'insurance'].includes(key)) value = null; // registry-computed: 核算中 until published
      else if (['BRAVERY', 'MODEL_WORKER', 'MORAL_MODEL'].includes(key)) value = key === honourKind ? (done ? items.honours ?? 0 : null) : 0;
      else value = done && key in items ? items[key] : null;
      return { key, value };
    });
  return { lines, total: lines.reduce((s, l) => s + (l.value || 0), 0) };
}

function pointsText(points) {
  return h('p', { class: 'points-line', id: 'points-breakdown' },
    points.lines.map((l) => h('span', { class: 'points-item', dataset: { item: l.key } },
      `${l.label ? loc(l.label) : t(`progress.item.${l.key}`)}：`, h('strong', {}, l.value == null ? t('progress.pending') : fmt(l.value)))),
    h('span', { class: 'points-item total' }, `${t('progress.total')}：`, h('strong', { id: 'points-total' }, fmt(points.total))));
}

const fmt = (n) => (Math.round(Number(n) * 100) / 100).toString();

// ---- the page ----------------------------------------------------------------------------------

/** The points subject (积分主体): the guardian chosen in the subject step. */
export function pointsSubject(answers) {
  const key = answers?.subject?.subject?.guardian;
  return key ? answers.family?.[key] || null : null;
}

export async function progressView(main, tenant, childId) {
  const [def, names, status, app, children] = await Promise.all([
    definition(tenant), tenantNames(tenant), childStatus(tenant, childId), application(tenant, childId),
    api(`tenants/${enc(tenant)}/children`)]);
  const child = (children.data || []).find((c) => c.id === childId);
  if (!child || !status) {
    show(main, h('h1', {}, t('notFound')), h('p', {}, h('a', { href: `#/t/${enc(tenant)}` }, t('nav.home'))));
    return;
  }
  const back = h('a', { class: 'btn btn-secondary', href: `#/t/${enc(tenant)}` }, t('progress.back'));
  if (!app || status.application === 'NONE' || status.application === 'DRAFT') {
    show(main, h('h1', {}, `${t('progress.heading')} · ${child.name}`), h('p', { class: 'empty' }, t('progress.noApplication')), back);
    return;
  }
  const subject = pointsSubject(app.answers);
  const publicBatch = status.batches.find((b) => b.id === 'PUBLIC') || status.batches[0];
  const admitted = status.batches.find((b) => b.admittedSchool)?.admittedSchool;
  const points = await pointsLines(tenant, childId, app, status);
  // the published placement with its reason (GET …/admission answers 404 until a run is published)
  const admission = await api(`tenants/${enc(tenant)}/children/${enc(childId)}/admission`);
  const row = (label, value, id) => h('div', {}, h('dt', {}, label), h('dd', { id }, value || '—'));
  show(main,
    h('div', { class: 'page-head' },
      h('h1', {}, `${t('progress.heading')} · ${child.name}`),
      h('div', { class: 'actions' },
        status.actions.print ? h('a', { class: 'btn', href: `#/t/${enc(tenant)}/c/${enc(childId)}/print`, id: 'open-print' }, t('progress.print')) : null,
        back)),
    h('section', { class: 'panel progress', 'aria-labelledby': 'progress-facts' },
      h('h2', { id: 'progress-facts', class: 'sr-only' }, loc(def.name)),
      h('dl', { class: 'facts progress-facts' },
        row(t('progress.district'), status.district ? loc(status.district.name) : null, 'progress-district'),
        row(t('progress.studentId'), mask(child.idNumber)),
        row(t('progress.subjectName'), subject?.name, 'progress-subject'),
        row(t('progress.subjectId'), subject?.idNumber ? mask(subject.idNumber) : null),
        row(t('progress.chosenSchool'), (publicBatch?.schools || []).map((s) => loc(s.name)).join('；'), 'progress-school'),
        row(t('progress.admittedSchool'), admitted ? loc(admitted.name) : null, 'progress-admitted')),
      h('h2', {}, t('progress.chain')),
      status.progress?.length ? progressChain(status.progress) : h('p', { class: 'muted' }, '—'),
      admission.ok ? [h('h2', {}, t('progress.admission')),
        h('p', { id: 'progress-admission' }, loc(admission.data.explanation?.text)),
        h('p', { class: 'muted small' }, t('progress.admissionPublished', { at: dateTime(admission.data.publishedAt) }))] : null,
      points ? [h('h2', {}, t('progress.points')), pointsText(points), h('p', { class: 'muted small' }, t('progress.pointsNote'))] : null,
      status.review?.length ? [
        h('h2', {}, t('progress.stageReview')),
        h('ul', { class: 'stage-list' }, status.review.map((r) => h('li', {},
          loc(r.name) || names.reviewStages?.[r.stage]?.zh || r.stage, ' ',
          h('span', { class: `badge task-${r.status}` }, t(`progress.task.${r.status}`)))))] : null));
}
