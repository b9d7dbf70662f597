export * from './vocabulary';
export * from './customer-facts';
export * from './account-facts';
export * from './product-facts';
export * from './relationship-facts';
export * from './catalogue';
export * from './occurred-day';
