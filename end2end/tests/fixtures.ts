import { test as base, expect } from "@playwright/test";

/**
 * `test` for every spec: it fails when the panel's WebAssembly panicked in a
 * page of the test's browser context (a hydration mismatch, for one). Such a
 * page still looks right but no longer reacts, so the step that fails would
 * otherwise be a later, unrelated one.
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    const panics: string[] = [];
    context.on("console", (message) => {
      if (message.type() === "error" && message.text().includes("panicked at")) {
        panics.push(`${message.page()?.url()}: ${message.text().split("\n").slice(0, 2).join(" ")}`);
      }
    });
    await use(context);
    expect(panics, "the panel's WebAssembly panicked").toEqual([]);
  },
});

export { expect };
