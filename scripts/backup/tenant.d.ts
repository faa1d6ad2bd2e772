export declare const FORMAT = "baken-tenant-export";
export interface TenantExport {
    format: typeof FORMAT;
    version: 1;
    stichtingId: string;
    exportedAt: string;
    tables: Record<string, Record<string, unknown>[]>;
}
export declare function exportTenant(url: string, stichtingId: string): Promise<TenantExport>;
export declare function importTenant(url: string, data: TenantExport): Promise<Record<string, number>>;
