export declare function cacheRoot(): string;
export declare function packageName(): string;
export declare function nodeBinary(major: number | string, log?: (text: string) => void): string;
