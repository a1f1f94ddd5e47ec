export type { Fact, FactExtractor, MemoryRecord, MemorySource, MemoryStore } from './memory-types.ts';
export { extractFactsByRules, ruleFactExtractor, topicKey } from './fact-rules.ts';
export { LlmFactExtractor, parseFacts } from './llm-fact-extractor.ts';
export { cosine, keywords, rankMemories, type RankOptions } from './memory-retrieval.ts';
export { parseForgetRequest, selectMemoriesToForget, type ForgetTarget } from './forget-request.ts';
export { MemoryService, type MemoryServiceOptions, type TurnExchange } from './memory-service.ts';
export { toThirdPerson } from './third-person.ts';
export { capWords, findFromWords, fromWordsOf, MAX_FROM_WORDS } from './memory-origin.ts';
export { childNameFromMemories, naturalMemoryText } from './memory-wording.ts';
