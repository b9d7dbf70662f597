export * from './customer-story';
export * from './replay';
export * from './aum-stories';
