import type { FullConfig } from "@playwright/test";
import { ADMIN, MEMBER, SEED_COUNT, seedName } from "./tests/helpers";

/** Creates the test users over the admin REST API (HTTP Basic as admin). */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0].use.baseURL as string;
  const api = `${baseURL}/api/admin/v1/users`;
  const headers = {
    Authorization: "Basic " + Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString("base64"),
    "Content-Type": "application/json",
    Accept: "application/json",
  };

  async function create(body: Record<string, unknown>): Promise<void> {
    const res = await fetch(api, { method: "POST", headers, body: JSON.stringify(body) });
    // 409: it exists already (a re-run against the same server).
    if (res.status !== 201 && res.status !== 409) {
      throw new Error(`POST ${api} ${JSON.stringify(body)} -> ${res.status}: ${await res.text()}`);
    }
  }

  await create({
    username: MEMBER.username,
    display_name: "Member Example",
    email: "member@example.org",
    password: MEMBER.password,
    admin: false,
  });

  const countRes = await fetch(`${api}?filter[search]=seed&page[first]=1`, { headers });
  if (!countRes.ok) {
    throw new Error(`GET ${api}?filter[search]=seed -> ${countRes.status}: ${await countRes.text()}`);
  }
  const existing = ((await countRes.json()) as { meta?: { count?: number } }).meta?.count ?? 0;
  if (existing >= SEED_COUNT) return;

  // One at a time, in order: the panel lists users by id, a ULID whose time
  // part has millisecond resolution, so keep creations a few ms apart.
  for (let i = 0; i < SEED_COUNT; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 3));
    await create({
      username: seedName(i),
      display_name: `Seed User ${i}`,
      email: `${seedName(i)}@example.org`,
    });
  }
}
