import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  CONTACT_CHANNELS,
  CONTACT_INITIATORS,
  SURVEY_SCORE_MAX,
  SURVEY_SCORE_MIN,
  type ComplaintCategory,
  type ComplaintSeverity,
  type ContactChannel,
  type ContactInitiator,
} from '@churn/domain-facts';
import { IsInt, Max, Min } from 'class-validator';
import { CrmMessage } from './crm-message';
import { Id, MAX_SUMMARY_LENGTH, OneOf, Text } from './field-rules';

export class ContactLoggedMessage extends CrmMessage {
  @Id() contactId!: string;
  @Id() staffId!: string;
  @OneOf(CONTACT_CHANNELS) channel!: ContactChannel;
  @OneOf(CONTACT_INITIATORS) initiatedBy!: ContactInitiator;
  /** What was said, in the RM's words; may be empty. */
  @Text(MAX_SUMMARY_LENGTH, 0) summary!: string;
}

export class ComplaintFiledMessage extends CrmMessage {
  @Id() complaintId!: string;
  @OneOf(COMPLAINT_CATEGORIES) category!: ComplaintCategory;
  @OneOf(COMPLAINT_SEVERITIES) severity!: ComplaintSeverity;
}

/** An NPS answer on the thesis's 0..10 scale (§3.3). */
export class SurveyAnsweredMessage extends CrmMessage {
  /** The survey campaign: many customers answer the same survey. */
  @Id() surveyId!: string;
  @IsInt() @Min(SURVEY_SCORE_MIN) @Max(SURVEY_SCORE_MAX) score!: number;
}
