// The reviewer's view of an application's documents: per slot, detected type, pages, size and the
// text-check results (certificate number found or not, 在线验证码), and a viewer (an image, or a PDF in
// the browser's own viewer) fed from a blob: URL fetched with the bearer token. Every read is audited
// by the server.

import { h } from './dom.js';
import { addMessages, loc, t } from './i18n.js';
import { blobUrl, size, typeName } from './uploads.js';

const enc = encodeURIComponent;

addMessages({
  'rdocs.heading': '证明材料',
  'rdocs.none': '该申请没有上传证明材料。',
  'rdocs.view': '查看',
  'rdocs.viewLabel': '查看 {name}',
  'rdocs.viewer': '材料查看',
  'rdocs.viewerEmpty': '请选择一份材料查看。',
  'rdocs.loading': '正在打开材料…',
  'rdocs.failed': '无法打开该材料。',
  'rdocs.download': '下载该文件',
  'rdocs.pages': '{n} 页',
  'rdocs.checks': '文字核对',
  'rdocs.check.FOUND': '{name}：已在文件中找到（{value}）',
  'rdocs.check.MISSING': '{name}：未在文件中找到填写的“{value}”，请核对',
  'rdocs.check.NO_ANSWER': '{name}：家长未填写，无法核对',
  'rdocs.check.NO_TEXT': '{name}：文件无可提取的文字',
  'rdocs.check.EXTRACTED': '{name}：{value}',
  'rdocs.check.NOT_FOUND': '{name}：未在文件中找到',
  'rdocs.name.certificateNumber': '证书编号',
  'rdocs.name.onlineVerificationCode': '在线验证码',
  'rdocs.pdfTitle': 'PDF 材料：{name}',
  'rdocs.imageAlt': '材料图片：{name}',
}, {
  'rdocs.heading': 'Supporting documents',
  'rdocs.none': 'No documents were uploaded for this application.',
  'rdocs.view': 'View',
  'rdocs.viewLabel': 'View {name}',
  'rdocs.viewer': 'Document viewer',
  'rdocs.viewerEmpty': 'Choose a document to view.',
  'rdocs.loading': 'Opening the document…',
  'rdocs.failed': 'The document could not be opened.',
  'rdocs.download': 'Download the file',
  'rdocs.pages': '{n} pages',
  'rdocs.checks': 'Text checks',
  'rdocs.check.FOUND': '{name}: found in the file ({value})',
  'rdocs.check.MISSING': '{name}: “{value}” as answered is not in the file; please check',
  'rdocs.check.NO_ANSWER': '{name}: not answered, nothing to compare',
  'rdocs.check.NO_TEXT': '{name}: the file has no extractable text',
  'rdocs.check.EXTRACTED': '{name}: {value}',
  'rdocs.check.NOT_FOUND': '{name}: not found in the file',
  'rdocs.name.certificateNumber': 'Certificate number',
  'rdocs.name.onlineVerificationCode': 'Online verification code',
  'rdocs.pdfTitle': 'PDF document: {name}',
  'rdocs.imageAlt': 'Document image: {name}',
});

function checkName(name) {
  const key = `rdocs.name.${name}`;
  const text = t(key);
  return text === key ? name : text;
}

/** The documents section of the task page. */
export function documentsPanel(def, task, documents) {
  const slots = new Map(def.steps.flatMap((s) => s.documentSlots || []).map((s) => [s.id, s]));
  const viewer = h('div', { class: 'doc-viewer', id: 'doc-viewer', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, t('rdocs.viewerEmpty')));
  let current = null;

  async function open(doc, name) {
    if (current) URL.revokeObjectURL(current);
    current = null;
    viewer.replaceChildren(h('p', { class: 'muted', role: 'status' }, t('rdocs.loading')));
    try {
      current = await blobUrl(`tenants/${enc(task.tenant)}/documents/${enc(doc.id)}/content`);
    } catch {
      viewer.replaceChildren(h('p', { class: 'field-error', role: 'alert' }, t('rdocs.failed')));
      return;
    }
    const shown = doc.mediaType === 'application/pdf'
      ? h('iframe', { src: current, title: t('rdocs.pdfTitle', { name }), class: 'pdf-frame', id: 'doc-viewer-pdf' })
      : h('img', { src: current, alt: t('rdocs.imageAlt', { name }), class: 'doc-image', id: 'doc-viewer-image' });
    viewer.replaceChildren(h('p', { class: 'viewer-title' }, name), shown,
      h('p', { class: 'small' }, h('a', { href: current, download: doc.fileName || `${doc.slot}` }, t('rdocs.download'))));
  }

  const items = documents.map((doc) => {
    const slot = slots.get(doc.slot);
    const label = slot ? loc(slot.label) : doc.slot;
    const name = doc.fileName ? `${label} · ${doc.fileName}` : label;
    const checks = doc.checks || [];
    return h('li', { class: `rdoc${doc.flagged ? ' flagged' : ''}`, dataset: { document: doc.id } },
      h('div', { class: 'rdoc-head' },
        h('span', { class: 'doc-name' }, label),
        h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'aria-label': t('rdocs.viewLabel', { name }), onclick: () => open(doc, name) }, t('rdocs.view'))),
      h('p', { class: 'muted small' }, [doc.fileName, typeName(doc.mediaType),
        doc.mediaType === 'application/pdf' ? t('rdocs.pages', { n: doc.pages }) : null, size(doc.sizeBytes)].filter(Boolean).join(' · ')),
      checks.length ? h('ul', { class: 'checks', 'aria-label': t('rdocs.checks') }, checks.map((c) =>
        h('li', { class: `check check-${c.outcome}${c.flagged ? ' flag' : ''}`, dataset: { check: c.name } },
          c.flagged ? h('span', { 'aria-hidden': 'true' }, '⚠ ') : null,
          t(`rdocs.check.${c.outcome}`, { name: checkName(c.name), value: c.value ?? '' })))) : null);
  });

  return h('section', { class: 'panel documents', id: 'task-documents', 'aria-labelledby': 'documents-heading' },
    h('h2', { id: 'documents-heading' }, t('rdocs.heading')),
    documents.length ? [h('ul', { class: 'rdocs' }, items),
      h('section', { 'aria-label': t('rdocs.viewer') }, viewer)]
      : h('p', { class: 'muted' }, t('rdocs.none')));
}
