// Document upload in the wizard (证明材料): one block per document slot of the step, with the slot's
// rules, a file input, an upload progress bar (XMLHttpRequest upload progress, in-memory bearer token),
// the server's problems inline next to the slot, a thumbnail or page count of each uploaded file, view,
// replace and delete. Also the authenticated blob download the reviewer workbench uses.

import { api } from './api.js';
import { accessToken } from './auth.js';
import { confirmDialog, h } from './dom.js';
import { addMessages, loc, problemText, t } from './i18n.js';

const enc = encodeURIComponent;

addMessages({
  'uploads.heading': '证明材料',
  'uploads.intro': '请按要求上传证明材料。系统按文件内容识别类型，文件名不影响识别。',
  'uploads.rules': '允许：{types}；单个文件不超过 {size}；最多 {count} 个文件',
  'uploads.choose': '选择文件上传',
  'uploads.chooseLabel': '上传“{slot}”',
  'uploads.replace': '替换',
  'uploads.replaceLabel': '替换 {name}',
  'uploads.delete': '删除',
  'uploads.deleteLabel': '删除 {name}',
  'uploads.deleteConfirm': '确定删除该文件吗？',
  'uploads.view': '查看',
  'uploads.viewLabel': '查看 {name}',
  'uploads.uploading': '正在上传 {name}：{percent}%',
  'uploads.progress': '上传进度',
  'uploads.uploaded': '{name} 已上传',
  'uploads.deleted': '已删除 {name}',
  'uploads.none': '尚未上传文件',
  'uploads.full': '已达到文件数量上限；如需更换，请先删除或替换。',
  'uploads.tooLarge': '文件超过 {size}，请压缩后再上传。',
  'uploads.failed': '上传失败，请检查网络后重试。',
  'uploads.pages': '{n} 页',
  'uploads.type.image/jpeg': 'JPG 图片',
  'uploads.type.image/png': 'PNG 图片',
  'uploads.type.application/pdf': 'PDF 文件',
  'uploads.thumbnail': '{name} 的缩略图',
  'uploads.flagged': '文件内容与填写信息不一致，审核人员将核对。',
}, {
  'uploads.heading': 'Supporting documents',
  'uploads.intro': 'Upload the documents asked for. The type is recognised from the content, not the file name.',
  'uploads.rules': 'Allowed: {types}; each file at most {size}; at most {count} files',
  'uploads.choose': 'Choose a file to upload',
  'uploads.chooseLabel': 'Upload “{slot}”',
  'uploads.replace': 'Replace',
  'uploads.replaceLabel': 'Replace {name}',
  'uploads.delete': 'Delete',
  'uploads.deleteLabel': 'Delete {name}',
  'uploads.deleteConfirm': 'Delete this file?',
  'uploads.view': 'View',
  'uploads.viewLabel': 'View {name}',
  'uploads.uploading': 'Uploading {name}: {percent}%',
  'uploads.progress': 'Upload progress',
  'uploads.uploaded': '{name} uploaded',
  'uploads.deleted': '{name} deleted',
  'uploads.none': 'No file uploaded yet',
  'uploads.full': 'The slot is full; delete or replace a file to change it.',
  'uploads.tooLarge': 'The file is larger than {size}; please make it smaller.',
  'uploads.failed': 'The upload failed; check the connection and try again.',
  'uploads.pages': '{n} pages',
  'uploads.type.image/jpeg': 'JPG image',
  'uploads.type.image/png': 'PNG image',
  'uploads.type.application/pdf': 'PDF file',
  'uploads.thumbnail': 'Thumbnail of {name}',
  'uploads.flagged': 'The content does not match the answers given; a reviewer will check it.',
});

