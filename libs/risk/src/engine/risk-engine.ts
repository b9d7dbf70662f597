import type { DayNumber } from '@churn/domain-kernel';
import { bankDayOfInstant, type BankFact } from '@churn/domain-facts';
import { evolveCustomer } from '@churn/domain-customer';
import {
  assessCustomer,
  decideRisk,
  evolveEvidence,
  evolveRisk,
  type Assessment,
  type BranchContext,
  type ChurnRiskEvent,
  type RiskPolicy,
} from '@churn/domain-risk';
import { customerStream } from '@churn/ingestion';
import { newWatch, type CustomerWatch } from './customer-watch';
import { EmployerWatch } from './employer-watch';
import { readInput, SourceKeys, type EngineInput, type RiskOutput } from './engine-input';
import { EngineCounts, type DecisionCounts } from './engine-counts';
import { SourceWatermark, type WatermarkSettings } from './source-watermark';
import { ReviewQueue } from './review-queue';
import { isTelling, nextReviewDay, type ReviewSchedule } from './review-schedule';
import { churnRiskEventId } from './risk-event-ids';

/** Most inputs close no day and decide nothing: one shared empty answer, no allocation. */
const NOTHING: readonly RiskOutput[] = Object.freeze([]);

export interface RiskEngineSettings {
  readonly policy: RiskPolicy;
  readonly reviews: ReviewSchedule;
  /**
   * Facts come from several sources (Kafka partitions) whose order the store interleaves:
   * hold them behind a per-source watermark. Without it the store's order is the business
   * order (a single feed: the backtest, a replay of an ordered history).
   */
  readonly watermark?: WatermarkSettings;
}

/**
 * What a routed shard hands over at the end of a parallel catch-up: its customers, as of the
 * last input routed, and the decisions it counted (structured-clonable: plain data).
 */
export interface ShardHandover {
  readonly watches: readonly CustomerWatch[];
  readonly decisions: DecisionCounts;
}

/**
 * Where a routing engine sends its customers' work (`routeCustomers`): each fact as the
 * `ordinal`-th folded, and each day's close with the branch context the employers decided on.
 */
export interface CustomerRoute {
  fact(ordinal: number, eventId: string, fact: BankFact): void;
  close(day: DayNumber, causationId: string, branch: BranchContext): void;
}

/** A fact held behind the watermark: its stored id and the fact. */
interface Pending {
  readonly id: string;
  readonly fact: BankFact;
}

/**
 * The risk engine (ARCHITECTURE.md: fold → signals → score → ChurnRiskRaised/Changed/Cleared
 * with evidence): deterministic, no I/O, no clock. Business time only: the branch's clock is the
 * latest bank day in the feed, and when it passes a day every customer due that day is assessed
 * as of its close — customers with a telling fact that day, and scheduled reviews, so that quiet
 * customers (salary stopped, dormancy) are still seen. The same facts in the same order give the
 * same events with the same ids (principle 4), whatever checkpoint the engine resumes from.
 */
export class RiskEngine {
  readonly counts = new EngineCounts();
  private readonly watches = new Map<string, CustomerWatch>();
  private readonly queue = new ReviewQueue<CustomerWatch>();
  private readonly employers: EmployerWatch;
  /** The branch's business clock: every day before it has closed. */
  private latestDay: DayNumber | null = null;
  private readonly sources: SourceWatermark<Pending> | undefined;
  private readonly sourceKeys = new SourceKeys();
  /** The last fact folded: the cause of a close behind the watermark. */
  private lastFolded = '';
  /** While routing: where every customer's facts and the day closes go instead. */
  private route: CustomerRoute | undefined;
  /** A routed shard's branch context, as of the last close it was sent. */
  private routedBranch: BranchContext | undefined;

  constructor(readonly settings: RiskEngineSettings) {
    this.employers = new EmployerWatch(settings.policy);
    if (settings.watermark) this.sources = new SourceWatermark(settings.watermark);
  }

  /**
   * Before the first input: keep the clock, the watermark and the employers, and send every
   * customer's facts and each day's close to `route` (shards on other threads, which follow
   * with `foldRouted` and `closeRouted`), until `adopt` takes their customers in.
   */
  routeCustomers(route: CustomerRoute): void {
    if (this.counts.folded > 0 || this.watches.size > 0)
      throw new Error('a risk engine routes its customers from before its first input');
    this.route = route;
  }

