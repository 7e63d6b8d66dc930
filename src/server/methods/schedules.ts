import { Checks } from '../check';
import type { CustomerSchedulesParams, ScheduleRangeParams, SchedulePaymentsParams, UnschedulePaymentsParams } from '../params';
import { path, type Transport } from '../transport';
import type { Schedule, SchedulePage } from '../types';

const SCHEDULE_STATUSES = ['scheduled', 'executed', 'revoked'] as const;

/** Scheduled billing-key charges: book, revoke, read. */
export interface ScheduleMethods {
  /** `POST /subscribe/payments/schedule`. */
  schedulePayments(params: SchedulePaymentsParams): Promise<Schedule[]>;
  /** `POST /subscribe/payments/unschedule`. */
  unschedulePayments(params: UnschedulePaymentsParams): Promise<Schedule[]>;
  /** `GET /subscribe/payments/schedule/{merchant_uid}`. */
  getSchedule(merchantUid: string): Promise<Schedule>;
  /** `GET /subscribe/payments/schedule`: schedules due in [schedule_from, schedule_to). */
  getSchedules(params: ScheduleRangeParams): Promise<SchedulePage>;
  /** `GET /subscribe/payments/schedule/customers/{customer_uid}`: one key's schedules due in [from, to). */
  getCustomerSchedules(customerUid: string, params: CustomerSchedulesParams): Promise<SchedulePage>;
}

/** The spec declares a list, older docs a page: either becomes a page. */
function asPage(response: Schedule[] | SchedulePage | null): SchedulePage {
  if (Array.isArray(response)) return { total: response.length, previous: 0, next: 0, list: response };
  return response ?? { total: 0, previous: 0, next: 0, list: [] };
}

function checkRange(checks: Checks, from: unknown, to: unknown, [fromName, toName]: [string, string]) {
  checks.unixSeconds(fromName, from).unixSeconds(toName, to);
  if (typeof from === 'number' && typeof to === 'number' && from >= to) checks.add(toName, `${toName} must be after ${fromName}.`);
}

export function scheduleMethods({ authed, lookup }: Transport): ScheduleMethods {
  return {
    async schedulePayments(params) {
      const checks = new Checks('schedulePayments');
      if (checks.object(params, 'params')) {
        checks.id('customer_uid', params.customer_uid).amount('checking_amount', params.checking_amount, { min: 0, optional: true });
        if (!Array.isArray(params.schedules) || params.schedules.length === 0)
          checks.add('schedules', 'schedules must be a non-empty array of { merchant_uid, schedule_at, amount, name }.');
        else
          params.schedules.forEach((entry, i) => {
            if (!checks.object(entry, `schedules[${i}]`)) return;
            checks.merchantUid(`schedules[${i}].merchant_uid`, entry.merchant_uid).futureUnixSeconds(`schedules[${i}].schedule_at`, entry.schedule_at);
            checks.amount(`schedules[${i}].amount`, entry.amount).text(`schedules[${i}].name`, entry.name, false);
          });
      }
      checks.done();
      return (await authed<Schedule[]>({ method: 'POST', path: '/subscribe/payments/schedule', body: params, retrySafe: false })).response;
    },

    async unschedulePayments(params) {
      const checks = new Checks('unschedulePayments');
      if (checks.object(params, 'params')) {
        checks.id('customer_uid', params.customer_uid);
        const uids = params.merchant_uid;
        if (uids !== undefined && (!Array.isArray(uids) || uids.length === 0))
          checks.add('merchant_uid', 'merchant_uid must be a non-empty array of order ids, or absent to revoke every schedule.');
        else uids?.forEach((uid, i) => checks.merchantUid(`merchant_uid[${i}]`, uid));
      }
      checks.done();
      return (await authed<Schedule[]>({ method: 'POST', path: '/subscribe/payments/unschedule', body: params, retrySafe: false })).response;
    },

    async getSchedule(merchantUid) {
      new Checks('getSchedule').merchantUid('merchantUid', merchantUid).done();
      return lookup<Schedule>(path('subscribe', 'payments', 'schedule', merchantUid));
    },

    async getSchedules(params) {
      const checks = new Checks('getSchedules');
      if (checks.object(params, 'params')) {
        checkRange(checks, params.schedule_from, params.schedule_to, ['schedule_from', 'schedule_to']);
        checks.oneOf('schedule_status', params.schedule_status, SCHEDULE_STATUSES).oneOf('sorting', params.sorting, ['scheduled']);
        checks.integer('page', params.page, { min: 1 }).integer('limit', params.limit, { min: 1, max: 1000 });
      }
      checks.done();
      return asPage(await lookup<Schedule[] | SchedulePage>('/subscribe/payments/schedule', { ...params }));
    },

    async getCustomerSchedules(customerUid, params) {
      const checks = new Checks('getCustomerSchedules').id('customerUid', customerUid);
      if (checks.object(params, 'params')) {
        checkRange(checks, params.from, params.to, ['from', 'to']);
        checks.oneOf('schedule_status', params.schedule_status, SCHEDULE_STATUSES).integer('page', params.page, { min: 1 });
      }
      checks.done();
      const { schedule_status: status, ...query } = params;
      const page = await lookup<Schedule[] | SchedulePage>(path('subscribe', 'payments', 'schedule', 'customers', customerUid), {
        ...query,
        'schedule-status': status,
      });
      return asPage(page);
    },
  };
}
