// Interface facts of the list commands, imported from redis-server 7.0 by scripts/import-command-specs.ts.
// Prose fields are empty here; faha's own wording is merged in by ./prose.ts.
import type { CommandSpec } from '../types.js';

export const LIST_FACTS: CommandSpec[] = [
  {
    "name": "blmove",
    "arity": 6,
    "flags": [
      "write",
      "denyoom",
      "noscript",
      "blocking"
    ],
    "firstKey": 1,
    "lastKey": 2,
    "step": 1,
    "aclCategories": [
      "@write",
      "@list",
      "@slow",
      "@blocking"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "list",
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
        "name": "wherefrom",
        "type": "oneof",
        "arguments": [
          {
            "name": "left",
            "type": "pure-token",
            "token": "LEFT"
          },
          {
            "name": "right",
            "type": "pure-token",
            "token": "RIGHT"
          }
        ]
      },
      {
        "name": "whereto",
        "type": "oneof",
        "arguments": [
          {
            "name": "left",
            "type": "pure-token",
            "token": "LEFT"
          },
          {
            "name": "right",
            "type": "pure-token",
            "token": "RIGHT"
          }
        ]
      },
      {
        "name": "timeout",
        "type": "double"
      }
    ]
  },
  {
    "name": "blmpop",
    "arity": -5,
    "flags": [
      "write",
      "blocking",
      "movablekeys"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@write",
      "@list",
      "@slow",
      "@blocking"
    ],
    "summary": "",
    "since": "7.0.0",
    "group": "list",
    "keySpecs": [
      {
        "flags": [
          "RW",
          "access",
          "delete"
        ],
        "beginSearch": {
          "type": "index",
          "index": 2
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
        "name": "timeout",
        "type": "double"
      },
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
        "name": "where",
        "type": "oneof",
        "arguments": [
          {
            "name": "left",
            "type": "pure-token",
            "token": "LEFT"
          },
          {
            "name": "right",
            "type": "pure-token",
            "token": "RIGHT"
          }
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
    "name": "blpop",
    "arity": -3,
    "flags": [
      "write",
      "noscript",
      "blocking"
    ],
    "firstKey": 1,
    "lastKey": -2,
    "step": 1,
    "aclCategories": [
      "@write",
      "@list",
      "@slow",
      "@blocking"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "list",
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
          "lastKey": -2,
          "keyStep": 1,
          "limit": 0
        }
      }
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
        "name": "key",
        "type": "key",
        "keySpecIndex": 0,
        "flags": [
          "multiple"
        ]
      },
      {
        "name": "timeout",
        "type": "double"
      }
    ]
  },
  {
    "name": "brpop",
    "arity": -3,
    "flags": [
      "write",
      "noscript",
      "blocking"
    ],
    "firstKey": 1,
    "lastKey": -2,
    "step": 1,
    "aclCategories": [
      "@write",
      "@list",
      "@slow",
      "@blocking"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "list",
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
          "lastKey": -2,
          "keyStep": 1,
          "limit": 0
        }
      }
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
        "name": "key",
        "type": "key",
        "keySpecIndex": 0,
        "flags": [
          "multiple"
        ]
      },
      {
        "name": "timeout",
        "type": "double"
      }
    ]
  },
  {
    "name": "brpoplpush",
    "arity": 4,
    "flags": [
      "write",
      "denyoom",
      "noscript",
      "blocking"
    ],
    "firstKey": 1,
    "lastKey": 2,
    "step": 1,
    "aclCategories": [
      "@write",
      "@list",
      "@slow",
      "@blocking"
    ],
    "summary": "",
    "since": "2.2.0",
    "group": "list",
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
    "docFlags": [
      "deprecated"
    ],
    "deprecatedSince": "6.2.0",
    "replacedBy": "`BLMOVE` with the `RIGHT` and `LEFT` arguments",
    "history": [
      [
        "6.0.0",
        ""
      ]
    ],
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
        "name": "timeout",
        "type": "double"
      }
    ]
  },
  {
    "name": "lindex",
    "arity": 3,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@list",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "list",
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
        "name": "index",
        "type": "integer"
      }
    ]
  },
  {
    "name": "linsert",
    "arity": 5,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@list",
      "@slow"
    ],
    "summary": "",
    "since": "2.2.0",
    "group": "list",
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
        "name": "where",
        "type": "oneof",
        "arguments": [
          {
            "name": "before",
            "type": "pure-token",
            "token": "BEFORE"
          },
          {
            "name": "after",
            "type": "pure-token",
            "token": "AFTER"
          }
        ]
      },
      {
        "name": "pivot",
        "type": "string"
      },
      {
        "name": "element",
        "type": "string"
      }
    ]
  },
  {
    "name": "llen",
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
      "@list",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "list",
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
    "name": "lmove",
    "arity": 5,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": 2,
    "step": 1,
    "aclCategories": [
      "@write",
      "@list",
      "@slow"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "list",
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
        "name": "wherefrom",
        "type": "oneof",
        "arguments": [
          {
            "name": "left",
            "type": "pure-token",
            "token": "LEFT"
          },
          {
            "name": "right",
            "type": "pure-token",
            "token": "RIGHT"
          }
        ]
      },
      {
        "name": "whereto",
        "type": "oneof",
        "arguments": [
          {
            "name": "left",
            "type": "pure-token",
            "token": "LEFT"
          },
          {
            "name": "right",
            "type": "pure-token",
            "token": "RIGHT"
          }
        ]
      }
    ]
  },
  {
    "name": "lmpop",
    "arity": -4,
    "flags": [
      "write",
      "movablekeys"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@write",
      "@list",
      "@slow"
    ],
    "summary": "",
    "since": "7.0.0",
    "group": "list",
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
        "name": "where",
        "type": "oneof",
        "arguments": [
          {
            "name": "left",
            "type": "pure-token",
            "token": "LEFT"
          },
          {
            "name": "right",
            "type": "pure-token",
            "token": "RIGHT"
          }
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
    "name": "lpop",
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
      "@list",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "list",
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
        "6.2.0",
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
        "since": "6.2.0",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "lpos",
    "arity": -3,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@list",
      "@slow"
    ],
    "summary": "",
    "since": "6.0.6",
    "group": "list",
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
        "name": "element",
        "type": "string"
      },
      {
        "name": "rank",
        "type": "integer",
        "token": "RANK",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "num-matches",
        "type": "integer",
        "token": "COUNT",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "len",
        "type": "integer",
        "token": "MAXLEN",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "lpush",
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
      "@list",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "list",
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
        "name": "element",
        "type": "string",
        "flags": [
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "lpushx",
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
      "@list",
      "@fast"
    ],
    "summary": "",
    "since": "2.2.0",
    "group": "list",
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
        "name": "element",
        "type": "string",
        "flags": [
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "lrange",
    "arity": 4,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@list",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "list",
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
        "name": "stop",
        "type": "integer"
      }
    ]
  },
  {
    "name": "lrem",
    "arity": 4,
    "flags": [
      "write"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@list",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "list",
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
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "count",
        "type": "integer"
      },
      {
        "name": "element",
        "type": "string"
      }
    ]
  },
  {
    "name": "lset",
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
      "@list",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "list",
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
        "name": "index",
        "type": "integer"
      },
      {
        "name": "element",
        "type": "string"
      }
    ]
  },
  {
    "name": "ltrim",
    "arity": 4,
    "flags": [
      "write"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@list",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "list",
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
        "name": "stop",
        "type": "integer"
      }
    ]
  },
  {
    "name": "rpop",
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
      "@list",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "list",
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
        "6.2.0",
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
        "since": "6.2.0",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "rpoplpush",
    "arity": 3,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": 2,
    "step": 1,
    "aclCategories": [
      "@write",
      "@list",
      "@slow"
    ],
    "summary": "",
    "since": "1.2.0",
    "group": "list",
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
    "docFlags": [
      "deprecated"
    ],
    "deprecatedSince": "6.2.0",
    "replacedBy": "`LMOVE` with the `RIGHT` and `LEFT` arguments",
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
      }
    ]
  },
  {
    "name": "rpush",
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
      "@list",
      "@fast"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "list",
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
        "name": "element",
        "type": "string",
        "flags": [
          "multiple"
        ]
      }
    ]
  },
  {
    "name": "rpushx",
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
      "@list",
      "@fast"
    ],
    "summary": "",
    "since": "2.2.0",
    "group": "list",
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
        "name": "element",
        "type": "string",
        "flags": [
          "multiple"
        ]
      }
    ]
  }
];
