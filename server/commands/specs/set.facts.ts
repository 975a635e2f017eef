// Interface facts of the set commands, imported from redis-server 7.0 by scripts/import-command-specs.ts.
// Prose fields are empty here; faha's own wording is merged in by ./prose.ts.
import type { CommandSpec } from '../types.js';

export const SET_FACTS: CommandSpec[] = [
  {
    "name": "sadd",
    "arity": -3,
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
      "@set",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
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
        "name": "member",
        "type": "string",
        "flags": [
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "scard",
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
      "@set",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
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
    "name": "sdiff",
    "arity": -2,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@set",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
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
    "name": "sdiffstore",
    "arity": -3,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@set",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
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
        "name": "destination",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 1,
        "flags": [
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "sinter",
    "arity": -2,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@set",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
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
    "name": "sintercard",
    "arity": -3,
    "flags": [
      "readonly",
      "movablekeys"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@read",
      "@set",
      "@slow"
    ],
    "summary": "",
    "since": "7.0.0",
    "group": "set",
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
          "type": "keynum",
          "keyNumIdx": 0,
          "firstKey": 1,
          "keyStep": 1
        }
      }
    ],
    "complexity": "",
    "arguments": [
      {
        "name": "numkeys",
        "type": "integer"
      },
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0,
        "flags": [
          "multiple"
        ]
      },
      {
        "name": "limit",
        "type": "integer",
        "token": "LIMIT",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "sinterstore",
    "arity": -3,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@set",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
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
        "name": "destination",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 1,
        "flags": [
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "sismember",
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
      "@set",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
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
        "name": "member",
        "type": "string"
      }
    ]
  },
  {
    "name": "smembers",
    "arity": 2,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@set",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
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
    "name": "smismember",
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
      "@set",
      "@fast"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "set",
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
        "name": "member",
        "type": "string",
        "flags": [
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "smove",
    "arity": 4,
    "flags": [
      "write",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 2,
    "step": 1,
    "aclCategories": [
      "@write",
      "@set",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
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
          "RW",
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
        "name": "member",
        "type": "string"
      }
    ]
  },
  {
    "name": "spop",
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
      "@set",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
    "tips": [
      "nondeterministic_output"
    ],
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
        "name": "count",
        "type": "integer",
        "since": "3.2.0",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "srandmember",
    "arity": -2,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@set",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
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
        "2.6.0",
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
        "name": "count",
        "type": "integer",
        "since": "2.6.0",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "srem",
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
      "@set",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
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
        "name": "member",
        "type": "string",
        "flags": [
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "sscan",
    "arity": -3,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@set",
      "@slow"
    ],
    "summary": "",
    "since": "2.8.0",
    "group": "set",
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
    "name": "sunion",
    "arity": -2,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@set",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
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
    "name": "sunionstore",
    "arity": -3,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@set",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "set",
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
        "name": "destination",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 1,
        "flags": [
          "multiple"
        ]
      }
    ]
  }
];
