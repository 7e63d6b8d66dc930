import { useIamport } from '../react/useIamport';
import { MESSAGES, type IamportMessages } from './messages';

/** The provider's locale messages with a component's `messages` overrides on top. */
export function useMessages(overrides?: Partial<IamportMessages>): IamportMessages {
  const base = MESSAGES[useIamport().locale] ?? MESSAGES.ko;
  return overrides ? { ...base, ...overrides } : base;
}
