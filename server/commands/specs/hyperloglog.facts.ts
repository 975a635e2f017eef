// Interface facts of the hyperloglog commands, imported from redis-server 7.0 by scripts/import-command-specs.ts.
// Prose fields are empty here; faha's own wording is merged in by ./prose.ts.
import type { CommandSpec } from '../types.js';

export const HYPERLOGLOG_FACTS: CommandSpec[] = [
  {
    "name": "pfadd",
    "arity": -2,
    "flags": [
      "write",
      "denyoom",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@hyperloglog",
      "@fast"
    ],
    "summary": "",
    "since": "2.8.9",
    "group": "hyperloglog",
    "keySpecs": [
      {
        "flags": [
          "RW",
          "insert"
        ],
        "beginSearch": {
          "type": "index",
          "index": 1
        },
        "findKeys": {
          "type": "range",
          "lastKey": 0,
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
        "keySpecIndex": 0
      },
      {
        "name": "element",
        "type": "string",
        "flags": [
          "optional",
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "pfcount",
    "arity": -2,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@hyperloglog",
      "@slow"
    ],
    "summary": "",
    "since": "2.8.9",
    "group": "hyperloglog",
    "keySpecs": [
      {
        "flags": [
          "RW",
          "access"
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
        },
        "notes": ""
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
  },
  {
    "name": "pfmerge",
    "arity": -2,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@hyperloglog",
      "@slow"
    ],
    "summary": "",
    "since": "2.8.9",
    "group": "hyperloglog",
    "keySpecs": [
      {
        "flags": [
          "RW",
          "access",
          "insert"
        ],
        "beginSearch": {
          "type": "index",
          "index": 1
        },
        "findKeys": {
          "type": "range",
          "lastKey": 0,
          "keyStep": 1,
          "limit": 0
        }
      },
      {
        "flags": [
          "RO",
          "access"
        ],
        "beginSearch": {
          "type": "index",
          "index": 2
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
        "name": "destkey",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "sourcekey",
        "type": "key",
        "keySpecIndex": 1,
        "flags": [
          "multiple"
        ]
      }
    ]
  }
];
