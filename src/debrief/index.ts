// The debrief: computed from the action log alone, for a finished game or an imported replay.
export { computeDebrief, describeAction } from './compute';
export { csvColumns, csvCell, debriefCsv, debriefJson, type CsvColumn } from './csv';
export type * from './types';
