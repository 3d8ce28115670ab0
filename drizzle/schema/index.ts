export * from "./community";
export * from "./feed";
export * from "./operations";
export * from "./registry";
export * from "./tokens";
export * from "./wall";
