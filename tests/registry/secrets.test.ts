import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { MemoryBackend } from "../../src/backends/memory/index.js";
import { openStore, Registry, registerBackendType } from "../../src/index.js";
import { isSecretKey, redactUrl } from "../../src/shared/secrets.js";
import { configErrorOfSync } from "./config-errors.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

const SECRETS = ["hunter2-password", "AKIAEXAMPLEKEYID", "wJalrXUtnFEMI-secret", "session-token-value", "DefaultEndpointsProtocol=conn", "sv=2024&sig=sas", "nested-cred-value"];

function registerCloud(factory: (options: Record<string, unknown>) => MemoryBackend = () => new MemoryBackend()): void {
  cleanups.push(
    registerBackendType("cloud", factory, {
      url: { scheme: "cloud", parse: (url) => ({ options: { user: new URL(url).username, token: new URL(url).searchParams.get("token") ?? "" } }) },
    }),
  );
}

function secretConfig(): Record<string, unknown> {
  return {
    backends: {
      c: {
        type: "cloud",
        options: {
          bucket: "public-bucket",
          password: SECRETS[0],
          accessKeyId: SECRETS[1],
          secret_access_key: SECRETS[2],
          SessionToken: SECRETS[3],
          connectionString: SECRETS[4],
          sasToken: SECRETS[5],
          credentials: { user: "u", value: SECRETS[6] },
        },
      },
      u: "cloud://someone:url-password-1@host/?token=url-token-value&region=eu",
    },
    stores: { s: { backend: "c" }, t: { backend: "u" } },
  };
}

function expectNoSecret(text: string): void {
  for (const secret of [...SECRETS, "url-password-1", "url-token-value"]) expect(text).not.toContain(secret);
}

describe("secrets", () => {
  it("REG-080 credential-like keys, ignoring case, _ and -", () => {
    for (const key of ["key", "apiKey", "account_key", "privateKey", "secret", "clientSecret", "password", "PASSWD", "passphrase", "token", "sessionToken", "sasToken", "accessKeyId", "secretAccessKey", "connectionString", "connection-string", "credentials", "authorization"]) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ["bucket", "root", "name", "maxSize", "region", "endpoint", "user"]) expect(isSecretKey(key), key).toBe(false);
  });

  it("REG-081 describe, toString, toJSON and util.inspect redact every secret", () => {
    registerCloud();
    const registry = new Registry(secretConfig());
    registry.getStore("s");
    const description = registry.describe();
    expect(description).toContain("public-bucket");
    expect(description).toContain("***");
    for (const text of [description, registry.toString(), JSON.stringify(registry), inspect(registry), inspect(registry, { depth: 10 }), `${String(registry)}`]) {
      expectNoSecret(text);
    }
    expect(registry.toJSON().backends.c!.options.credentials).toBe("***");
  });

  it("REG-081 a URL shows *** for its password and credential-like parameters", () => {
    expect(redactUrl("cloud://someone:pw-123@host/x?token=abc&region=eu")).toBe("cloud://someone:***@host/x?token=***&region=eu");
    expect(redactUrl("memory://name/x?maxSize=1")).toBe("memory://name/x?maxSize=1");
  });

  it("REG-081 validation messages never echo secret values", () => {
    registerCloud();
    const config = secretConfig();
    (config.stores as Record<string, unknown>).bad = { backend: "missing" };
    (config.backends as Record<string, unknown>).m = { type: "memory", options: { password: SECRETS[0], maxSize: SECRETS[2] } };
    const error = configErrorOfSync(() => new Registry(config));
    expect(error.issues.length).toBeGreaterThan(0);
    expectNoSecret(error.message);
  });

  it("REG-081 a factory error quoting a secret is scrubbed", () => {
    registerCloud((options) => {
      throw new Error(`login failed with password ${String(options.password)} and token ${String(options.token)}`);
    });
    const registry = new Registry(secretConfig());
    for (const name of ["s", "t"]) {
      const error = configErrorOfSync(() => registry.getStore(name));
      expectNoSecret(error.message);
      expectNoSecret(error.issues.join("\n"));
      expect(error.message).toContain("***");
    }
  });

  it("REG-081 openStore scrubs URL credentials from factory errors", () => {
    registerCloud((options) => {
      throw new Error(`denied for token ${String(options.token)}`);
    });
    const error = configErrorOfSync(() => openStore("cloud://someone:url-password-1@host/?token=url-token-value"));
    expectNoSecret(error.message);
  });
});
