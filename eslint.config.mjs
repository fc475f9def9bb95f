import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Layers ("rooms") and what each may import; docs/architecture.md explains them.
 * Each entry is a gitignore-style pattern group for `no-restricted-imports`.
 */
const DB = {
  group: ["@/lib/db", "@/lib/db/**"],
  message: "The database is reached through lib's server modules (a route handler, lib/server/page-data, …).",
};
const INTERCOM_CLIENT = {
  group: ["@/lib/intercom/client"],
  message: "Intercom is called from lib's server modules; use clientFor() there, never from a page or component.",
};
const SANDBOX = {
  group: ["@/lib/sandbox", "@/lib/sandbox/**", "**/sandbox", "**/sandbox/**"],
  message: "The sandbox is a separate server: only lib/server/boot.ts starts it.",
};
const UI = {
  group: ["@/components", "@/components/**", "@/app", "@/app/**"],
  message: "lib and route handlers do not depend on pages or components.",
};
const APP = { group: ["@/app", "@/app/**"], message: "Components do not import from app/." };

const rooms = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "lib/db/migrations/**",
    ],
  },
  {
    // Only our own files are read to follow imports; packages are never parsed.
    settings: { "import/ignore": ["node_modules"], "import/cache": { lifetime: Infinity } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@next/next/no-html-link-for-pages": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  rooms(["components/**"], [DB, INTERCOM_CLIENT, SANDBOX, APP]),
  rooms(["app/**"], [DB, INTERCOM_CLIENT, SANDBOX], ["app/api/**"]),
  rooms(["app/api/**"], [SANDBOX, UI]),
  rooms(["lib/**", "proxy.ts", "instrumentation.ts"], [SANDBOX, UI], ["lib/sandbox/**", "lib/server/boot.ts"]),
  rooms(["lib/sandbox/**", "lib/server/boot.ts"], [UI]),
  {
    // A dynamic import() is not an import declaration: the sandbox rule covers it here.
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/sandbox/**", "lib/server/boot.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportExpression[source.value=/^@\\u002Flib\\u002Fsandbox|(^|\\u002F)sandbox(\\u002F|$)/]",
          message: SANDBOX.message,
        },
      ],
    },
  },
];

export default config;
