export * from "./community";
export * from "./feed";
export * from "./operations";
export * from "./posts";
export * from "./rate-limits";
export * from "./registry";
export * from "./tokens";
export * from "./wall";
