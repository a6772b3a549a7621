/**
 * A small relying party for the end-to-end tests, built on a maintained
 * OpenID Connect client library (panva's `openid-client`): "Sign in with
 * Gatehouse" (authorization code + PKCE + state + nonce), a page showing
 * who is signed in, and RP-initiated logout. It runs inside the test
 * process on a free port.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import * as oidc from "openid-client";

export interface RelyingParty {
  url: string;
  redirectUri: string;
  logoutUri: string;
  close(): Promise<void>;
}

interface Pending {
  verifier: string;
  nonce: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
  `<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

/** Listens on a free port; `configure` gets the redirect URIs and returns the client credentials. */
export async function startRelyingParty(
  issuer: string,
  configure: (redirectUri: string, logoutUri: string) => Promise<{ clientId: string; clientSecret: string }>,
): Promise<RelyingParty> {
  const pending = new Map<string, Pending>();
  const sessions = new Map<string, { name: string; idToken: string }>();
  let config: oidc.Configuration | undefined;
  let base = "";

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", base);
    const cookie = /rp_session=([\w-]+)/.exec(req.headers.cookie ?? "")?.[1];
    const send = (status: number, html: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", ...headers });
      res.end(html);
    };
    try {
      if (!config) throw new Error("not configured");
      if (url.pathname === "/") {
        const who = cookie ? sessions.get(cookie) : undefined;
        return send(200, who
          ? page("Demo app", `<p data-testid="rp-user">Signed in as ${escape(who.name)}</p><a href="/logout">Sign out</a>`)
          : page("Demo app", `<a href="/login">Sign in with Gatehouse</a>`));
      }
      if (url.pathname === "/login") {
        const verifier = oidc.randomPKCECodeVerifier();
        const state = oidc.randomState();
        const nonce = oidc.randomNonce();
        pending.set(state, { verifier, nonce });
        const target = oidc.buildAuthorizationUrl(config, {
          redirect_uri: `${base}/callback`,
          scope: "openid profile",
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          code_challenge_method: "S256",
          state,
          nonce,
        });
        return send(302, "", { Location: target.href });
      }
      if (url.pathname === "/callback") {
        const state = url.searchParams.get("state") ?? "";
        const error = url.searchParams.get("error");
        if (error) return send(403, page("Sign-in refused", `<p data-testid="rp-error">${escape(error)}</p>`));
        const expected = pending.get(state);
        if (!expected) return send(400, page("Unknown state", ""));
        pending.delete(state);
        const tokens = await oidc.authorizationCodeGrant(config, url, {
          pkceCodeVerifier: expected.verifier,
          expectedState: state,
          expectedNonce: expected.nonce,
        });
        const claims = tokens.claims();
        if (!claims) throw new Error("no ID token");
        const session = randomUUID();
        sessions.set(session, { name: String(claims.name ?? claims.preferred_username), idToken: tokens.id_token! });
        return send(302, "", { Location: "/", "Set-Cookie": `rp_session=${session}; Path=/; HttpOnly` });
      }
      if (url.pathname === "/logout") {
        const who = cookie ? sessions.get(cookie) : undefined;
        if (cookie) sessions.delete(cookie);
        const target = oidc.buildEndSessionUrl(config, {
          post_logout_redirect_uri: `${base}/bye`,
          ...(who ? { id_token_hint: who.idToken } : {}),
        });
        return send(302, "", { Location: target.href, "Set-Cookie": "rp_session=; Path=/; Max-Age=0" });
      }
      if (url.pathname === "/bye") return send(200, page("Signed out", `<p data-testid="rp-bye">You are signed out.</p>`));
      return send(404, page("Not found", ""));
    } catch (e) {
      return send(500, page("Relying party error", `<pre data-testid="rp-failure">${escape(String(e))}</pre>`));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirectUri = `${base}/callback`;
  const logoutUri = `${base}/bye`;
  const { clientId, clientSecret } = await configure(redirectUri, logoutUri);
  config = await oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
  return {
    url: base,
    redirectUri,
    logoutUri,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
