import {
  ACQUISITION_CHANNELS,
  INDUSTRY_CLASSES,
  type AcquisitionChannel,
  type IndustryClass,
} from '@churn/domain-facts';
import { CrmMessage } from './crm-message';
import { CalendarDate, Id, MAX_LABEL_LENGTH, OneOf, Text } from './field-rules';
import { Optional } from './optional';

/** The customer opened a relationship with the branch: what segmentation needs (thesis Table 5.1). */
export class CustomerOnboardedMessage extends CrmMessage {
  @CalendarDate() birthDate!: string;
  @OneOf(INDUSTRY_CLASSES) industryClass!: IndustryClass;
  @Text(MAX_LABEL_LENGTH) occupation!: string;
  @Id() branchId!: string;
  @Id() teamId!: string;
  @OneOf(ACQUISITION_CHANNELS) acquisitionChannel!: AcquisitionChannel;
}

/** Any subset of the profile, at least one field; a field left out keeps its value. */
export class ProfileChangedMessage extends CrmMessage {
  @Optional() @CalendarDate() birthDate?: string;
  @Optional() @OneOf(INDUSTRY_CLASSES) industryClass?: IndustryClass;
  @Optional() @Text(MAX_LABEL_LENGTH) occupation?: string;
  @Optional() @Id() branchId?: string;
  @Optional() @Id() teamId?: string;
}

/** A wealth manager (理财经理) now looks after the customer. */
export class RmAssignedMessage extends CrmMessage {
  @Id() rmId!: string;
  @Id() teamId!: string;
}
