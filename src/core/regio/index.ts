// The regional overview: many workbooks' figures consolidated into TB Regio sheets.

export { consolidate } from './consolidate';
export type { ConsolidateOptions, RegioResult, RegioSourceLine } from './consolidate';
export { REGIO_SHEET } from './context';
export { sourceContribution, unreadableSource } from './source';
export type { SourceContribution } from './source';
