// The agent's data protocol lives in src/core (the browser reads it too); this name stays for the
// agent and toy code that imports it from here.
export * from '../../src/core/agent-protocol.ts';
