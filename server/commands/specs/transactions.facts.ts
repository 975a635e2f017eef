// Interface facts of the transactions commands, imported from redis-server 7.0 by scripts/import-command-specs.ts.
// Prose fields are empty here; faha's own wording is merged in by ./prose.ts.
import type { CommandSpec } from '../types.js';

export const TRANSACTIONS_FACTS: CommandSpec[] = [
  {
    "name": "discard",
    "arity": 1,
    "flags": [
      "noscript",
      "loading",
      "stale",
      "fast",
      "allow_busy"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@fast",
      "@transaction"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "transactions",
    "complexity": ""
  },
  {
    "name": "exec",
    "arity": 1,
    "flags": [
      "noscript",
      "loading",
      "stale",
      "skip_slowlog"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@slow",
      "@transaction"
    ],
    "summary": "",
    "since": "1.2.0",
    "group": "transactions",
    "complexity": ""
  },
  {
    "name": "multi",
    "arity": 1,
    "flags": [
      "noscript",
      "loading",
      "stale",
      "fast",
      "allow_busy"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@fast",
      "@transaction"
    ],
    "summary": "",
    "since": "1.2.0",
    "group": "transactions",
    "complexity": ""
  },
  {
    "name": "unwatch",
    "arity": 1,
    "flags": [
      "noscript",
      "loading",
      "stale",
      "fast",
      "allow_busy"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@fast",
      "@transaction"
    ],
    "summary": "",
    "since": "2.2.0",
    "group": "transactions",
    "complexity": ""
  },
  {
    "name": "watch",
    "arity": -2,
    "flags": [
      "noscript",
      "loading",
      "stale",
      "fast",
      "allow_busy"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@fast",
      "@transaction"
    ],
    "summary": "",
    "since": "2.2.0",
    "group": "transactions",
    "keySpecs": [
      {
        "flags": [
          "RO"
        ],
        "beginSearch": {
          "type": "index",
          "index": 1
        },
        "findKeys": {
          "type": "range",
          "lastKey": -1,
          "keyStep": 1,
          "limit": 0
        }
      }
    ],
    "complexity": "",
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0,
        "flags": [
          "multiple"
        ]
      }
    ]
  }
];