  /** A routed shard: a customer's fact, as the `ordinal`-th fact the routing engine folded. */
  foldRouted(ordinal: number, eventId: string, fact: BankFact): void {
    this.foldCustomer(ordinal, eventId, fact);
  }

  /** A routed shard: the close of `day`, assessing its customers due with `branch`. */
  closeRouted(day: DayNumber, causationId: string, branch: BranchContext): void {
    this.routedBranch = branch;
    this.assessDue(day, causationId, []);
  }

  /** The branch's business clock: the first bank day not yet closed. */
  get businessDay(): DayNumber | null {
    return this.latestDay;
  }

  /** Facts held behind the watermark, not yet folded (0 without one). */
  get heldFacts(): number {
    return this.sources?.held ?? 0;
  }

  get customers(): number {
    return this.watches.size;
  }

  /** One recorded event in, the events to append out (in the order to append them). */
  handle(recorded: EngineInput): readonly RiskOutput[] {
    const fact = readInput(recorded);
    if (typeof fact === 'string') {
      this.counts.skip(fact);
      return NOTHING;
    }
    const day = bankDayOfInstant(fact.data.occurredAt);
    if (day === undefined) {
      this.counts.skip('unreadable');
      return NOTHING;
    }
    if (this.sources !== undefined) return this.behindWatermark(this.sources, recorded, fact, day);
    let outputs: RiskOutput[] | undefined;
    this.latestDay ??= day;
    for (; this.latestDay < day; this.latestDay++)
      this.closeDay(this.latestDay, recorded.id, (outputs ??= []));
    this.fold(recorded.id, fact, day);
    return outputs ?? NOTHING;
  }

  /**
   * Several sources: the fact waits until every source still holding the clock has passed its
   * day; the facts the watermark lets go are folded in merge order, and each day is closed once
   * all its facts are in (the cause of a close: the last fact folded before it). A fact of a day
   * already closed (its source was idle, or the buffer was full) is folded at once: late.
   */
  private behindWatermark(
    sources: SourceWatermark<Pending>,
    recorded: EngineInput,
    fact: BankFact,
    day: DayNumber,
  ): readonly RiskOutput[] {
    const { key, offset } = this.sourceKeys.of(recorded);
    sources.arrive(key, day);
    if (this.latestDay !== null && day < this.latestDay) this.foldLate(recorded.id, fact, day);
    else sources.hold({ day, offset, item: { id: recorded.id, fact } });
    const closedBefore = sources.advance();
    let outputs: RiskOutput[] | undefined;
    for (let next = sources.next(); next !== undefined; next = sources.next()) {
      const { day: factDay, item } = next.fact;
      if (next.forced) this.counts.forcedReleases += 1;
      if (this.latestDay !== null && factDay < this.latestDay) {
        this.foldLate(item.id, item.fact, factDay);
        continue;
      }
      if (this.latestDay !== null && this.latestDay < factDay)
        this.closeBefore(factDay, (outputs ??= []));
      this.latestDay ??= factDay;
      this.fold(item.id, item.fact, factDay);
    }
    if (closedBefore !== null && this.latestDay !== null && this.latestDay < closedBefore)
      this.closeBefore(closedBefore, (outputs ??= []));
    return outputs ?? NOTHING;
  }

  private closeBefore(day: DayNumber, outputs: RiskOutput[]): void {
    for (; (this.latestDay as DayNumber) < day; this.latestDay = (this.latestDay as DayNumber) + 1)
      this.closeDay(this.latestDay as DayNumber, this.lastFolded, outputs);
  }

  private foldLate(eventId: string, fact: BankFact, day: DayNumber): void {
    this.counts.lateFacts += 1;
    this.fold(eventId, fact, day);
  }

  /** The customer's watch, read-only, or undefined when no fact of theirs was seen. */
  watchOf(customerId: string): Readonly<CustomerWatch> | undefined {
    return this.watches.get(customerId);
  }

  /** Signals and score as of `asOfDay` (on or after the customer's last fact), without deciding. */
  assessAsOf(watch: Readonly<CustomerWatch>, asOfDay: DayNumber): Assessment {
    const branch = this.routedBranch ?? this.employers.branchContext;
    return assessCustomer(watch.customer, watch.evidence, asOfDay, this.settings.policy, {
      branch,
    });
  }

