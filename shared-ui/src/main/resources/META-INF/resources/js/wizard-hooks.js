// Extension points of the generic wizard, so features driven by the tenant's definition (registry
// prefill, SMS-confirmed submission) live in their own modules:
//   answers(ctx)        — a step's working answers were set up (ctx: tenant, childId, child, def, step, answers)
//   field(ctx)          — a field was rendered (ctx: …, section, field, entry, path, wrapper, changed, readOnly)
//   beforeSubmit(ctx)   — before submitting; resolves to extra body fields, or null to stop (ctx: tenant, childId, def, app)

export const hooks = { answers: [], field: [], beforeSubmit: [] };

export function addWizardHook(kind, fn) {
  hooks[kind].push(fn);
}

/** Runs the beforeSubmit hooks in order; null when one of them stops the submission. */
export async function beforeSubmit(ctx) {
  let body = {};
  for (const fn of hooks.beforeSubmit) {
    const extra = await fn(ctx);
    if (extra === null) return null;
    body = { ...body, ...(extra || {}) };
  }
  return body;
}
