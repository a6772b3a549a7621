import { test as base, expect } from "@playwright/test";

/**
 * `test` for every spec: it fails when the panel's WebAssembly panicked in a
 * page of the test's browser context (a hydration mismatch, for one), or when
 * the browser refused something under the Content-Security-Policy. A page
 * that panicked still looks right but no longer reacts, so the step that
 * fails would otherwise be a later, unrelated one.
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    const panics: string[] = [];
    const violations: string[] = [];
    context.on("console", (message) => {
      if (message.type() !== "error") return;
      const where = `${message.page()?.url()}: ${message.text().split("\n").slice(0, 2).join(" ")}`;
      if (message.text().includes("panicked at")) panics.push(where);
      if (message.text().includes("Content Security Policy")) violations.push(where);
    });
    await use(context);
    expect(panics, "the panel's WebAssembly panicked").toEqual([]);
    expect(violations, "the Content-Security-Policy refused something").toEqual([]);
  },
});

export { expect };
