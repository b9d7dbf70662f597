import type { RaisedAlert } from '../decider/alert-state';

/** STUB (signature fixed). Risk × value: higher first in an inbox. */
export const inboxPriority = (_alert: RaisedAlert): number => 0;
