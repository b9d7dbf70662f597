import { isSurveyScore, netPromoterBasisPoints, npsClassOf } from './nps';

describe('the NPS class of a survey answer (0–6 detractor, 7–8 passive, 9–10 promoter)', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ])('a score of %d is a %s', (score, npsClass) => expect(npsClassOf(score)).toBe(npsClass));

  it.each([-1, 11, 7.5, Number.NaN])('%d is not a score', (score) =>
    expect(isSurveyScore(score)).toBe(false),
  );

  it("reproduces the branch's survey NPS of −3.28% (34.15% promoters, 37.43% detractors)", () => {
    expect(netPromoterBasisPoints(3_415, 2_842, 3_743)).toBe(-328);
    expect(netPromoterBasisPoints(0, 0, 0)).toBe(0);
  });
});
