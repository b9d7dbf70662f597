/**
 * What a customer told the bank about leaving, read from the note of a logged contact (CRM).
 * DOMAIN.md §4 names the reasons customers give: yield-chasing ("competitors offering higher
 * rates"), a product maturing that is not renewed (到期未转存), and dissatisfaction. A relationship
 * manager writes such a conversation down in a few fixed words; these are the words that say the
 * money is about to move, not merely that the customer asked a question ("咨询大额存单", asking about
 * large certificates of deposit, is routine and says nothing of leaving).
 *
 * - `not-renewing`: the customer said a maturing product will not be renewed (暂不续存, 不续存).
 * - `elsewhere`: the customer named another bank's offer or a move of money or of bank
 *   (他行 another bank, 转出 transfer out, 更换银行 / 换银行 change bank, 销户 close the account).
 */
export type LeavingIntent = 'not-renewing' | 'elsewhere';

const NOT_RENEWING = ['暂不续存', '不续存', '不再续存', '不再续期'] as const;
const ELSEWHERE = ['他行', '其他银行', '别的银行', '转出', '更换银行', '换银行', '销户'] as const;

/** The intent a contact note states, or null when it states none. Pure text matching. */
export const leavingIntentOf = (summary: string): LeavingIntent | null => {
  if (NOT_RENEWING.some((words) => summary.includes(words))) return 'not-renewing';
  if (ELSEWHERE.some((words) => summary.includes(words))) return 'elsewhere';
  return null;
};
