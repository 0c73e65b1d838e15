// Fixed positions other sheets refer to.

/** TB Regio Bronnen: the header row of the source table and the column with the (editable) name. */
export const SOURCES_HEADER_ROW = 7;
export const SOURCES_NAME_COL = 2;
