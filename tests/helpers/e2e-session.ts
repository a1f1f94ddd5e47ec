// The set-up most e2e files share: the real Hearth server and one headless Chromium for the whole
// file, and pages that record their requests and problems.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { collectPageProblems, launchChromium, RequestRecorder } from './browser.ts';
import { startHearthServer, type RunningServer, type ServerOptions } from './server.ts';

export interface ChromiumOptions {
  fakeAudioCapture?: string;
  extraArgs?: string[];
}

export interface HearthInChromiumOptions {
  /** How the server starts; a function runs inside beforeAll, after whatever it must build first. */
  server?: ServerOptions | (() => ServerOptions | Promise<ServerOptions>);
  chromium?: ChromiumOptions;
  /** Runs once Chromium and the server have stopped (e.g. deleting generated model files). */
  cleanup?: () => void | Promise<void>;
}

export interface OpenPageOptions {
  context?: BrowserContextOptions;
  /** Runs on the new context before its page opens (init scripts such as the audio tap). */
  prepare?: (context: BrowserContext) => Promise<void>;
  /** Also counts every HTTP response of 400 or more as a page problem. */
  reportHttpErrors?: boolean;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Every request of the context, to prove nothing left the server's origin. */
  recorder: RequestRecorder;
  /** Console errors, page errors (and HTTP errors when asked for). */
  problems: string[];
}

export interface HearthInChromium {
  readonly server: RunningServer;
  readonly browser: Browser;
  openPage(options?: OpenPageOptions): Promise<OpenedPage>;
}

/** A new context and page in `browser`, watched for requests and problems; the caller navigates. */
export async function openPage(browser: Browser, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext(options.context);
  await options.prepare?.(context);
  const recorder = new RequestRecorder(context);
  const page = await context.newPage();
  const problems = collectPageProblems(page);
  if (options.reportHttpErrors) {
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
    });
  }
  return { context, page, recorder, problems };
}

/**
 * Starts the real Hearth server, then Chromium, in beforeAll, and closes Chromium, then the server,
 * in afterAll. Call it inside a describe block; read `server` and `browser` only in hooks and tests.
 */
export function useHearthInChromium(options: HearthInChromiumOptions = {}): HearthInChromium {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const serverOptions = typeof options.server === 'function' ? await options.server() : options.server;
    server = await startHearthServer(serverOptions);
    browser = await launchChromium(options.chromium);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await options.cleanup?.();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`${what} is not started: use it inside a test or a hook after useHearthInChromium's beforeAll`);
    return value;
  };
  return {
    get server() {
      return started(server, 'the Hearth server');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    openPage(pageOptions) {
      return openPage(started(browser, 'Chromium'), pageOptions);
    },
  };
}
