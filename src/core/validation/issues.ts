import { IamportError, type ValidationIssue } from '../errors';

/** Collects problems so one error can report all of them, first one first. */
export class IssueList {
  readonly items: ValidationIssue[] = [];

  add(field: string, message: string): void {
    this.items.push({ field, message });
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
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
