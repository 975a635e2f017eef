// Interface facts of the generic commands, imported from redis-server 7.0 by scripts/import-command-specs.ts.
// Prose fields are empty here; faha's own wording is merged in by ./prose.ts.
import type { CommandSpec } from '../types.js';

export const GENERIC_FACTS: CommandSpec[] = [
  {
    "name": "del",
    "arity": -2,
    "flags": [
      "write"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "generic",
    "tips": [
      "request_policy:multi_shard",
      "response_policy:agg_sum"
    ],
    "keySpecs": [
      {
        "flags": [
          "RM",
          "delete"
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
  },
  {
    "name": "unlink",
    "arity": -2,
    "flags": [
      "write",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@fast"
    ],
    "summary": "",
    "since": "4.0.0",
    "group": "generic",
    "tips": [
      "request_policy:multi_shard",
      "response_policy:agg_sum"
    ],
    "keySpecs": [
      {
        "flags": [
          "RM",
          "delete"
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
  },
  {
    "name": "exists",
    "arity": -2,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@read",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "generic",
    "tips": [
      "request_policy:multi_shard",
      "response_policy:agg_sum"
    ],
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
    "history": [
      [
        "3.0.3",
        ""
      ]
    ],
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
    "name": "type",
    "arity": 2,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@read",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "generic",
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
      }
    ]
  },
  {
    "name": "expire",
    "arity": -3,
    "flags": [
      "write",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "RW",
          "update"
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
    "history": [
      [
        "7.0.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "seconds",
        "type": "integer"
      },
      {
        "name": "condition",
        "type": "oneof",
        "since": "7.0.0",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "nx",
            "type": "pure-token",
            "token": "NX"
          },
          {
            "name": "xx",
            "type": "pure-token",
            "token": "XX"
          },
          {
            "name": "gt",
            "type": "pure-token",
            "token": "GT"
          },
          {
            "name": "lt",
            "type": "pure-token",
            "token": "LT"
          }
        ]
      }
    ]
  },
  {
    "name": "pexpire",
    "arity": -3,
    "flags": [
      "write",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@fast"
    ],
    "summary": "",
    "since": "2.6.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "RW",
          "update"
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
    "history": [
      [
        "7.0.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "milliseconds",
        "type": "integer"
      },
      {
        "name": "condition",
        "type": "oneof",
        "since": "7.0.0",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "nx",
            "type": "pure-token",
            "token": "NX"
          },
          {
            "name": "xx",
            "type": "pure-token",
            "token": "XX"
          },
          {
            "name": "gt",
            "type": "pure-token",
            "token": "GT"
          },
          {
            "name": "lt",
            "type": "pure-token",
            "token": "LT"
          }
        ]
      }
    ]
  },
  {
    "name": "expireat",
    "arity": -3,
    "flags": [
      "write",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@fast"
    ],
    "summary": "",
    "since": "1.2.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "RW",
          "update"
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
    "history": [
      [
        "7.0.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "unix-time-seconds",
        "type": "unix-time"
      },
      {
        "name": "condition",
        "type": "oneof",
        "since": "7.0.0",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "nx",
            "type": "pure-token",
            "token": "NX"
          },
          {
            "name": "xx",
            "type": "pure-token",
            "token": "XX"
          },
          {
            "name": "gt",
            "type": "pure-token",
            "token": "GT"
          },
          {
            "name": "lt",
            "type": "pure-token",
            "token": "LT"
          }
        ]
      }
    ]
  },
  {
    "name": "pexpireat",
    "arity": -3,
    "flags": [
      "write",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@fast"
    ],
    "summary": "",
    "since": "2.6.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "RW",
          "update"
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
    "history": [
      [
        "7.0.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "unix-time-milliseconds",
        "type": "unix-time"
      },
      {
        "name": "condition",
        "type": "oneof",
        "since": "7.0.0",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "nx",
            "type": "pure-token",
            "token": "NX"
          },
          {
            "name": "xx",
            "type": "pure-token",
            "token": "XX"
          },
          {
            "name": "gt",
            "type": "pure-token",
            "token": "GT"
          },
          {
            "name": "lt",
            "type": "pure-token",
            "token": "LT"
          }
        ]
      }
    ]
  },
  {
    "name": "expiretime",
    "arity": 2,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@read",
      "@fast"
    ],
    "summary": "",
    "since": "7.0.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "RO",
          "access"
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
      }
    ]
  },
  {
    "name": "pexpiretime",
    "arity": 2,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@read",
      "@fast"
    ],
    "summary": "",
    "since": "7.0.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "RO",
          "access"
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
      }
    ]
  },
  {
    "name": "ttl",
    "arity": 2,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@read",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "generic",
    "tips": [
      "nondeterministic_output"
    ],
    "keySpecs": [
      {
        "flags": [
          "RO",
          "access"
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
    "history": [
      [
        "2.8.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      }
    ]
  },
  {
    "name": "pttl",
    "arity": 2,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@read",
      "@fast"
    ],
    "summary": "",
    "since": "2.6.0",
    "group": "generic",
    "tips": [
      "nondeterministic_output"
    ],
    "keySpecs": [
      {
        "flags": [
          "RO",
          "access"
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
    "history": [
      [
        "2.8.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      }
    ]
  },
  {
    "name": "persist",
    "arity": 2,
    "flags": [
      "write",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@fast"
    ],
    "summary": "",
    "since": "2.2.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "RW",
          "update"
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
      }
    ]
  },
  {
    "name": "keys",
    "arity": 2,
    "flags": [
      "readonly"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@keyspace",
      "@read",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "generic",
    "tips": [
      "request_policy:all_shards",
      "nondeterministic_output_order"
    ],
    "complexity": "",
    "arguments": [
      {
        "name": "pattern",
        "type": "pattern"
      }
    ]
  },
  {
    "name": "scan",
    "arity": -2,
    "flags": [
      "readonly"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@keyspace",
      "@read",
      "@slow"
    ],
    "summary": "",
    "since": "2.8.0",
    "group": "generic",
    "tips": [
      "nondeterministic_output",
      "request_policy:special"
    ],
    "complexity": "",
    "history": [
      [
        "6.0.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "cursor",
        "type": "integer"
      },
      {
        "name": "pattern",
        "type": "pattern",
        "token": "MATCH",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "count",
        "type": "integer",
        "token": "COUNT",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "type",
        "type": "string",
        "token": "TYPE",
        "since": "6.0.0",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "randomkey",
    "arity": 1,
    "flags": [
      "readonly"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@keyspace",
      "@read",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "generic",
    "tips": [
      "request_policy:all_shards",
      "nondeterministic_output"
    ],
    "complexity": ""
  },
  {
    "name": "rename",
    "arity": 3,
    "flags": [
      "write"
    ],
    "firstKey": 1,
    "lastKey": 2,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "RW",
          "access",
          "delete"
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
          "OW",
          "update"
        ],
        "beginSearch": {
          "type": "index",
          "index": 2
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
        "name": "newkey",
        "type": "key",
        "keySpecIndex": 1
      }
    ]
  },
  {
    "name": "renamenx",
    "arity": 3,
    "flags": [
      "write",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 2,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "RW",
          "access",
          "delete"
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
          "OW",
          "insert"
        ],
        "beginSearch": {
          "type": "index",
          "index": 2
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
    "history": [
      [
        "3.2.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "newkey",
        "type": "key",
        "keySpecIndex": 1
      }
    ]
  },
  {
    "name": "copy",
    "arity": -3,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": 2,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@slow"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "RO",
          "access"
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
          "OW",
          "update"
        ],
        "beginSearch": {
          "type": "index",
          "index": 2
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
        "name": "source",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "destination",
        "type": "key",
        "keySpecIndex": 1
      },
      {
        "name": "destination-db",
        "type": "integer",
        "token": "DB",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "replace",
        "type": "pure-token",
        "token": "REPLACE",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "move",
    "arity": 3,
    "flags": [
      "write",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "RW",
          "access",
          "update"
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
        "name": "db",
        "type": "integer"
      }
    ]
  },
  {
    "name": "touch",
    "arity": -2,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@read",
      "@fast"
    ],
    "summary": "",
    "since": "3.2.1",
    "group": "generic",
    "tips": [
      "request_policy:multi_shard",
      "response_policy:agg_sum"
    ],
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
  },
  {
    "name": "object",
    "arity": -2,
    "flags": [],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@slow"
    ],
    "summary": "",
    "since": "2.2.3",
    "group": "generic",
    "complexity": "",
    "subcommands": [
      {
        "name": "object|encoding",
        "arity": 3,
        "flags": [
          "readonly"
        ],
        "firstKey": 2,
        "lastKey": 2,
        "step": 1,
        "aclCategories": [
          "@keyspace",
          "@read",
          "@slow"
        ],
        "summary": "",
        "since": "2.2.3",
        "group": "generic",
        "tips": [
          "nondeterministic_output"
        ],
        "keySpecs": [
          {
            "flags": [
              "RO"
            ],
            "beginSearch": {
              "type": "index",
              "index": 2
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
          }
        ]
      },
      {
        "name": "object|freq",
        "arity": 3,
        "flags": [
          "readonly"
        ],
        "firstKey": 2,
        "lastKey": 2,
        "step": 1,
        "aclCategories": [
          "@keyspace",
          "@read",
          "@slow"
        ],
        "summary": "",
        "since": "4.0.0",
        "group": "generic",
        "tips": [
          "nondeterministic_output"
        ],
        "keySpecs": [
          {
            "flags": [
              "RO"
            ],
            "beginSearch": {
              "type": "index",
              "index": 2
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
          }
        ]
      },
      {
        "name": "object|help",
        "arity": 2,
        "flags": [
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@keyspace",
          "@slow"
        ],
        "summary": "",
        "since": "6.2.0",
        "group": "generic",
        "complexity": ""
      },
      {
        "name": "object|idletime",
        "arity": 3,
        "flags": [
          "readonly"
        ],
        "firstKey": 2,
        "lastKey": 2,
        "step": 1,
        "aclCategories": [
          "@keyspace",
          "@read",
          "@slow"
        ],
        "summary": "",
        "since": "2.2.3",
        "group": "generic",
        "tips": [
          "nondeterministic_output"
        ],
        "keySpecs": [
          {
            "flags": [
              "RO"
            ],
            "beginSearch": {
              "type": "index",
              "index": 2
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
          }
        ]
      },
      {
        "name": "object|refcount",
        "arity": 3,
        "flags": [
          "readonly"
        ],
        "firstKey": 2,
        "lastKey": 2,
        "step": 1,
        "aclCategories": [
          "@keyspace",
          "@read",
          "@slow"
        ],
        "summary": "",
        "since": "2.2.3",
        "group": "generic",
        "tips": [
          "nondeterministic_output"
        ],
        "keySpecs": [
          {
            "flags": [
              "RO"
            ],
            "beginSearch": {
              "type": "index",
              "index": 2
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
          }
        ]
      }
    ]
  },
  {
    "name": "sort",
    "arity": -2,
    "flags": [
      "write",
      "denyoom",
      "movablekeys"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@set",
      "@sortedset",
      "@list",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "RO",
          "access"
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
          "type": "unknown"
        },
        "findKeys": {
          "type": "unknown"
        },
        "notes": ""
      },
      {
        "flags": [
          "OW",
          "update"
        ],
        "beginSearch": {
          "type": "unknown"
        },
        "findKeys": {
          "type": "unknown"
        },
        "notes": ""
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
        "name": "pattern",
        "type": "pattern",
        "keySpecIndex": 1,
        "token": "BY",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "offset_count",
        "type": "block",
        "token": "LIMIT",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "offset",
            "type": "integer"
          },
          {
            "name": "count",
            "type": "integer"
          }
        ]
      },
      {
        "name": "pattern",
        "type": "pattern",
        "keySpecIndex": 1,
        "token": "GET",
        "flags": [
          "optional",
          "multiple",
          "multiple_token"
        ]
      },
      {
        "name": "order",
        "type": "oneof",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "asc",
            "type": "pure-token",
            "token": "ASC"
          },
          {
            "name": "desc",
            "type": "pure-token",
            "token": "DESC"
          }
        ]
      },
      {
        "name": "sorting",
        "type": "pure-token",
        "token": "ALPHA",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "destination",
        "type": "key",
        "keySpecIndex": 2,
        "token": "STORE",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "sort_ro",
    "arity": -2,
    "flags": [
      "readonly",
      "movablekeys"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@set",
      "@sortedset",
      "@list",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "7.0.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "RO",
          "access"
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
          "type": "unknown"
        },
        "findKeys": {
          "type": "unknown"
        },
        "notes": ""
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
        "name": "pattern",
        "type": "pattern",
        "keySpecIndex": 1,
        "token": "BY",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "offset_count",
        "type": "block",
        "token": "LIMIT",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "offset",
            "type": "integer"
          },
          {
            "name": "count",
            "type": "integer"
          }
        ]
      },
      {
        "name": "pattern",
        "type": "pattern",
        "keySpecIndex": 1,
        "token": "GET",
        "flags": [
          "optional",
          "multiple",
          "multiple_token"
        ]
      },
      {
        "name": "order",
        "type": "oneof",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "asc",
            "type": "pure-token",
            "token": "ASC"
          },
          {
            "name": "desc",
            "type": "pure-token",
            "token": "DESC"
          }
        ]
      },
      {
        "name": "sorting",
        "type": "pure-token",
        "token": "ALPHA",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "dump",
    "arity": 2,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@read",
      "@slow"
    ],
    "summary": "",
    "since": "2.6.0",
    "group": "generic",
    "tips": [
      "nondeterministic_output"
    ],
    "keySpecs": [
      {
        "flags": [
          "RO",
          "access"
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
      }
    ]
  },
  {
    "name": "restore",
    "arity": -4,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@keyspace",
      "@write",
      "@slow",
      "@dangerous"
    ],
    "summary": "",
    "since": "2.6.0",
    "group": "generic",
    "keySpecs": [
      {
        "flags": [
          "OW",
          "update"
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
    "history": [
      [
        "3.0.0",
        ""
      ],
      [
        "5.0.0",
        ""
      ],
      [
        "5.0.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "ttl",
        "type": "integer"
      },
      {
        "name": "serialized-value",
        "type": "string"
      },
      {
        "name": "replace",
        "type": "pure-token",
        "token": "REPLACE",
        "since": "3.0.0",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "absttl",
        "type": "pure-token",
        "token": "ABSTTL",
        "since": "5.0.0",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "seconds",
        "type": "integer",
        "token": "IDLETIME",
        "since": "5.0.0",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "frequency",
        "type": "integer",
        "token": "FREQ",
        "since": "5.0.0",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "wait",
    "arity": 3,
    "flags": [
      "noscript"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@slow",
      "@connection"
    ],
    "summary": "",
    "since": "3.0.0",
    "group": "generic",
    "tips": [
      "request_policy:all_shards",
      "response_policy:agg_min"
    ],
    "complexity": "",
    "arguments": [
      {
        "name": "numreplicas",
        "type": "integer"
      },
      {
        "name": "timeout",
        "type": "integer"
      }
    ]
  }
];
