// Industry (DESIGN §5.2 technology-transfer ladder, §5.3 production lines, DOMAIN b4 stockpiles):
// the rules are split by step; this file is the family's door for the dispatcher and the turn machine.
export { checkIndustry, type IndustryAction } from './industryCheck';
export { applyIndustry } from './industryApply';
export { legalIndustry } from './industryLegal';
export { assessIndustry, resolveIndustry, splitOutput } from './industryResolve';
export { DEFAULT_TECH_LADDER, type LadderStep } from './industryShared';
