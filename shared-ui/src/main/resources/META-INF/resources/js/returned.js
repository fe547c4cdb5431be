// 退回原因 / 需修改: why an application was returned and what to correct, for the family home and the wizard.
import { h } from './dom.js';
import { loc, t } from './i18n.js';

/**
 * Why an application was returned and what to correct (退回原因 / 需修改), from the parent's application view:
 * every RETURNED stage with its reason and the names of the returned fields or sections.
 */
export function returnNotice(def, app, route = null) {
  const returned = (app?.review || []).filter((r) => r.status === 'RETURNED');
  if (app?.status !== 'RETURNED' || !returned.length) return null;
  const nameOf = (path) => {
    const [stepId, sectionId, fieldId] = String(path).replace(/\[\d+\]/g, '').split('.');
    const step = def.steps.find((s) => s.id === stepId);
    const section = step?.sections.find((s) => s.id === sectionId);
    const field = section?.fields.find((f) => f.id === fieldId);
    const names = [step, section, field].filter(Boolean).map((x) => loc(x.title || x.label));
    return names.filter((n, i) => n !== names[i - 1]).join(' · ') || path; // 先进典型 · 有无先进典型, not twice
  };
  const firstStep = returned.flatMap((r) => r.returnFields || []).map((p) => String(p).split('.')[0])[0];
  // on the family home (route given) one per returned child: classes only; in the wizard: ids
  return h('div', { class: 'alert warn return-notice', role: 'status', id: route ? null : 'return-notice' },
    h('strong', {}, t('returned.title')),
    returned.map((r) => h('p', {},
      h('span', { class: 'label' }, `${r.name ? loc(r.name) : ''}${t('returned.reason')}：`),
      loc(r.reason) || r.reasonText || '—',
      r.returnFields?.length ? h('span', { class: 'returned-list' }, `（${t('returned.fields')}：${r.returnFields.map(nameOf).join('；')}）`) : null)),
    route && firstStep ? h('a', { class: 'btn btn-secondary return-edit', href: route(firstStep) }, t('returned.edit')) : null);
}
