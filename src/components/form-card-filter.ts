'use client';

import { createContext } from 'react';
import type { CardFilterOption } from '../core/card-filter';

/**
 * @internal The `cardFilter` of the form a {@link CardFilterField} sits in (`PaymentForm`,
 * `BillingKeyForm`): the field offers only the issuers the form's window would, unless it is
 * given a filter of its own. A context, so the forms do not bundle the field (and its issuer
 * table) for the checkouts that never show it.
 *
 * @example
 * <FormCardFilter.Provider value={{ exclude: ['370'] }}>{children}</FormCardFilter.Provider>
 */
export const FormCardFilter = createContext<CardFilterOption | undefined>(undefined);
