/**
 * Active ISO-4217 codes the branch can meet: the home currency, the currencies its customers
 * hold deposits and wealth products in, and the major trading ones. A code outside this list is
 * refused as 'unknown-currency' rather than booked: a typo ('RMB', 'CNH') would otherwise open
 * a phantom currency in the customer's balances. Extend the list, in review, as the bank does.
 */
export const ISO_4217_CURRENCIES = [
  'CNY',
  'HKD',
  'MOP',
  'TWD',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CHF',
  'CAD',
  'AUD',
  'NZD',
  'SGD',
  'KRW',
  'THB',
  'MYR',
  'IDR',
  'PHP',
  'VND',
  'INR',
  'RUB',
  'AED',
  'SAR',
  'QAR',
  'KWD',
  'BHD',
  'TRY',
  'ZAR',
  'BRL',
  'MXN',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'ILS',
  'KZT',
  'PKR',
  'EGP',
] as const;

export type CurrencyCode = (typeof ISO_4217_CURRENCIES)[number];
