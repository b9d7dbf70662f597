export * from './smtp-test-server';
export * from './webhook-receiver';
export * from './outbound-notification.fixture';
export { parseMail, type ParsedMail } from './parse-mail';
