import * as alert from '@churn/domain-alert';
import { TIERS as DOMAIN_TIERS } from '@churn/domain-customer';
import { SIGNAL_CODES as DOMAIN_SIGNALS } from '@churn/domain-risk';
import { en } from '../i18n/en';
import * as console from './vocabulary';

/** The console's copies of the domain's vocabularies, checked so that they cannot drift. */
describe('the words the console offers', () => {
  it.each([
    ['tiers', console.TIERS, DOMAIN_TIERS],
    ['severities', console.ALERT_SEVERITIES, alert.ALERT_SEVERITIES],
    ['levels', console.ALERT_LEVELS, alert.ALERT_LEVELS],
    ['outcomes', console.ALERT_OUTCOMES, alert.ALERT_OUTCOMES],
    ['outcome reasons', console.OUTCOME_REASONS, alert.OUTCOME_REASONS],
    ['contact channels', console.CONTACT_CHANNELS, alert.CONTACT_CHANNELS],
    ['staff roles', console.STAFF_ROLES, alert.STAFF_ROLES],
    ['signal codes', console.SIGNAL_CODES, DOMAIN_SIGNALS],
  ])('are the domain’s %s', (_name, ours, domain) => {
    expect([...ours]).toEqual([...domain]);
  });

  it('are the service items of thesis Table 5.2, each translated', () => {
    expect([...console.SERVICE_ITEMS]).toEqual(Object.keys(alert.SERVICE_ITEMS).map(Number));
    for (const [item, name] of Object.entries(alert.SERVICE_ITEMS))
      expect(en[`item.${item}` as keyof typeof en]).toBe(name);
  });

  it('have a translation for every word', () => {
    const words: [string, readonly (string | number)[]][] = [
      ['tier', console.TIERS],
      ['severity', console.ALERT_SEVERITIES],
      ['level', console.ALERT_LEVELS],
      ['outcome', console.ALERT_OUTCOMES],
      ['reason', console.OUTCOME_REASONS],
      ['channel', [...console.CONTACT_CHANNELS, ...alert.NOTIFICATION_CHANNELS]],
      ['signal', console.SIGNAL_CODES],
      ['purpose', alert.NOTIFICATION_PURPOSES],
      ['slaKind', alert.SLA_KINDS],
      ['marker', console.MARKER_KINDS],
      ['role', console.STAFF_ROLES],
    ];
    const missing = words.flatMap(([kind, values]) =>
      values.map((v) => `${kind}.${v}`).filter((key) => !(key in en)),
    );
    expect(missing).toEqual([]);
  });
});
