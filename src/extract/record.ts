// The record is the extractor's output; its definition is shared by all stages (../record.ts).
export * from '../record.js';
