import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen } from '../../src/server/server.js';
import { launchChromium, type BrowserSession } from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/services.js';

/** The visible text of the query editor (Monaco draws spaces as non-breaking ones). */
async function editorText(page: Page): Promise<string> {
  return (await page.locator('.graphiql-editor').first().innerText()).replace(/\u00a0/g, ' ');
}

describe('GraphiQL in a real browser', { timeout: 180_000 }, () => {
  let app: TestApp;
  let server: Server;
  let origin: string;
  let browser: BrowserSession;

  beforeAll(async () => {
    app = await createTestApp();
    server = await listen(app.yoga, 0, '127.0.0.1');
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Throws (the test fails, never skips) when Chromium is not installed.
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await closeServer(server);
    await app?.close();
  });

  it('renders the editor with its example tabs, and no request leaves this machine', async () => {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const response = await page.goto(`${origin}/graphql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);

    // The editor is there and holds the first example; the schema was introspected (docs explorer
    // shows the root types), so the page is past its "Loading…" state.
    await page.locator('.graphiql-container').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('query Explore');
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count(), { timeout: 30_000 }).toBe(5);
    const tabTitles = await tabs.allInnerTexts();
    expect(tabTitles.join(' ')).toMatch(/Explore.*Search.*Neighbourhood.*Timeline.*LoadDocument/s);
    expect(await page.locator('body').innerText()).not.toContain('Loading');

    // Run the first tab: the answer comes from the server.
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.graphiql-response').innerText().then((text) => text.replace(/\u00a0/g, ' ')), { timeout: 60_000 }).toContain('"data"');

    // The load tab carries its variables and the Authorization header.
    await tabs.nth(4).click();
    await expect.poll(() => editorText(page), { timeout: 30_000 }).toContain('mutation LoadDocument');

    expect(pageErrors).toEqual([]);
    const offHost = requests.filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return false;
      const { hostname } = new URL(url);
      return hostname !== '127.0.0.1' && hostname !== 'localhost';
    });
    expect(offHost).toEqual([]);
    expect(requests.some((url) => url.startsWith(`${origin}/graphql`))).toBe(true);
  });
});
