import type { IamportLocale } from '../react/context';
import { useIamportContext } from '../react/context';
import { MESSAGES, type IamportMessages } from './messages';

/** The provider's locale (settings only: reading it never loads the SDK). */
export const useLocale = (): IamportLocale => useIamportContext('useIamport').settings.locale;

/**
 * Only these message groups in the provider's locale, with a component's overrides on top
 * (a page bundles the strings its components can show, not all of them).
 */
export function useMessageGroups<M extends object>(overrides: Partial<IamportMessages> | undefined, ...groups: Record<IamportLocale, object>[]): M {
  const locale = useLocale();
  const pick = (group: Record<IamportLocale, object>) => group[locale] ?? group.ko;
  // The common case, one group and no overrides, copies nothing (it runs on every render).
  return (overrides || groups.length > 1 ? Object.assign({}, ...groups.map(pick), overrides) : pick(groups[0]!)) as M;
}

/** Every message in the provider's locale, with a component's `messages` overrides on top. */
export function useMessages(overrides?: Partial<IamportMessages>): IamportMessages {
  const base = MESSAGES[useLocale()] ?? MESSAGES.ko;
  return overrides ? { ...base, ...overrides } : base;
}
