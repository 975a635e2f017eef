// Interface facts of the bitmap commands, imported from redis-server 7.0 by scripts/import-command-specs.ts.
// Prose fields are empty here; faha's own wording is merged in by ./prose.ts.
import type { CommandSpec } from '../types.js';

export const BITMAP_FACTS: CommandSpec[] = [
  {
    "name": "bitcount",
    "arity": -2,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@bitmap",
      "@slow"
    ],
    "summary": "",
    "since": "2.6.0",
    "group": "bitmap",
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
        "name": "index",
        "type": "block",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "start",
            "type": "integer"
          },
          {
            "name": "end",
            "type": "integer"
          },
          {
            "name": "index_unit",
            "type": "oneof",
            "since": "7.0.0",
            "flags": [
              "optional"
            ],
            "arguments": [
              {
                "name": "byte",
                "type": "pure-token",
                "token": "BYTE"
              },
              {
                "name": "bit",
                "type": "pure-token",
                "token": "BIT"
              }
            ]
          }
        ]
      }
    ]
  },
  {
    "name": "bitfield",
    "arity": -2,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@bitmap",
      "@slow"
    ],
    "summary": "",
    "since": "3.2.0",
    "group": "bitmap",
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
    "arguments": [
      {
        "name": "key",
        "type": "key",
        "keySpecIndex": 0
      },
      {
        "name": "operation",
        "type": "oneof",
        "flags": [
          "optional",
          "multiple"
        ],
        "arguments": [
          {
            "name": "encoding_offset",
            "type": "block",
            "token": "GET",
            "arguments": [
              {
                "name": "encoding",
                "type": "string"
              },
              {
                "name": "offset",
                "type": "integer"
              }
            ]
          },
          {
            "name": "write",
            "type": "block",
            "arguments": [
              {
                "name": "wrap_sat_fail",
                "type": "oneof",
                "token": "OVERFLOW",
                "flags": [
                  "optional"
                ],
                "arguments": [
                  {
                    "name": "wrap",
                    "type": "pure-token",
                    "token": "WRAP"
                  },
                  {
                    "name": "sat",
                    "type": "pure-token",
                    "token": "SAT"
                  },
                  {
                    "name": "fail",
                    "type": "pure-token",
                    "token": "FAIL"
                  }
                ]
              },
              {
                "name": "write_operation",
                "type": "oneof",
                "arguments": [
                  {
                    "name": "encoding_offset_value",
                    "type": "block",
                    "token": "SET",
                    "arguments": [
                      {
                        "name": "encoding",
                        "type": "string"
                      },
                      {
                        "name": "offset",
                        "type": "integer"
                      },
                      {
                        "name": "value",
                        "type": "integer"
                      }
                    ]
                  },
                  {
                    "name": "encoding_offset_increment",
                    "type": "block",
                    "token": "INCRBY",
                    "arguments": [
                      {
                        "name": "encoding",
                        "type": "string"
                      },
                      {
                        "name": "offset",
                        "type": "integer"
                      },
                      {
                        "name": "increment",
                        "type": "integer"
                      }
                    ]
                  }
                ]
              }
            ]
          }
        ]
      }
    ]
  },
  {
    "name": "bitfield_ro",
    "arity": -2,
    "flags": [
      "readonly",
      "fast"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@bitmap",
      "@fast"
    ],
    "summary": "",
    "since": "6.0.0",
    "group": "bitmap",
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
        "name": "encoding_offset",
        "type": "block",
        "token": "GET",
        "flags": [
          "optional",
          "multiple",
          "multiple_token"
        ],
        "arguments": [
          {
            "name": "encoding",
            "type": "string"
          },
          {
            "name": "offset",
            "type": "integer"
          }
        ]
      }
    ]
  },
  {
    "name": "bitop",
    "arity": -4,
    "flags": [
      "write",
      "denyoom"
    ],
    "firstKey": 2,
    "lastKey": -1,
    "step": 1,
    "aclCategories": [
      "@write",
      "@bitmap",
      "@slow"
    ],
    "summary": "",
    "since": "2.6.0",
    "group": "bitmap",
    "keySpecs": [
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
      },
      {
        "flags": [
          "RO",
          "access"
        ],
        "beginSearch": {
          "type": "index",
          "index": 3
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
        "name": "operation",
        "type": "string"
      },
      {
        "name": "destkey",
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
    "name": "bitpos",
    "arity": -3,
    "flags": [
      "readonly"
    ],
    "firstKey": 1,
    "lastKey": 1,
    "step": 1,
    "aclCategories": [
      "@read",
      "@bitmap",
      "@slow"
    ],
    "summary": "",
    "since": "2.8.7",
    "group": "bitmap",
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
        "name": "bit",
        "type": "integer"
      },
      {
        "name": "index",
        "type": "block",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "start",
            "type": "integer"
          },
          {
            "name": "end_index",
            "type": "block",
            "flags": [
              "optional"
            ],
            "arguments": [
              {
                "name": "end",
                "type": "integer"
              },
              {
                "name": "index_unit",
                "type": "oneof",
                "since": "7.0.0",
                "flags": [
                  "optional"
                ],
                "arguments": [
                  {
                    "name": "byte",
                    "type": "pure-token",
                    "token": "BYTE"
                  },
                  {
                    "name": "bit",
                    "type": "pure-token",
                    "token": "BIT"
                  }
                ]
              }
            ]
          }
        ]
      }
    ]
  },
  {
    "name": "getbit",
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
      "@bitmap",
      "@fast"
    ],
    "summary": "",
    "since": "2.2.0",
    "group": "bitmap",
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
        "name": "offset",
        "type": "integer"
      }
    ]
  },
  {
    "name": "setbit",
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
      "@bitmap",
      "@slow"
    ],
    "summary": "",
    "since": "2.2.0",
    "group": "bitmap",
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
        "name": "offset",
        "type": "integer"
      },
      {
        "name": "value",
        "type": "integer"
      }
    ]
  }
];