/** 10485760 → "10 MB". */
export function size(bytes) {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function typeName(mediaType) {
  const key = `uploads.type.${mediaType}`;
  const text = t(key);
  return text === key ? mediaType : text;
}

/** A document's bytes through the API with the bearer token, as a blob: URL (revoke when done). */
export async function blobUrl(path) {
  const token = await accessToken();
  const response = await fetch(`api/${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`document ${response.status}`);
  return URL.createObjectURL(await response.blob());
}

/** POST multipart (field `file`) with upload progress; resolves {status, ok, data} (never throws). */
function send(path, file, onProgress) {
  return accessToken().then((token) => new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `api/${path}`);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener('load', () => {
      let data = null;
      try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { data = { title: xhr.responseText }; }
      resolve({ status: xhr.status, ok: xhr.status >= 200 && xhr.status < 300, data });
    });
    xhr.addEventListener('error', () => resolve({ status: 0, ok: false, data: null }));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  }));
}

/**
 * The wizard hook: the upload blocks of a step's document slots. Returns {element, conditional}: the
 * element to place in the form (null when the step has no slot) and [{el, condition}] for the wizard's
 * live conditions.
 */
export function uploadSlots({ tenant, childId, step, readOnly }) {
  const slots = step.documentSlots || [];
  if (!slots.length) return { element: null, conditional: [] };
  const base = `tenants/${enc(tenant)}/children/${enc(childId)}/documents`;
  const blocks = new Map();
  const conditional = [];
  const element = h('section', { class: 'uploads', id: 'uploads', 'aria-labelledby': 'uploads-heading' },
    h('h3', { id: 'uploads-heading' }, t('uploads.heading')),
    h('p', { class: 'hint' }, t('uploads.intro')),
    slots.map((slot) => {
      const block = slotBlock(slot, base, readOnly);
      blocks.set(slot.id, block);
      if (slot.visibleWhen && slot.visibleWhen.op !== 'always') conditional.push({ el: block.el, condition: slot.visibleWhen });
      return block.el;
    }));
  api(base).then((answer) => {
    const documents = answer.ok ? answer.data : [];
    for (const [id, block] of blocks) block.set(documents.filter((d) => d.slot === id));
  });
  return { element, conditional };
}

function slotBlock(slot, base, readOnly) {
  const id = `doc-${slot.id}`;
  let documents = [];
  const thumbs = [];
  const rules = h('p', { class: 'hint', id: `${id}-rules` }, t('uploads.rules', {
    types: slot.mediaTypes.map(typeName).join('、'), size: size(slot.maxBytes), count: slot.maxFiles,
  }));
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert', hidden: true });
  const status = h('p', { class: 'upload-status small', id: `${id}-status`, role: 'status', 'aria-live': 'polite' });
  const bar = h('progress', { id: `${id}-progress`, max: 100, value: 0, hidden: true, 'aria-label': t('uploads.progress') });
  const list = h('ul', { class: 'doc-list', id: `${id}-list` });
  const input = h('input', {
    type: 'file', id: `${id}-input`, class: 'file-input', accept: slot.mediaTypes.join(','),
    'aria-describedby': `${id}-rules ${id}-error`, disabled: readOnly,
    onchange: (e) => { const file = e.target.files[0]; e.target.value = ''; if (file) upload(file, null); },
  });
  const chooser = h('div', { class: 'file-choose' },
    h('label', { for: `${id}-input`, class: 'btn btn-secondary file-label' }, t('uploads.choose'),
      h('span', { class: 'sr-only' }, `：${loc(slot.label)}`)),
    input);
  const full = h('p', { class: 'hint', id: `${id}-full`, hidden: true }, t('uploads.full'));
  const el = h('fieldset', { class: 'field doc-slot', id, dataset: { slot: slot.id } },
    h('legend', {}, loc(slot.label), slot.required ? h('span', { class: 'req', title: t('common.required') }, ' *') : null),
    rules, list, readOnly ? null : [chooser, full], bar, status, error);

  const showError = (text) => {
    error.textContent = text;
    error.hidden = !text;
    el.classList.toggle('has-error', Boolean(text));
    if (text) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
  };

  async function upload(file, replacing) {
    showError('');
    if (file.size > slot.maxBytes) {
      showError(t('uploads.tooLarge', { size: size(slot.maxBytes) }));
      return;
    }
    // A full slot makes room first (the server counts files); otherwise the old file goes after the new one is in.
    const docsBase = base.replace(/children\/[^/]+\/documents$/, 'documents');
    if (replacing && documents.length >= slot.maxFiles) {
      const removed = await api(`${docsBase}/${enc(replacing.id)}`, { method: 'DELETE' });
      if (!removed.ok && removed.status !== 404) {
        showError(problemText(removed.data, 'detail') || t('uploads.failed'));
        return;
      }
      documents = documents.filter((d) => d.id !== replacing.id);
      replacing = null;
      draw();
    }
    bar.hidden = false;
    bar.value = 0;
    status.textContent = t('uploads.uploading', { name: file.name, percent: 0 });
    const answer = await send(`${base}/${enc(slot.id)}`, file, (fraction) => {
      bar.value = Math.round(fraction * 100);
      status.textContent = t('uploads.uploading', { name: file.name, percent: bar.value });
    });
    bar.hidden = true;
    if (!answer.ok) {
      status.textContent = '';
      const p = answer.data;
      showError(p ? (p.errors?.length ? problemText(p.errors[0]) : problemText(p, 'detail') || problemText(p, 'title')) : t('uploads.failed'));
      return;
    }
    if (replacing) {
      await api(`${docsBase}/${enc(replacing.id)}`, { method: 'DELETE' });
      documents = documents.filter((d) => d.id !== replacing.id);
    }
    documents = [...documents, answer.data];
    status.textContent = t('uploads.uploaded', { name: answer.data.fileName || file.name });
    draw();
  }

  async function remove(doc, button) {
    if (!(await confirmDialog({ id: 'document-delete-dialog', title: t('uploads.delete'), text: t('uploads.deleteConfirm'),
      confirmLabel: t('uploads.delete'), cancelLabel: t('common.cancel'), danger: true }))) return;
    button.disabled = true;
    const answer = await api(`${base.replace(/children\/[^/]+\/documents$/, 'documents')}/${enc(doc.id)}`, { method: 'DELETE' });
    button.disabled = false;
    if (!answer.ok && answer.status !== 404) {
      showError(problemText(answer.data, 'detail') || t('uploads.failed'));
      return;
    }
    documents = documents.filter((d) => d.id !== doc.id);
    status.textContent = t('uploads.deleted', { name: doc.fileName || '' });
    draw();
    input.focus();
  }

  function draw() {
    thumbs.splice(0).forEach((u) => URL.revokeObjectURL(u));
    const docsBase = base.replace(/children\/[^/]+\/documents$/, 'documents');
    list.replaceChildren(...(documents.length ? documents.map((doc) => {
      const name = doc.fileName || loc(slot.label);
      const image = doc.mediaType.startsWith('image/');
      const thumb = image
        ? h('img', { class: 'doc-thumb', alt: t('uploads.thumbnail', { name }), width: 64, height: 64 })
        : h('span', { class: 'doc-thumb doc-icon', 'aria-hidden': 'true' }, 'PDF');
      if (image) {
        blobUrl(`${docsBase}/${enc(doc.id)}/preview`).then((u) => { thumbs.push(u); thumb.src = u; }).catch(() => {});
      }
      const replaceInput = h('input', {
        type: 'file', class: 'sr-only', id: `${id}-replace-${doc.id}`, accept: slot.mediaTypes.join(','), tabindex: '-1',
        'aria-label': t('uploads.replaceLabel', { name }),
        onchange: (e) => { const file = e.target.files[0]; e.target.value = ''; if (file) upload(file, doc); },
      });
      return h('li', { class: 'doc', dataset: { document: doc.id } },
        thumb,
        h('div', { class: 'doc-meta' },
          h('span', { class: 'doc-name' }, name),
          h('span', { class: 'muted small' }, [typeName(doc.mediaType), doc.mediaType === 'application/pdf' ? t('uploads.pages', { n: doc.pages }) : null, size(doc.sizeBytes)].filter(Boolean).join(' · ')),
          doc.flagged ? h('span', { class: 'small flag' }, t('uploads.flagged')) : null),
        h('div', { class: 'doc-actions' },
          h('button', {
            type: 'button', class: 'btn btn-link', 'aria-label': t('uploads.viewLabel', { name }),
            onclick: async () => { const u = await blobUrl(`${docsBase}/${enc(doc.id)}/content`); window.open(u, '_blank', 'noopener'); },
          }, t('uploads.view')),
          readOnly ? null : [
            h('button', { type: 'button', class: 'btn btn-link', id: `${id}-replace-button-${doc.id}`, 'aria-label': t('uploads.replaceLabel', { name }), onclick: () => replaceInput.click() }, t('uploads.replace')),
            replaceInput,
            h('button', { type: 'button', class: 'btn btn-link danger', 'aria-label': t('uploads.deleteLabel', { name }), onclick: (e) => remove(doc, e.currentTarget) }, t('uploads.delete'))]));
    }) : [h('li', { class: 'muted small doc-none' }, t('uploads.none'))]));
    const isFull = documents.length >= slot.maxFiles;
    input.disabled = readOnly || isFull;
    chooser.classList.toggle('disabled', isFull);
    full.hidden = !isFull;
  }

  draw();
  return { el, set: (docs) => { documents = docs; draw(); } };
}
