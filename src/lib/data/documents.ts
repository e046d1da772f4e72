/** Which document of a dataset the views show: defined with the queries (queries.ts). */
export {
  ALL_DOCUMENTS,
  chooseDocument,
  isMerged,
  partOfOrder,
  type DocumentChoice,
  type DocumentPart,
  type MergedDocument,
  type PartTheme,
} from './queries.ts';
