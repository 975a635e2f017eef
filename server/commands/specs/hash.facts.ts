// Interface facts of the hash commands, imported from redis-server 7.0 by scripts/import-command-specs.ts.
// Prose fields are empty here; faha's own wording is merged in by ./prose.ts.
import type { CommandSpec } from '../types.js';

export const HASH_FACTS: CommandSpec[] = [
  {
    "name": "hdel",
    "arity": -3,
    "flags": [
      "write",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@hash",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "hash",
    "keySpecs": [
      {
        "flags": [
          "RW",
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
      }
    ],
    "complexity": "",
    "history": [
      [
        "2.4.0",
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
        "name": "field",
        "type": "string",
        "flags": [
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "hexists",
    "arity": 3,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@hash",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "hash",
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
      },
      {
        "name": "field",
        "type": "string"
      }
    ]
  },
  {
    "name": "hget",
    "arity": 3,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@hash",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "hash",
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
      },
      {
        "name": "field",
        "type": "string"
      }
    ]
  },
  {
    "name": "hgetall",
    "arity": 2,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@hash",
      "@slow"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "hash",
    "tips": [
      "nondeterministic_output_order"
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
    "name": "hincrby",
    "arity": 4,
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
      "@hash",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "hash",
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
        "name": "field",
        "type": "string"
      },
      {
        "name": "increment",
        "type": "integer"
      }
    ]
  },
  {
    "name": "hincrbyfloat",
    "arity": 4,
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
      "@hash",
      "@fast"
    ],
    "summary": "",
    "since": "2.6.0",
    "group": "hash",
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
        "name": "field",
        "type": "string"
      },
      {
        "name": "increment",
        "type": "double"
      }
    ]
  },
  {
    "name": "hkeys",
    "arity": 2,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@hash",
      "@slow"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "hash",
    "tips": [
      "nondeterministic_output_order"
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
    "name": "hlen",
    "arity": 2,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@hash",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "hash",
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
    "name": "hmget",
    "arity": -3,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@hash",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "hash",
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
      },
      {
        "name": "field",
        "type": "string",
        "flags": [
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "hmset",
    "arity": -4,
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
      "@hash",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "hash",
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
    "docFlags": [
      "deprecated"
    ],
    "deprecatedSince": "4.0.0",
    "replacedBy": "`HSET` with multiple field-value pairs",
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "field_value",
        "type": "block",
        "flags": [
          "multiple"
        ],
        "arguments": [
          {
            "name": "field",
            "type": "string"
          },
          {
            "name": "value",
            "type": "string"
          }
        ]
      }
    ]
  },
  {
    "name": "hrandfield",
    "arity": -2,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@hash",
      "@slow"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "hash",
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
      },
      {
        "name": "options",
        "type": "block",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "count",
            "type": "integer"
          },
          {
            "name": "withvalues",
            "type": "pure-token",
            "token": "WITHVALUES",
            "flags": [
              "optional"
            ]
          }
        ]
      }
    ]
  },
  {
    "name": "hscan",
    "arity": -3,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@hash",
      "@slow"
    ],
    "summary": "",
    "since": "2.8.0",
    "group": "hash",
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
      },
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
      }
    ]
  },
  {
    "name": "hset",
    "arity": -4,
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
      "@hash",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "hash",
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
        "4.0.0",
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
        "name": "field_value",
        "type": "block",
        "flags": [
          "multiple"
        ],
        "arguments": [
          {
            "name": "field",
            "type": "string"
          },
          {
            "name": "value",
            "type": "string"
          }
        ]
      }
    ]
  },
  {
    "name": "hsetnx",
    "arity": 4,
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
      "@hash",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "hash",
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
        "name": "field",
        "type": "string"
      },
      {
        "name": "value",
        "type": "string"
      }
    ]
  },
  {
    "name": "hstrlen",
    "arity": 3,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@hash",
      "@fast"
    ],
    "summary": "",
    "since": "3.2.0",
    "group": "hash",
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
      },
      {
        "name": "field",
        "type": "string"
      }
    ]
  },
  {
    "name": "hvals",
    "arity": 2,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@hash",
      "@slow"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "hash",
    "tips": [
      "nondeterministic_output_order"
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
  }
];
