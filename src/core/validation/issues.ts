import { IamportError, type ValidationIssue } from '../errors';

/** Collects problems so one error can report all of them, first one first. */
export class IssueList {
  readonly items: ValidationIssue[] = [];

  /** `problem` names the field and what is wrong; `hint` (how to fix) is passed as `DEV && '…'` so production bundles drop it. */
  add(field: string, problem: string, hint?: string | false): void {
    this.items.push({ field, message: hint ? `${problem} ${hint}` : problem });
  }

  throwIfAny(what: string): void {
    const [first, ...rest] = this.items;
    if (!first) return;
    const more = rest.length ? ` (and ${rest.length} more: ${rest.map((issue) => issue.field).join(', ')})` : '';
    throw new IamportError('INVALID_PARAMS', `Invalid ${what}: ${first.message}${more}`, {
      field: first.field,
      issues: this.items,
    });
  }
}

/** A short, safe rendering of any value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
