// Interface facts of the pubsub commands, imported from redis-server 7.0 by scripts/import-command-specs.ts.
// Prose fields are empty here; faha's own wording is merged in by ./prose.ts.
import type { CommandSpec } from '../types.js';

export const PUBSUB_FACTS: CommandSpec[] = [
  {
    "name": "psubscribe",
    "arity": -2,
    "flags": [
      "pubsub",
      "noscript",
      "loading",
      "stale"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@pubsub",
      "@slow"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "pubsub",
    "complexity": "",
    "arguments": [
      {
        "name": "pattern",
        "type": "block",
        "flags": [
          "multiple"
        ],
        "arguments": [
          {
            "name": "pattern",
            "type": "pattern"
          }
        ]
      }
    ]
  },
  {
    "name": "publish",
    "arity": 3,
    "flags": [
      "pubsub",
      "loading",
      "stale",
      "fast"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@pubsub",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "pubsub",
    "complexity": "",
    "arguments": [
      {
        "name": "channel",
        "type": "string"
      },
      {
        "name": "message",
        "type": "string"
      }
    ]
  },
  {
    "name": "pubsub",
    "arity": -2,
    "flags": [],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@slow"
    ],
    "summary": "",
    "since": "2.8.0",
    "group": "pubsub",
    "complexity": "",
    "subcommands": [
      {
        "name": "pubsub|channels",
        "arity": -2,
        "flags": [
          "pubsub",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@pubsub",
          "@slow"
        ],
        "summary": "",
        "since": "2.8.0",
        "group": "pubsub",
        "complexity": "",
        "arguments": [
          {
            "name": "pattern",
            "type": "pattern",
            "flags": [
              "optional"
            ]
          }
        ]
      },
      {
        "name": "pubsub|help",
        "arity": 2,
        "flags": [
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow"
        ],
        "summary": "",
        "since": "6.2.0",
        "group": "pubsub",
        "complexity": ""
      },
      {
        "name": "pubsub|numpat",
        "arity": 2,
        "flags": [
          "pubsub",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@pubsub",
          "@slow"
        ],
        "summary": "",
        "since": "2.8.0",
        "group": "pubsub",
        "complexity": ""
      },
      {
        "name": "pubsub|numsub",
        "arity": -2,
        "flags": [
          "pubsub",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@pubsub",
          "@slow"
        ],
        "summary": "",
        "since": "2.8.0",
        "group": "pubsub",
        "complexity": "",
        "arguments": [
          {
            "name": "channel",
            "type": "string",
            "flags": [
              "optional",
              "multiple"
            ]
          }
        ]
      },
      {
        "name": "pubsub|shardchannels",
        "arity": -2,
        "flags": [
          "pubsub",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@pubsub",
          "@slow"
        ],
        "summary": "",
        "since": "7.0.0",
        "group": "pubsub",
        "complexity": "",
        "arguments": [
          {
            "name": "pattern",
            "type": "pattern",
            "flags": [
              "optional"
            ]
          }
        ]
      },
      {
        "name": "pubsub|shardnumsub",
        "arity": -2,
        "flags": [
          "pubsub",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@pubsub",
          "@slow"
        ],
        "summary": "",
        "since": "7.0.0",
        "group": "pubsub",
        "complexity": "",
        "arguments": [
          {
            "name": "shardchannel",
            "type": "string",
            "flags": [
              "optional",
              "multiple"
            ]
          }
        ]
      }
    ]
  },
  {
    "name": "punsubscribe",
    "arity": -1,
    "flags": [
      "pubsub",
      "noscript",
      "loading",
      "stale"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@pubsub",
      "@slow"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "pubsub",
    "complexity": "",
    "arguments": [
      {
        "name": "pattern",
        "type": "pattern",
        "flags": [
          "optional",
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "subscribe",
    "arity": -2,
    "flags": [
      "pubsub",
      "noscript",
      "loading",
      "stale"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@pubsub",
      "@slow"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "pubsub",
    "complexity": "",
    "arguments": [
      {
        "name": "channel",
        "type": "string",
        "flags": [
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "unsubscribe",
    "arity": -1,
    "flags": [
      "pubsub",
      "noscript",
      "loading",
      "stale"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@pubsub",
      "@slow"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "pubsub",
    "complexity": "",
    "arguments": [
      {
        "name": "channel",
        "type": "string",
        "flags": [
          "optional",
          "multiple"
        ]
      }
    ]
  }
];
