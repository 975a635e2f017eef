// Interface facts of the sorted-set commands, imported from redis-server 7.0 by scripts/import-command-specs.ts.
// Prose fields are empty here; faha's own wording is merged in by ./prose.ts.
import type { CommandSpec } from '../types.js';

export const SORTED_SET_FACTS: CommandSpec[] = [
  {
    "name": "bzmpop",
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
      "@sortedset",
      "@slow",
      "@blocking"
    ],
    "summary": "",
    "since": "7.0.0",
    "group": "sorted-set",
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
            "name": "min",
            "type": "pure-token",
            "token": "MIN"
          },
          {
            "name": "max",
            "type": "pure-token",
            "token": "MAX"
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
    "name": "bzpopmax",
    "arity": -3,
    "flags": [
      "write",
      "noscript",
      "blocking",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": -2,
    "step": 1,
    "aclCategories": [
      "@write",
      "@sortedset",
      "@fast",
      "@blocking"
    ],
    "summary": "",
    "since": "5.0.0",
    "group": "sorted-set",
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
    "name": "bzpopmin",
    "arity": -3,
    "flags": [
      "write",
      "noscript",
      "blocking",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": -2,
    "step": 1,
    "aclCategories": [
      "@write",
      "@sortedset",
      "@fast",
      "@blocking"
    ],
    "summary": "",
    "since": "5.0.0",
    "group": "sorted-set",
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
    "name": "zadd",
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
      "@sortedset",
      "@fast"
    ],
    "summary": "",
    "since": "1.2.0",
    "group": "sorted-set",
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
        "2.4.0",
        ""
      ],
      [
        "3.0.2",
        ""
      ],
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
        "name": "condition",
        "type": "oneof",
        "since": "3.0.2",
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
        "name": "comparison",
        "type": "oneof",
        "since": "6.2.0",
        "flags": [
          "optional"
        ],
        "arguments": [
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
      },
      {
        "name": "change",
        "type": "pure-token",
        "token": "CH",
        "since": "3.0.2",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "increment",
        "type": "pure-token",
        "token": "INCR",
        "since": "3.0.2",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "score_member",
        "type": "block",
        "flags": [
          "multiple"
        ],
        "arguments": [
          {
            "name": "score",
            "type": "double"
          },
          {
            "name": "member",
            "type": "string"
          }
        ]
      }
    ]
  },
  {
    "name": "zcard",
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
      "@sortedset",
      "@fast"
    ],
    "summary": "",
    "since": "1.2.0",
    "group": "sorted-set",
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
    "name": "zcount",
    "arity": 4,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@sortedset",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "sorted-set",
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
        "name": "min",
        "type": "double"
      },
      {
        "name": "max",
        "type": "double"
      }
    ]
  },
  {
    "name": "zdiff",
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
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "sorted-set",
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
        "name": "withscores",
        "type": "pure-token",
        "token": "WITHSCORES",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "zdiffstore",
    "arity": -4,
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
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "sorted-set",
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
        "name": "destination",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "numkeys",
        "type": "integer"
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
    "name": "zincrby",
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
      "@sortedset",
      "@fast"
    ],
    "summary": "",
    "since": "1.2.0",
    "group": "sorted-set",
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
      },
      {
        "name": "member",
        "type": "string"
      }
    ]
  },
  {
    "name": "zinter",
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
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "sorted-set",
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
        "name": "weight",
        "type": "integer",
        "token": "WEIGHTS",
        "flags": [
          "optional",
          "multiple"
        ]
      },
      {
        "name": "aggregate",
        "type": "oneof",
        "token": "AGGREGATE",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "sum",
            "type": "pure-token",
            "token": "SUM"
          },
          {
            "name": "min",
            "type": "pure-token",
            "token": "MIN"
          },
          {
            "name": "max",
            "type": "pure-token",
            "token": "MAX"
          }
        ]
      },
      {
        "name": "withscores",
        "type": "pure-token",
        "token": "WITHSCORES",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "zintercard",
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
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "7.0.0",
    "group": "sorted-set",
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
    "name": "zinterstore",
    "arity": -4,
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
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "sorted-set",
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
        "name": "destination",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "numkeys",
        "type": "integer"
      },
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 1,
        "flags": [
          "multiple"
        ]
      },
      {
        "name": "weight",
        "type": "integer",
        "token": "WEIGHTS",
        "flags": [
          "optional",
          "multiple"
        ]
      },
      {
        "name": "aggregate",
        "type": "oneof",
        "token": "AGGREGATE",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "sum",
            "type": "pure-token",
            "token": "SUM"
          },
          {
            "name": "min",
            "type": "pure-token",
            "token": "MIN"
          },
          {
            "name": "max",
            "type": "pure-token",
            "token": "MAX"
          }
        ]
      }
    ]
  },
  {
    "name": "zlexcount",
    "arity": 4,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@sortedset",
      "@fast"
    ],
    "summary": "",
    "since": "2.8.9",
    "group": "sorted-set",
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
        "name": "min",
        "type": "string"
      },
      {
        "name": "max",
        "type": "string"
      }
    ]
  },
  {
    "name": "zmpop",
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
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "7.0.0",
    "group": "sorted-set",
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
            "name": "min",
            "type": "pure-token",
            "token": "MIN"
          },
          {
            "name": "max",
            "type": "pure-token",
            "token": "MAX"
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
    "name": "zmscore",
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
      "@sortedset",
      "@fast"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "sorted-set",
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
    "name": "zpopmax",
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
      "@sortedset",
      "@fast"
    ],
    "summary": "",
    "since": "5.0.0",
    "group": "sorted-set",
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
      },
      {
        "name": "count",
        "type": "integer",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "zpopmin",
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
      "@sortedset",
      "@fast"
    ],
    "summary": "",
    "since": "5.0.0",
    "group": "sorted-set",
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
      },
      {
        "name": "count",
        "type": "integer",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "zrandmember",
    "arity": -2,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "sorted-set",
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
            "name": "withscores",
            "type": "pure-token",
            "token": "WITHSCORES",
            "flags": [
              "optional"
            ]
          }
        ]
      }
    ]
  },
  {
    "name": "zrange",
    "arity": -4,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "1.2.0",
    "group": "sorted-set",
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
        "name": "start",
        "type": "string"
      },
      {
        "name": "stop",
        "type": "string"
      },
      {
        "name": "sortby",
        "type": "oneof",
        "since": "6.2.0",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "byscore",
            "type": "pure-token",
            "token": "BYSCORE"
          },
          {
            "name": "bylex",
            "type": "pure-token",
            "token": "BYLEX"
          }
        ]
      },
      {
        "name": "rev",
        "type": "pure-token",
        "token": "REV",
        "since": "6.2.0",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "offset_count",
        "type": "block",
        "token": "LIMIT",
        "since": "6.2.0",
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
        "name": "withscores",
        "type": "pure-token",
        "token": "WITHSCORES",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "zrangebylex",
    "arity": -4,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "2.8.9",
    "group": "sorted-set",
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
    "deprecatedSince": "6.2.0",
    "replacedBy": "`ZRANGE` with the `BYLEX` argument",
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "min",
        "type": "string"
      },
      {
        "name": "max",
        "type": "string"
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
      }
    ]
  },
  {
    "name": "zrangebyscore",
    "arity": -4,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "1.0.5",
    "group": "sorted-set",
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
    "deprecatedSince": "6.2.0",
    "replacedBy": "`ZRANGE` with the `BYSCORE` argument",
    "history": [
      [
        "2.0.0",
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
        "name": "min",
        "type": "double"
      },
      {
        "name": "max",
        "type": "double"
      },
      {
        "name": "withscores",
        "type": "pure-token",
        "token": "WITHSCORES",
        "since": "2.0.0",
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
      }
    ]
  },
  {
    "name": "zrangestore",
    "arity": -5,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": 2,
    "step": 1,
    "aclCategories": [
      "@write",
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "sorted-set",
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
          "lastKey": 0,
          "keyStep": 1,
          "limit": 0
        }
      }
    ],
    "complexity": "",
    "arguments": [
      {
        "name": "dst",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "src",
        "type": "key",
        "keySpecIndex": 1
      },
      {
        "name": "min",
        "type": "string"
      },
      {
        "name": "max",
        "type": "string"
      },
      {
        "name": "sortby",
        "type": "oneof",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "byscore",
            "type": "pure-token",
            "token": "BYSCORE"
          },
          {
            "name": "bylex",
            "type": "pure-token",
            "token": "BYLEX"
          }
        ]
      },
      {
        "name": "rev",
        "type": "pure-token",
        "token": "REV",
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
      }
    ]
  },
  {
    "name": "zrank",
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
      "@sortedset",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "sorted-set",
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
        "type": "string"
      }
    ]
  },
  {
    "name": "zrem",
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
      "@sortedset",
      "@fast"
    ],
    "summary": "",
    "since": "1.2.0",
    "group": "sorted-set",
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
    "name": "zremrangebylex",
    "arity": 4,
    "flags": [
      "write"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "2.8.9",
    "group": "sorted-set",
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
        "name": "min",
        "type": "string"
      },
      {
        "name": "max",
        "type": "string"
      }
    ]
  },
  {
    "name": "zremrangebyrank",
    "arity": 4,
    "flags": [
      "write"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "sorted-set",
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
    "name": "zremrangebyscore",
    "arity": 4,
    "flags": [
      "write"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "1.2.0",
    "group": "sorted-set",
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
        "name": "min",
        "type": "double"
      },
      {
        "name": "max",
        "type": "double"
      }
    ]
  },
  {
    "name": "zrevrange",
    "arity": -4,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "1.2.0",
    "group": "sorted-set",
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
    "deprecatedSince": "6.2.0",
    "replacedBy": "`ZRANGE` with the `REV` argument",
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
      },
      {
        "name": "withscores",
        "type": "pure-token",
        "token": "WITHSCORES",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "zrevrangebylex",
    "arity": -4,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "2.8.9",
    "group": "sorted-set",
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
    "deprecatedSince": "6.2.0",
    "replacedBy": "`ZRANGE` with the `REV` and `BYLEX` arguments",
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "max",
        "type": "string"
      },
      {
        "name": "min",
        "type": "string"
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
      }
    ]
  },
  {
    "name": "zrevrangebyscore",
    "arity": -4,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "2.2.0",
    "group": "sorted-set",
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
    "deprecatedSince": "6.2.0",
    "replacedBy": "`ZRANGE` with the `REV` and `BYSCORE` arguments",
    "history": [
      [
        "2.1.6",
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
        "name": "max",
        "type": "double"
      },
      {
        "name": "min",
        "type": "double"
      },
      {
        "name": "withscores",
        "type": "pure-token",
        "token": "WITHSCORES",
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
      }
    ]
  },
  {
    "name": "zrevrank",
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
      "@sortedset",
      "@fast"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "sorted-set",
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
        "type": "string"
      }
    ]
  },
  {
    "name": "zscan",
    "arity": -3,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "2.8.0",
    "group": "sorted-set",
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
    "name": "zscore",
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
      "@sortedset",
      "@fast"
    ],
    "summary": "",
    "since": "1.2.0",
    "group": "sorted-set",
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
        "type": "string"
      }
    ]
  },
  {
    "name": "zunion",
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
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "sorted-set",
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
        "name": "weight",
        "type": "integer",
        "token": "WEIGHTS",
        "flags": [
          "optional",
          "multiple"
        ]
      },
      {
        "name": "aggregate",
        "type": "oneof",
        "token": "AGGREGATE",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "sum",
            "type": "pure-token",
            "token": "SUM"
          },
          {
            "name": "min",
            "type": "pure-token",
            "token": "MIN"
          },
          {
            "name": "max",
            "type": "pure-token",
            "token": "MAX"
          }
        ]
      },
      {
        "name": "withscores",
        "type": "pure-token",
        "token": "WITHSCORES",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "zunionstore",
    "arity": -4,
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
      "@sortedset",
      "@slow"
    ],
    "summary": "",
    "since": "2.0.0",
    "group": "sorted-set",
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
        "name": "destination",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "numkeys",
        "type": "integer"
      },
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 1,
        "flags": [
          "multiple"
        ]
      },
      {
        "name": "weight",
        "type": "integer",
        "token": "WEIGHTS",
        "flags": [
          "optional",
          "multiple"
        ]
      },
      {
        "name": "aggregate",
        "type": "oneof",
        "token": "AGGREGATE",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "sum",
            "type": "pure-token",
            "token": "SUM"
          },
          {
            "name": "min",
            "type": "pure-token",
            "token": "MIN"
          },
          {
            "name": "max",
            "type": "pure-token",
            "token": "MAX"
          }
        ]
      }
    ]
  }
];
