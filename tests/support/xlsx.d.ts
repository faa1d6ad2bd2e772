export declare function unzip(buf: Buffer): Map<string, string>;
export interface Sheet {
    rows: string[][];
    /** Cells holding a formula (<f>) or typed as a formula's string result. */
    formulas: number;
}
/** The first sheet as rows of displayed text (numbers as written; dates as their serial number). */
export declare function readFirstSheet(buf: Buffer): Sheet;
