// Interface facts of the server commands, imported from redis-server 7.0 by scripts/import-command-specs.ts.
// Prose fields are empty here; faha's own wording is merged in by ./prose.ts.
import type { CommandSpec } from '../types.js';

export const SERVER_FACTS: CommandSpec[] = [
  {
    "name": "swapdb",
    "arity": 3,
    "flags": [
      "write",
      "fast"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@fast",
      "@dangerous"
    ],
    "summary": "",
    "since": "4.0.0",
    "group": "server",
    "complexity": "",
    "arguments": [
      {
        "name": "index1",
        "type": "integer"
      },
      {
        "name": "index2",
        "type": "integer"
      }
    ]
  },
  {
    "name": "info",
    "arity": -1,
    "flags": [
      "loading",
      "stale"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "server",
    "tips": [
      "nondeterministic_output",
      "request_policy:all_shards",
      "response_policy:special"
    ],
    "complexity": "",
    "history": [
      [
        "7.0.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "section",
        "type": "string",
        "flags": [
          "optional",
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "dbsize",
    "arity": 1,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@keyspace",
      "@read",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "server",
    "tips": [
      "request_policy:all_shards",
      "response_policy:agg_sum"
    ],
    "complexity": ""
  },
  {
    "name": "flushdb",
    "arity": -1,
    "flags": [
      "write"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "server",
    "tips": [
      "request_policy:all_shards",
      "response_policy:all_succeeded"
    ],
    "complexity": "",
    "history": [
      [
        "4.0.0",
        ""
      ],
      [
        "6.2.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "async",
        "type": "oneof",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "async",
            "type": "pure-token",
            "token": "ASYNC",
            "since": "4.0.0"
          },
          {
            "name": "sync",
            "type": "pure-token",
            "token": "SYNC",
            "since": "6.2.0"
          }
        ]
      }
    ]
  },
  {
    "name": "flushall",
    "arity": -1,
    "flags": [
      "write"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "server",
    "tips": [
      "request_policy:all_shards",
      "response_policy:all_succeeded"
    ],
    "complexity": "",
    "history": [
      [
        "4.0.0",
        ""
      ],
      [
        "6.2.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "async",
        "type": "oneof",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "async",
            "type": "pure-token",
            "token": "ASYNC",
            "since": "4.0.0"
          },
          {
            "name": "sync",
            "type": "pure-token",
            "token": "SYNC",
            "since": "6.2.0"
          }
        ]
      }
    ]
  },
  {
    "name": "config",
    "arity": -2,
    "flags": [],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@slow"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "server",
    "complexity": "",
    "subcommands": [
      {
        "name": "config|get",
        "arity": -3,
        "flags": [
          "admin",
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@admin",
          "@slow",
          "@dangerous"
        ],
        "summary": "",
        "since": "2.0.0",
        "group": "server",
        "complexity": "",
        "history": [
          [
            "7.0.0",
            ""
          ]
        ],
        "arguments": [
          {
            "name": "parameter",
            "type": "block",
            "flags": [
              "multiple"
            ],
            "arguments": [
              {
                "name": "parameter",
                "type": "string"
              }
            ]
          }
        ]
      },
      {
        "name": "config|help",
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
        "since": "5.0.0",
        "group": "server",
        "complexity": ""
      },
      {
        "name": "config|resetstat",
        "arity": 2,
        "flags": [
          "admin",
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@admin",
          "@slow",
          "@dangerous"
        ],
        "summary": "",
        "since": "2.0.0",
        "group": "server",
        "complexity": ""
      },
      {
        "name": "config|rewrite",
        "arity": 2,
        "flags": [
          "admin",
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@admin",
          "@slow",
          "@dangerous"
        ],
        "summary": "",
        "since": "2.8.0",
        "group": "server",
        "complexity": ""
      },
      {
        "name": "config|set",
        "arity": -4,
        "flags": [
          "admin",
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@admin",
          "@slow",
          "@dangerous"
        ],
        "summary": "",
        "since": "2.0.0",
        "group": "server",
        "tips": [
          "request_policy:all_nodes",
          "response_policy:all_succeeded"
        ],
        "complexity": "",
        "history": [
          [
            "7.0.0",
            ""
          ]
        ],
        "arguments": [
          {
            "name": "parameter_value",
            "type": "block",
            "flags": [
              "multiple"
            ],
            "arguments": [
              {
                "name": "parameter",
                "type": "string"
              },
              {
                "name": "value",
                "type": "string"
              }
            ]
          }
        ]
      }
    ]
  },
  {
    "name": "time",
    "arity": 1,
    "flags": [
      "loading",
      "stale",
      "fast"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@fast"
    ],
    "summary": "",
    "since": "2.6.0",
    "group": "server",
    "tips": [
      "nondeterministic_output"
    ],
    "complexity": ""
  },
  {
    "name": "lastsave",
    "arity": 1,
    "flags": [
      "loading",
      "stale",
      "fast"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@fast",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "server",
    "tips": [
      "nondeterministic_output"
    ],
    "complexity": ""
  },
  {
    "name": "save",
    "arity": 1,
    "flags": [
      "admin",
      "noscript",
      "no_async_loading",
      "no_multi"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "server",
    "complexity": ""
  },
  {
    "name": "bgsave",
    "arity": -1,
    "flags": [
      "admin",
      "noscript",
      "no_async_loading"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "server",
    "complexity": "",
    "history": [
      [
        "3.2.2",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "schedule",
        "type": "pure-token",
        "token": "SCHEDULE",
        "since": "3.2.2",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "bgrewriteaof",
    "arity": 1,
    "flags": [
      "admin",
      "noscript",
      "no_async_loading"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "server",
    "complexity": ""
  },
  {
    "name": "shutdown",
    "arity": -1,
    "flags": [
      "admin",
      "noscript",
      "loading",
      "stale",
      "no_multi",
      "allow_busy"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "server",
    "complexity": "",
    "history": [
      [
        "7.0.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "nosave_save",
        "type": "oneof",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "nosave",
            "type": "pure-token",
            "token": "NOSAVE"
          },
          {
            "name": "save",
            "type": "pure-token",
            "token": "SAVE"
          }
        ]
      },
      {
        "name": "now",
        "type": "pure-token",
        "token": "NOW",
        "since": "7.0.0",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "force",
        "type": "pure-token",
        "token": "FORCE",
        "since": "7.0.0",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "abort",
        "type": "pure-token",
        "token": "ABORT",
        "since": "7.0.0",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "debug",
    "arity": -2,
    "flags": [
      "admin",
      "noscript",
      "loading",
      "stale"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "server",
    "complexity": "",
    "docFlags": [
      "syscmd"
    ]
  },
  {
    "name": "monitor",
    "arity": 1,
    "flags": [
      "admin",
      "noscript",
      "loading",
      "stale"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "server"
  },
  {
    "name": "command",
    "arity": -1,
    "flags": [
      "loading",
      "stale"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@slow",
      "@connection"
    ],
    "summary": "",
    "since": "2.8.13",
    "group": "server",
    "tips": [
      "nondeterministic_output_order"
    ],
    "complexity": "",
    "subcommands": [
      {
        "name": "command|count",
        "arity": 2,
        "flags": [
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "2.8.13",
        "group": "server",
        "complexity": ""
      },
      {
        "name": "command|docs",
        "arity": -2,
        "flags": [
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "7.0.0",
        "group": "server",
        "tips": [
          "nondeterministic_output_order"
        ],
        "complexity": "",
        "arguments": [
          {
            "name": "command-name",
            "type": "string",
            "flags": [
              "optional",
              "multiple"
            ]
          }
        ]
      },
      {
        "name": "command|getkeys",
        "arity": -4,
        "flags": [
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "2.8.13",
        "group": "server",
        "complexity": ""
      },
      {
        "name": "command|getkeysandflags",
        "arity": -4,
        "flags": [
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "7.0.0",
        "group": "server",
        "complexity": ""
      },
      {
        "name": "command|help",
        "arity": 2,
        "flags": [
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "5.0.0",
        "group": "server",
        "complexity": ""
      },
      {
        "name": "command|info",
        "arity": -2,
        "flags": [
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "2.8.13",
        "group": "server",
        "tips": [
          "nondeterministic_output_order"
        ],
        "complexity": "",
        "history": [
          [
            "7.0.0",
            ""
          ]
        ],
        "arguments": [
          {
            "name": "command-name",
            "type": "string",
            "flags": [
              "optional",
              "multiple"
            ]
          }
        ]
      },
      {
        "name": "command|list",
        "arity": -2,
        "flags": [
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "7.0.0",
        "group": "server",
        "tips": [
          "nondeterministic_output_order"
        ],
        "complexity": "",
        "arguments": [
          {
            "name": "filterby",
            "type": "oneof",
            "token": "FILTERBY",
            "flags": [
              "optional"
            ],
            "arguments": [
              {
                "name": "module-name",
                "type": "string",
                "token": "MODULE"
              },
              {
                "name": "category",
                "type": "string",
                "token": "ACLCAT"
              },
              {
                "name": "pattern",
                "type": "pattern",
                "token": "PATTERN"
              }
            ]
          }
        ]
      }
    ]
  },
  {
    "name": "replicaof",
    "arity": 3,
    "flags": [
      "admin",
      "noscript",
      "stale",
      "no_async_loading"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "5.0.0",
    "group": "server",
    "complexity": "",
    "arguments": [
      {
        "name": "args",
        "type": "oneof",
        "arguments": [
          {
            "name": "host-port",
            "type": "block",
            "arguments": [
              {
                "name": "host",
                "type": "string"
              },
              {
                "name": "port",
                "type": "integer"
              }
            ]
          },
          {
            "name": "no-one",
            "type": "block",
            "arguments": [
              {
                "name": "no",
                "type": "pure-token",
                "token": "NO"
              },
              {
                "name": "one",
                "type": "pure-token",
                "token": "ONE"
              }
            ]
          }
        ]
      }
    ]
  },
  {
    "name": "slaveof",
    "arity": 3,
    "flags": [
      "admin",
      "noscript",
      "stale",
      "no_async_loading"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "server",
    "complexity": "",
    "docFlags": [
      "deprecated"
    ],
    "deprecatedSince": "5.0.0",
    "replacedBy": "`REPLICAOF`",
    "arguments": [
      {
        "name": "args",
        "type": "oneof",
        "arguments": [
          {
            "name": "host-port",
            "type": "block",
            "arguments": [
              {
                "name": "host",
                "type": "string"
              },
              {
                "name": "port",
                "type": "integer"
              }
            ]
          },
          {
            "name": "no-one",
            "type": "block",
            "arguments": [
              {
                "name": "no",
                "type": "pure-token",
                "token": "NO"
              },
              {
                "name": "one",
                "type": "pure-token",
                "token": "ONE"
              }
            ]
          }
        ]
      }
    ]
  },
  {
    "name": "role",
    "arity": 1,
    "flags": [
      "noscript",
      "loading",
      "stale",
      "fast"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@fast",
      "@dangerous"
    ],
    "summary": "",
    "since": "2.8.12",
    "group": "server",
    "complexity": ""
  },
  {
    "name": "failover",
    "arity": -1,
    "flags": [
      "admin",
      "noscript",
      "stale"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "server",
    "complexity": "",
    "arguments": [
      {
        "name": "target",
        "type": "block",
        "token": "TO",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "host",
            "type": "string"
          },
          {
            "name": "port",
            "type": "integer"
          },
          {
            "name": "force",
            "type": "pure-token",
            "token": "FORCE",
            "flags": [
              "optional"
            ]
          }
        ]
      },
      {
        "name": "abort",
        "type": "pure-token",
        "token": "ABORT",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "milliseconds",
        "type": "integer",
        "token": "TIMEOUT",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "psync",
    "arity": -3,
    "flags": [
      "admin",
      "noscript",
      "no_async_loading",
      "no_multi"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "2.8.0",
    "group": "server",
    "arguments": [
      {
        "name": "replicationid",
        "type": "string"
      },
      {
        "name": "offset",
        "type": "integer"
      }
    ]
  },
  {
    "name": "replconf",
    "arity": -1,
    "flags": [
      "admin",
      "noscript",
      "loading",
      "stale",
      "allow_busy"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "3.0.0",
    "group": "server",
    "complexity": "",
    "docFlags": [
      "syscmd"
    ]
  },
  {
    "name": "sync",
    "arity": 1,
    "flags": [
      "admin",
      "noscript",
      "no_async_loading",
      "no_multi"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@admin",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "server"
  }
];
