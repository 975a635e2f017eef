// Interface facts of the string commands, imported from redis-server 7.0 by scripts/import-command-specs.ts.
// Prose fields are empty here; faha's own wording is merged in by ./prose.ts.
import type { CommandSpec } from '../types.js';

export const STRING_FACTS: CommandSpec[] = [
  {
    "name": "get",
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
      "@string",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "string",
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
    "name": "set",
    "arity": -3,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@string",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "string",
    "keySpecs": [
      {
        "flags": [
          "RW",
          "access",
          "update",
          "variable_flags"
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
        },
        "notes": ""
      }
    ],
    "complexity": "",
    "history": [
      [
        "2.6.12",
        ""
      ],
      [
        "6.0.0",
        ""
      ],
      [
        "6.2.0",
        ""
      ],
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
        "name": "value",
        "type": "string"
      },
      {
        "name": "condition",
        "type": "oneof",
        "since": "2.6.12",
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
          }
        ]
      },
      {
        "name": "get",
        "type": "pure-token",
        "token": "GET",
        "since": "6.2.0",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "expiration",
        "type": "oneof",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "seconds",
            "type": "integer",
            "token": "EX",
            "since": "2.6.12"
          },
          {
            "name": "milliseconds",
            "type": "integer",
            "token": "PX",
            "since": "2.6.12"
          },
          {
            "name": "unix-time-seconds",
            "type": "unix-time",
            "token": "EXAT",
            "since": "6.2.0"
          },
          {
            "name": "unix-time-milliseconds",
            "type": "unix-time",
            "token": "PXAT",
            "since": "6.2.0"
          },
          {
            "name": "keepttl",
            "type": "pure-token",
            "token": "KEEPTTL",
            "since": "6.0.0"
          }
        ]
      }
    ]
  },
  {
    "name": "setnx",
    "arity": 3,
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
      "@string",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "string",
    "keySpecs": [
      {
        "flags": [
          "OW",
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
        "name": "value",
        "type": "string"
      }
    ]
  },
  {
    "name": "setex",
    "arity": 4,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@string",
      "@slow"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "string",
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
        "name": "value",
        "type": "string"
      }
    ]
  },
  {
    "name": "psetex",
    "arity": 4,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@string",
      "@slow"
    ],
    "summary": "",
    "since": "2.6.0",
    "group": "string",
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
        "name": "value",
        "type": "string"
      }
    ]
  },
  {
    "name": "getset",
    "arity": 3,
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
      "@string",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "string",
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
    "docFlags": [
      "deprecated"
    ],
    "deprecatedSince": "6.2.0",
    "replacedBy": "`SET` with the `!GET` argument",
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "value",
        "type": "string"
      }
    ]
  },
  {
    "name": "getex",
    "arity": -2,
    "flags": [
      "write",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@string",
      "@fast"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "string",
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
        "name": "expiration",
        "type": "oneof",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "seconds",
            "type": "integer",
            "token": "EX"
          },
          {
            "name": "milliseconds",
            "type": "integer",
            "token": "PX"
          },
          {
            "name": "unix-time-seconds",
            "type": "unix-time",
            "token": "EXAT"
          },
          {
            "name": "unix-time-milliseconds",
            "type": "unix-time",
            "token": "PXAT"
          },
          {
            "name": "persist",
            "type": "pure-token",
            "token": "PERSIST"
          }
        ]
      }
    ]
  },
  {
    "name": "getdel",
    "arity": 2,
    "flags": [
      "write",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@string",
      "@fast"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "string",
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
    "name": "mget",
    "arity": -2,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@string",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "string",
    "tips": [
      "request_policy:multi_shard"
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
    "name": "mset",
    "arity": -3,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 2,
    "aclCategories": [
      "@write",
      "@string",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.1",
    "group": "string",
    "tips": [
      "request_policy:multi_shard",
      "response_policy:all_succeeded"
    ],
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
          "lastKey": -1,
          "keyStep": 2,
          "limit": 0
        }
      }
    ],
    "complexity": "",
    "arguments": [
      {
        "name": "key_value",
        "type": "block",
        "flags": [
          "multiple"
        ],
        "arguments": [
          {
            "name": "key",
            "type": "key",
            "keySpecIndex": 0
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
    "name": "msetnx",
    "arity": -3,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 2,
    "aclCategories": [
      "@write",
      "@string",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.1",
    "group": "string",
    "tips": [
      "request_policy:multi_shard",
      "response_policy:agg_min"
    ],
    "keySpecs": [
      {
        "flags": [
          "OW",
          "insert"
        ],
        "beginSearch": {
          "type": "index",
          "index": 1
        },
        "findKeys": {
          "type": "range",
          "lastKey": -1,
          "keyStep": 2,
          "limit": 0
        }
      }
    ],
    "complexity": "",
    "arguments": [
      {
        "name": "key_value",
        "type": "block",
        "flags": [
          "multiple"
        ],
        "arguments": [
          {
            "name": "key",
            "type": "key",
            "keySpecIndex": 0
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
    "name": "append",
    "arity": 3,
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
      "@string",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "string",
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
        "name": "value",
        "type": "string"
      }
    ]
  },
  {
    "name": "strlen",
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
      "@string",
      "@fast"
    ],
    "summary": "",
    "since": "2.2.0",
    "group": "string",
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
    "name": "incr",
    "arity": 2,
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
      "@string",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "string",
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
      }
    ]
  },
  {
    "name": "decr",
    "arity": 2,
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
      "@string",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "string",
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
      }
    ]
  },
  {
    "name": "incrby",
    "arity": 3,
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
      "@string",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "string",
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
        "name": "increment",
        "type": "integer"
      }
    ]
  },
  {
    "name": "decrby",
    "arity": 3,
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
      "@string",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "string",
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
        "name": "decrement",
        "type": "integer"
      }
    ]
  },
  {
    "name": "incrbyfloat",
    "arity": 3,
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
      "@string",
      "@fast"
    ],
    "summary": "",
    "since": "2.6.0",
    "group": "string",
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
        "name": "increment",
        "type": "double"
      }
    ]
  },
  {
    "name": "getrange",
    "arity": 4,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@string",
      "@slow"
    ],
    "summary": "",
    "since": "2.4.0",
    "group": "string",
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
        "name": "start",
        "type": "integer"
      },
      {
        "name": "end",
        "type": "integer"
      }
    ]
  },
  {
    "name": "setrange",
    "arity": 4,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@string",
      "@slow"
    ],
    "summary": "",
    "since": "2.2.0",
    "group": "string",
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
      },
      {
        "name": "offset",
        "type": "integer"
      },
      {
        "name": "value",
        "type": "string"
      }
    ]
  },
  {
    "name": "substr",
    "arity": 4,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@string",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "string",
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
    "docFlags": [
      "deprecated"
    ],
    "deprecatedSince": "2.0.0",
    "replacedBy": "`GETRANGE`",
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "start",
        "type": "integer"
      },
      {
        "name": "end",
        "type": "integer"
      }
    ]
  },
  {
    "name": "lcs",
    "arity": -3,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 2,
    "step": 1,
    "aclCategories": [
      "@read",
      "@string",
      "@slow"
    ],
    "summary": "",
    "since": "7.0.0",
    "group": "string",
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
          "lastKey": 1,
          "keyStep": 1,
          "limit": 0
        }
      }
    ],
    "complexity": "",
    "arguments": [
      {
        "name": "key1",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "key2",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "len",
        "type": "pure-token",
        "token": "LEN",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "idx",
        "type": "pure-token",
        "token": "IDX",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "len",
        "type": "integer",
        "token": "MINMATCHLEN",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "withmatchlen",
        "type": "pure-token",
        "token": "WITHMATCHLEN",
        "flags": [
          "optional"
        ]
      }
    ]
  }
];
