import type { AcquisitionChannel, IndustryClass } from '@churn/domain-facts';
import { daysInMonth } from '@churn/domain-facts';
import type { Dice } from '../random/dice';
import type { Employment } from './employment';

export interface Profile {
  readonly birthDate: string;
  readonly birthday: string;
  readonly age: number;
  readonly industryClass: IndustryClass;
  readonly occupation: string;
  readonly acquisitionChannel: AcquisitionChannel;
}

const OCCUPATIONS = ['工程师', '教师', '医生', '公务员', '销售', '会计', '个体经营者', '自由职业'];
const EMPLOYEE_OCCUPATIONS = ['工程师', '职员', '技术员', '会计', '经理', '操作工'];

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Who the customer is: age (employees 22–59, others 18–85), industry (an employee's is the
 * employer's; thesis Table 5.1 优质/一般), occupation, and how they came to the branch — payroll
 * for every employee and a quarter of the rest, close to the 37% of surveyed customers (§3.3).
 */
export const drawProfile = (
  employment: Employment | null,
  startYear: number,
  dice: Dice,
): Profile => {
  const age = employment
    ? dice.int(22, 59)
    : dice.weighted(
        [dice.int(18, 29), dice.int(30, 44), dice.int(45, 59), dice.int(60, 85)],
        [2, 3, 3, 2],
      );
  const year = startYear - age;
  const month = dice.int(1, 12);
  const date = dice.int(1, daysInMonth(year, month));
  const occupation = employment
    ? dice.pick(EMPLOYEE_OCCUPATIONS)
    : age >= 60
      ? '退休人员'
      : age < 22
        ? '学生'
        : dice.pick(OCCUPATIONS);
  const acquisitionChannel: AcquisitionChannel =
    employment || dice.chance(0.25)
      ? 'payroll'
      : dice.weighted(['branch', 'referral', 'online', 'other'] as const, [45, 15, 25, 15]);
  return {
    birthDate: `${year}-${two(month)}-${two(date)}`,
    birthday: `${two(month)}${two(date)}`,
    age,
    industryClass: employment?.employer.industryClass ?? (dice.chance(0.3) ? 'prime' : 'ordinary'),
    occupation,
    acquisitionChannel,
  };
};
