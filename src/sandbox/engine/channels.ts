/**
 * The merchant's channels as the real SDK loads them from `/users/pg` at `init`, and how it
 * picks one for a `pg` (reference §4: a `pg` naming another provider goes to the default
 * channel; F1001 only when no channel takes payments). DOM-free.
 */

/** A channel written as an object: a payment channel (`jtnet`, `jtnet.{MID}`) or an identity-verification one. */
export interface SandboxChannel {
  pg: string;
  /** Default `'payment'`. */
  type?: 'payment' | 'certification';
}

export interface Channel {
  /** `default` for the first channel, else `{type}.{provider}[.{mid}]` (the SDK's frame keys). */
  key: string;
  /** `provider[.mid]`, what a payment made on this channel records as its `pg`. */
  pg: string;
  provider: string;
  mid: string | null;
  type: 'payment' | 'certification';
  isDefault: boolean;
}

const splitPg = (pg: string): [string, string | null] => {
  const dot = pg.indexOf('.');
  return dot > 0 ? [pg.slice(0, dot), pg.slice(dot + 1)] : [pg, null];
};

/**
 * The channel list from the `pgs` option: strings are payment channels, the first one is the
 * default. The sandbox window is a JTNet window, so payment channels must be JTNet.
 *
 * @example
 * toChannels(['jtnet.tpaytest0m', { pg: 'danal', type: 'certification' }])[0].key // 'default'
 */
export function toChannels(settings: readonly (string | SandboxChannel)[]): Channel[] {
  return settings.map((setting, index) => {
    const { pg, type = 'payment' } = typeof setting === 'string' ? { pg: setting } : setting;
    if (typeof pg !== 'string' || !/^[a-z_]+(\.[\w-]+)?$/.test(pg))
      throw new TypeError(`pgs[${index}] must be a PG like 'jtnet' or 'jtnet.{MID}'; got ${JSON.stringify(pg)}.`);
    if (type !== 'payment' && type !== 'certification')
      throw new TypeError(`pgs[${index}].type must be 'payment' or 'certification'; got ${JSON.stringify(type)}.`);
    const [provider, mid] = splitPg(pg);
    if (type === 'payment' && provider !== 'jtnet') {
      throw new TypeError(
        `pgs[${index}]: the sandbox window is JTNet's, so payment channels are 'jtnet' or 'jtnet.{MID}'; got ${JSON.stringify(pg)}. (Request another provider with request_pay({ pg }) to see it go to the default channel.)`,
      );
    }
    const isDefault = index === 0;
    return { key: isDefault ? 'default' : [type, provider, mid].filter(Boolean).join('.'), pg, provider, mid, type, isDefault };
  });
}

/**
 * The channel the SDK uses for a `request_pay({ pg })`: the exact channel, else the default one
 * when its provider (and MID) match, else any matching channel, else the default payment
 * channel, else any payment channel, else the default (whose type then gives F1001).
 *
 * @example
 * findChannel(toChannels(['jtnet']), 'inicis').pg // 'jtnet' (another provider → default channel)
 */
export function findChannel<C extends Channel>(channels: readonly C[], pg: string | undefined, type: Channel['type'] = 'payment'): C | undefined {
  const [provider, mid] = typeof pg === 'string' && pg !== '' ? splitPg(pg) : [undefined, null];
  const matches = (channel: C) => channel.provider === provider && (!mid || channel.mid === mid) && channel.type === type;
  const fallback = channels.find((channel) => channel.isDefault);
  const exact = provider
    ? channels.find((channel) => !channel.isDefault && channel.type === type && channel.provider === provider && channel.mid === mid)
    : fallback;
  if (exact?.type === type) return exact;
  return (
    (fallback && matches(fallback) ? fallback : undefined) ??
    channels.find(matches) ??
    (fallback?.type === type ? fallback : undefined) ??
    channels.find((channel) => channel.type === type) ??
    fallback
  );
}
