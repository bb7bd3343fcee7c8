/**
 * The 97.5th percentile of the standard normal distribution, as rounded in the published
 * NPS and CSAT margin formulas: ±1.96 standard errors cover 95% of a normal sampling distribution.
 */
export const Z_95 = 1.96;
