import type { RetentionAlertEvent } from './alert-events';
import type { AlertState } from './alert-state';

export const initialAlertState = (): AlertState => ({ status: 'none', suppressed: 0 });

/** STUB (signature fixed). Total: never throws. */
export const evolveAlert = (state: AlertState, _event: RetentionAlertEvent): AlertState => state;
