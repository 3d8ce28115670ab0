/** The vocabularies live in the protocol (server/protocol/vocabularies.ts); the storage layer reads them from there. */
export * from "../../server/protocol/vocabularies";
