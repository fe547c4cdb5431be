// Evaluates the form definition's conditions (data: {"op": …}) exactly as the server's
// org.civicplatform.spi.form.Condition does, so fields show and hide live while a parent types.

/** `lookup(path)` answers the plain value (string, boolean, or null when absent) at a field path. */
export function test(condition, lookup) {
  if (!condition) return true;
  switch (condition.op) {
    case 'always':
      return true;
    case 'eq': {
      const actual = lookup(condition.field);
      return actual != null && String(actual) === String(condition.value);
    }
    case 'in': {
      const actual = lookup(condition.field);
      return actual != null && (condition.values || []).map(String).includes(String(actual));
    }
    case 'not':
      return !test(condition.condition, lookup);
    case 'all':
      return (condition.conditions || []).every((c) => test(c, lookup));
    case 'any':
      return (condition.conditions || []).some((c) => test(c, lookup));
    case 'present': {
      const actual = lookup(condition.field);
      return actual != null && String(actual).trim() !== '';
    }
    case 'onOrAfter': {
      const actual = lookup(condition.field);
      return actual != null && /^\d{4}-\d{2}-\d{2}$/.test(String(actual)) && String(actual) >= String(condition.value);
    }
    default:
      return true; // an unknown operator never hides anything: the server decides
  }
}

/** A plain value as the server's lookup sees it: arrays/objects are not comparable values. */
function plain(value) {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return Array.isArray(value) ? (value.length ? JSON.stringify(value) : null) : null;
  return value;
}

/**
 * The lookup for a field of `stepId` (inside the entry `entry` of section `sectionId`, if any):
 * `section.field` within the step being edited, `step.section.field` anywhere in the application.
 */
export function lookupFor(stepId, stepAnswers, saved, sectionId = null, entry = null) {
  const at = (object, section, field) => {
    const s = object?.[section];
    return s && !Array.isArray(s) && typeof s === 'object' ? s[field] : null;
  };
  return (path) => {
    const parts = String(path).split('.');
    if (parts.length === 2) {
      return plain(parts[0] === sectionId && entry ? entry[parts[1]] : at(stepAnswers, parts[0], parts[1]));
    }
    if (parts.length === 3) {
      if (parts[0] === stepId) {
        return plain(parts[1] === sectionId && entry ? entry[parts[2]] : at(stepAnswers, parts[1], parts[2]));
      }
      return plain(at(saved?.[parts[0]], parts[1], parts[2]));
    }
    return null;
  };
}
