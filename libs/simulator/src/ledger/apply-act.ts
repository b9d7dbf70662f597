import type { ComplaintCategory } from '@churn/domain-facts';
import { NPS_SHARES } from '../calibration/thesis-figures';
import type { Act } from '../month/act';
import type { MonthContext } from '../month/month-context';
import { applyMoney } from './apply-money';
import type { CustomerLedger } from './customer-ledger';
import type { FactWriter } from './fact-writer';
import { raiseLiquid, redeemAll } from './product-writer';
import {
  writeComplaint,
  writeContact,
  writeOccupationChange,
  writeRmAssigned,
  writeSavingsClosed,
  writeSurvey,
} from './relationship-writer';

/** Efficiency complaints lead: 56.6% of surveyed customers found service slow (thesis Table 3.11). */
const CATEGORIES: readonly ComplaintCategory[] = [
  'efficiency',
  'service',
  'fees',
  'product',
  'staff',
  'other',
];
const CATEGORY_WEIGHTS = [35, 20, 15, 12, 10, 8];
const RM_TOPICS = ['资产配置回顾', '理财产品推荐', '节日问候', '客户回访'];
const CUSTOMER_TOPICS = ['咨询理财产品', '咨询转账限额', '咨询大额存单', '修改预留手机号'];
const OCCUPATIONS = ['经理', '教师', '个体经营者', '退休人员', '自由职业'];

/** An NPS answer (§3.3: 37.43% detractors, 28.42% passives, 34.15% promoters); recent complainants score low. */
const npsScore = (l: CustomerLedger, today: number): number => {
  const { dice } = l;
  const complained = l.lastComplaintDay !== null && today - l.lastComplaintDay < 90;
  const roll = complained ? 0 : dice.next();
  if (roll < NPS_SHARES.detractor)
    return dice.weighted([0, 1, 2, 3, 4, 5, 6], [3, 2, 3, 4, 6, 9, 11]);
  return roll < NPS_SHARES.detractor + NPS_SHARES.passive ? dice.int(7, 8) : dice.int(9, 10);
};

/** A churn journey's own steps. */
const applyStep = (w: FactWriter, l: CustomerLedger, a: Act): void => {
  const { dice } = l;
  const bank = a.ref ?? l.otherBank;
  switch (a.kind) {
    case 'rates-enquiry':
      return writeContact(
        w,
        l,
        dice.pick(['phone', 'branch'] as const),
        'customer',
        '客户询问大额存单利率，表示他行利率更高，考虑转出。',
      );
    case 'detractor-survey':
      return writeSurvey(w, l, `NPS-FOLLOW-UP-${l.plan.customerId}`, dice.int(0, 4));
    case 'complaint-contact':
      return writeContact(
        w,
        l,
        'branch',
        'customer',
        '客户对投诉处理结果不满意，表示考虑更换银行。',
      );
    case 'maturity-reminder':
      return writeContact(w, l, 'phone', 'bank', '产品到期提醒，客户表示暂不续存。');
    case 'drain': {
      const amount = Math.round((l.aumMinor * a.extra) / 100) * 100;
      raiseLiquid(w, l, amount);
      w.debit(l, amount, dice.pick(['mobile', 'online'] as const), 'transfer', bank);
      return;
    }
    case 'redeem-all':
      return redeemAll(w, l);
    case 'exit': {
      const journey = l.plan.journey;
      redeemAll(w, l);
      w.ownTransfer(l, 'savings', l.savingsMinor);
      const residual = journey?.residual ?? 0;
      w.debit(
        l,
        l.currentMinor - residual,
        dice.pick(['mobile', 'online', 'counter'] as const),
        'transfer',
        bank,
      );
      l.exited = true;
      return;
    }
    case 'close-savings':
      return writeSavingsClosed(w, l);
  }
};

/** Writes the facts of one act on the writer's current day and second. */
export const applyAct = (w: FactWriter, l: CustomerLedger, a: Act, ctx: MonthContext): void => {
  w.second = a.second;
  if (applyMoney(w, l, a, ctx)) return;
  const { dice } = l;
  switch (a.kind) {
    case 'complaint': {
      // A journey's complaint (it names the competitor in `ref`) is never trivial.
      const severity =
        a.ref !== null
          ? dice.pick(['medium', 'high'] as const)
          : dice.weighted(['low', 'medium', 'high'] as const, [50, 35, 15]);
      return writeComplaint(w, l, dice.weighted(CATEGORIES, CATEGORY_WEIGHTS), severity);
    }
    case 'survey':
      return writeSurvey(w, l, a.ref ?? 'NPS', npsScore(l, w.day));
    case 'contact':
      if (a.ref === 'maturity') return writeContact(w, l, 'phone', 'bank', '产品到期提醒');
      if (a.ref === 'customer')
        return writeContact(
          w,
          l,
          dice.pick(['phone', 'branch', 'message'] as const),
          'customer',
          dice.pick(CUSTOMER_TOPICS),
        );
      return writeContact(
        w,
        l,
        dice.pick(['phone', 'visit', 'message'] as const),
        'bank',
        dice.pick(RM_TOPICS),
      );
    case 'birthday':
      return writeContact(w, l, 'message', 'bank', '生日祝福');
    case 'reassign':
      return writeRmAssigned(w, l, a.ref ?? 'RM-001');
    case 'profile':
      return writeOccupationChange(w, l, dice.pick(OCCUPATIONS));
    default:
      return applyStep(w, l, a);
  }
};