  /**
   * A customer's place in the review queue's ties is the number of facts folded before their
   * first: the order they were first seen, the same number whichever thread folds them.
   */
  private fold(eventId: string, fact: BankFact, day: DayNumber): void {
    const foldedBefore = this.counts.folded;
    this.employers.fold(fact, day);
    this.counts.folded += 1;
    this.lastFolded = eventId;
    if (this.route !== undefined) return this.route.fact(foldedBefore, eventId, fact);
    this.foldCustomer(foldedBefore, eventId, fact);
  }

  private foldCustomer(foldedBefore: number, eventId: string, fact: BankFact): void {
    const customerId = fact.data.customerId;
    let watch = this.watches.get(customerId);
    if (watch === undefined) {
      watch = newWatch(customerId, foldedBefore);
      this.watches.set(customerId, watch);
    }
    evolveCustomer(watch.customer, fact);
    evolveEvidence(watch.evidence, eventId, fact);
    const bookedOn = watch.customer.lastDay;
    if (bookedOn === null || (watch.dueDay !== null && watch.dueDay <= bookedOn)) return;
    if (this.wantsAssessment(watch, fact)) this.schedule(watch, bookedOn);
  }

  /**
   * A telling fact is assessed at its day's close; so is any fact of a customer not yet on the
   * schedule who was never assessed or now holds enough to be reviewed.
   */
  private wantsAssessment(watch: CustomerWatch, fact: BankFact): boolean {
    const { reviews } = this.settings;
    if (isTelling(fact, reviews)) return true;
    const reviewedFrom =
      reviews.othersEveryDays > 0 ? reviews.othersFromAumMinor : reviews.priorityFromAumMinor;
    return (
      watch.dueDay === null &&
      (watch.lastAssessedDay === null || watch.customer.aumMinor >= reviewedFrom)
    );
  }

  private schedule(watch: CustomerWatch, day: DayNumber): void {
    if (watch.dueDay !== null && watch.dueDay <= day) return;
    watch.dueDay = day;
    this.queue.push(day, watch);
  }

  /** The close of a bank day: employers first (their context quiets payroll-stopped), then customers. */
  private closeDay(day: DayNumber, causationId: string, outputs: RiskOutput[]): void {
    outputs.push(...this.employers.closeDay(day, causationId));
    this.counts.employerAssessments += this.employers.size;
    this.route?.close(day, causationId, this.employers.branchContext);
    this.assessDue(day, causationId, outputs);
  }

  private assessDue(day: DayNumber, causationId: string, outputs: RiskOutput[]): void {
    for (let due = this.queue.popDue(day); due !== undefined; due = this.queue.popDue(day)) {
      if (due.item.dueDay === due.day) this.assess(due.item, day, causationId, outputs);
    }
  }

  private assess(
    watch: CustomerWatch,
    day: DayNumber,
    causationId: string,
    outputs: RiskOutput[],
  ): void {
    const { policy, reviews } = this.settings;
    const assessment = this.assessAsOf(watch, day);
    this.counts.assessments += 1;
    for (const event of decideRisk(assessment, watch.risk)) {
      watch.risk = evolveRisk(watch.risk, event);
      outputs.push(this.output(event, causationId));
    }
    watch.lastAssessedDay = day;
    const { customer, evidence, risk } = watch;
    watch.dueDay = nextReviewDay(customer, evidence, risk, assessment, day, policy, reviews);
    if (watch.dueDay !== null) this.queue.push(watch.dueDay, watch);
  }

  /** A shard's customers and decisions, to hand to the engine that goes on alone. */
  handOver(): ShardHandover {
    return { watches: [...this.watches.values()], decisions: this.counts.decisions() };
  }

  /**
   * The end of a parallel catch-up: every shard, sent this engine's inputs up to here, hands
   * over its customers, and this engine goes on with all of them. Each is queued again at the
   * day it was due (the queue is the only place a shard's customers are referenced).
   */
  adopt(handovers: readonly ShardHandover[]): void {
    for (const { watches, decisions } of handovers) {
      for (const watch of watches) {
        this.watches.set(watch.customerId, watch);
        if (watch.dueDay !== null) this.queue.push(watch.dueDay, watch);
      }
      this.counts.addDecisions(decisions);
    }
    this.route = undefined;
  }

  private output(event: ChurnRiskEvent, causationId: string): RiskOutput {
    this.counts.decided(event);
    return {
      stream: customerStream(event.data.customerId),
      event: {
        id: churnRiskEventId(event),
        type: event.type,
        data: event.data,
        metadata: {
          occurredAt: event.data.occurredAt,
          schemaVersion: event.schemaVersion,
          causationId,
          policyVersion: event.data.policyVersion,
        },
      },
    };
  }
}
